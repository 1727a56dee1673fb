package org.nashir.bench;

import org.nashir.testing.Corpus;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.nashir.search.ArabicAnalysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Known-item search quality on the ANT corpora (about 40,000 real articles): for sampled articles, the title is
 * rewritten the way readers type it (one kind of variant at a time) and searched over title and body; the rank of
 * the article it came from gives MRR@10 and recall@10, for Nashir's analysis, Lucene's {@code ArabicAnalyzer} and
 * no Arabic handling ({@code StandardAnalyzer}), side by side in one run. Nashir indexes each text twice, stemmed
 * and as written (folded only), and searches both, as the product does; the others search their one analysis.
 *
 * <p>Run: {@code ./mvnw -B test -Dtest=SearchQualityBench -Dnashir.shared=../shared -Dsurefire.failIfNoSpecifiedTests=false}
 * (see bench/README.md). Not part of the normal test run: it reads the corpora and takes a few minutes.
 */
class SearchQualityBench {
    static final int SAMPLE = 400;
    /** {@code -Dnashir.bench.losses=KIND} prints that kind's queries where ArabicAnalyzer ranks the article higher. */
    static final String LOSSES = System.getProperty("nashir.bench.losses", "");
    /** Weight of the as-written fields relative to the stemmed ones (the product uses the same ratio). */
    static final float AS_WRITTEN = Float.parseFloat(System.getProperty("nashir.bench.asWritten", "0.5"));

    /** A kind of variant: a rewrite of a title, or null when the title has nothing it applies to. */
    record Variant(String name, UnaryOperator<String> rewrite) {}

    static final List<Variant> VARIANTS = List.of(
        new Variant("exact", t -> t),
        new Variant("hamza (أ إ آ → ا)", t -> changed(t, t.replaceAll("[أإآ]", "ا"))),
        new Variant("ta marbuta (ة → ه)", t -> changed(t, t.replace('ة', 'ه'))),
        new Variant("alef maqsura (ى → ي)", t -> changed(t, t.replace('ى', 'ي'))),
        new Variant("hamza seats (ؤ ↔ ئ)", t -> changed(t, t.replace('ؤ', '\u0001').replace('ئ', 'ؤ').replace('\u0001', 'ئ'))),
        new Variant("hamza seat dropped (ؤ → و, ئ → ي, final ء)", t -> changed(t, t.replace('ؤ', 'و').replace('ئ', 'ي').replaceAll("اء(?=\\s|$)", "ا"))),
        new Variant("name spellings (ترامب ↔ ترمب…)", SearchQualityBench::nameSpelling),
        new Variant("سوريا ↔ سورية", t -> changed(t, t.replace("سوريا", "\u0001").replace("سورية", "سوريا").replace("\u0001", "سورية"))),
        new Variant("clitics (و/ب/ل + word)", SearchQualityBench::clitics),
        new Variant("article ال added/removed", SearchQualityBench::article),
        new Variant("plural/dual forms", SearchQualityBench::plurals),
        new Variant("tashkeel", SearchQualityBench::tashkeel),
        new Variant("tatweel", t -> changed(t, t.replaceAll("([بتثجحخسشصضطظعغفقكلمنهي])([بتثجحخسشصضطظعغفقكلمنهي])", "$1ـ$2"))),
        new Variant("all of the above", t -> changed(t, tashkeel(t.replaceAll("[أإآ]", "ا").replace('ة', 'ه').replace('ى', 'ي')))));

    /** Three consecutive Arabic words of at least three letters from the middle of the title, or null. */
    static String window(String title) {
        String[] w = title.replaceAll("[^\\u0621-\\u064A\\s]", " ").trim().split("\\s+");
        for (int start = Math.max(0, w.length / 2 - 2); start + 3 <= w.length; start++) {
            if (w[start].length() >= 3 && w[start + 1].length() >= 3 && w[start + 2].length() >= 3) return w[start] + " " + w[start + 1] + " " + w[start + 2];
        }
        for (int start = 0; start + 3 <= w.length; start++) {
            if (w[start].length() >= 3 && w[start + 1].length() >= 3 && w[start + 2].length() >= 3) return w[start] + " " + w[start + 1] + " " + w[start + 2];
        }
        return null;
    }

    static String changed(String before, String after) {
        return after == null || after.equals(before) ? null : after;
    }

    static String clitics(String t) {
        String[] w = t.split(" ");
        boolean any = false;
        for (int i = 0; i < w.length; i++) {
            if (w[i].startsWith("ال") && w[i].length() > 4) {
                w[i] = (i % 3 == 0 ? "و" : i % 3 == 1 ? "ب" : "وب") + w[i];
                any = true;
            }
        }
        return any ? String.join(" ", w) : null;
    }

    static String article(String t) {
        String[] w = t.split(" ");
        boolean any = false;
        for (int i = 0; i < w.length; i++) {
            if (w[i].length() < 4 || !w[i].matches("[\\u0621-\\u064A]+")) continue;
            if (w[i].startsWith("ال")) w[i] = w[i].substring(2);
            else w[i] = "ال" + w[i];
            any = true;
        }
        return any ? String.join(" ", w) : null;
    }

    static String plurals(String t) {
        String[] w = t.split(" ");
        boolean any = false;
        for (int i = 0; i < w.length; i++) {
            if (w[i].endsWith("ون") && w[i].length() > 4) { w[i] = w[i].substring(0, w[i].length() - 2) + "ين"; any = true; }
            else if (w[i].endsWith("ين") && w[i].length() > 5) { w[i] = w[i].substring(0, w[i].length() - 2) + "ون"; any = true; }
            else if (w[i].endsWith("ات") && w[i].length() > 4) { w[i] = w[i].substring(0, w[i].length() - 2) + "ة"; any = true; }
            else if (w[i].endsWith("ان") && w[i].length() > 5 && !w[i].endsWith("ستان")) { w[i] = w[i].substring(0, w[i].length() - 2) + "ين"; any = true; }
        }
        return any ? String.join(" ", w) : null;
    }

    /**
     * The seeded names (the migration that makes the list), as groups of spellings: what a site starts with. Read
     * from the SQL so the bench measures the product's list.
     */
    static final List<List<String>> NAMES = seededNames();

    static List<List<String>> seededNames() {
        try {
            String sql = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/db/migration/sqlite/V10__names.sql"));
            List<List<String>> out = new ArrayList<>();
            for (String statement : sql.split(";")) {
                if (!statement.contains("INSERT INTO name_spelling")) continue;
                List<String> group = new ArrayList<>();
                var m = java.util.regex.Pattern.compile("\\('[^']*', '([^']*)'").matcher(statement);
                while (m.find()) group.add(m.group(1));
                out.add(group);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A listed name in the title written in another of its spellings (with the clitics it had). */
    static String nameSpelling(String t) {
        for (List<String> group : NAMES) {
            for (String spelling : group) {
                var m = java.util.regex.Pattern.compile("(^|\\s)([وفبل]?(?:ال)?)" + java.util.regex.Pattern.quote(spelling) + "(?=\\s|$)").matcher(t);
                if (m.find()) {
                    String other = group.get((group.indexOf(spelling) + 1) % group.size());
                    return changed(t, m.replaceFirst("$1$2" + java.util.regex.Matcher.quoteReplacement(other)));
                }
            }
        }
        return null;
    }

    /**
     * Nashir's analysis with the names' other spellings at the same position, as search adds them at query time
     * (Searching.withOtherSpellings): QueryBuilder makes them synonyms.
     */
    static Analyzer withNames(Analyzer nashir) {
        Map<String, List<String>> variants = new java.util.HashMap<>();
        for (List<String> group : NAMES) {
            for (String a : group) {
                List<String> others = new ArrayList<>();
                for (String b : group) if (!b.equals(a)) others.addAll(org.nashir.arabic.ArabicStemmer.stems(org.nashir.arabic.ArabicStemmer.fold(b)));
                for (String stem : org.nashir.arabic.ArabicStemmer.stems(org.nashir.arabic.ArabicStemmer.fold(a))) variants.computeIfAbsent(stem, k -> new ArrayList<>()).addAll(others);
            }
        }
        return new org.apache.lucene.analysis.AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String field) {
                return nashir;
            }

            @Override
            protected TokenStreamComponents wrapComponents(String field, TokenStreamComponents c) {
                // As Searching does: the other spellings join the stemmed fields' readings; the as-written fields
                // (title_f, body_f) keep rewarding the spelling typed.
                if (field.endsWith("_f")) return c;
                org.apache.lucene.analysis.TokenStream names = new org.apache.lucene.analysis.TokenFilter(c.getTokenStream()) {
                    final org.apache.lucene.analysis.tokenattributes.CharTermAttribute term = addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
                    final org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute position = addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
                    final java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>();
                    State state;

                    @Override
                    public boolean incrementToken() throws IOException {
                        if (!pending.isEmpty()) {
                            restoreState(state);
                            term.setEmpty().append(pending.poll());
                            position.setPositionIncrement(0);
                            return true;
                        }
                        if (!input.incrementToken()) return false;
                        List<String> more = variants.get(term.toString());
                        if (more != null) {
                            pending.addAll(more);
                            state = captureState();
                        }
                        return true;
                    }

                    @Override
                    public void reset() throws IOException {
                        super.reset();
                        pending.clear();
                    }
                };
                return new TokenStreamComponents(c.getSource(), names);
            }
        };
    }

    static String tashkeel(String t) {
        StringBuilder out = new StringBuilder();
        Random r = new Random(t.hashCode());
        char[] marks = {'\u064E', '\u064F', '\u0650', '\u0652', '\u0651'};
        for (char c : t.toCharArray()) {
            out.append(c);
            if (c >= 'ب' && c <= 'ي' && r.nextInt(3) == 0) out.append(marks[r.nextInt(marks.length)]);
        }
        return out.toString();
    }

    @Test
    void report() throws IOException {
        List<Corpus.Doc> docs = Corpus.all();
        Map<String, Analyzer> analyzers = new LinkedHashMap<>();
        analyzers.put("Nashir", new ArabicAnalysis());
        analyzers.put("ArabicAnalyzer", new ArabicAnalyzer());
        analyzers.put("none", new StandardAnalyzer());
        Map<String, IndexSearcher> searchers = new LinkedHashMap<>();
        for (var e : analyzers.entrySet()) {
            long t0 = System.nanoTime();
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(e.getValue()).setRAMBufferSizeMB(256))) {
                for (Corpus.Doc d : docs) {
                    Document doc = new Document();
                    doc.add(new StringField("id", d.id(), Field.Store.YES));
                    doc.add(new TextField("title", d.title(), Field.Store.NO));
                    doc.add(new TextField("body", d.text(), Field.Store.NO));
                    if (e.getKey().equals("Nashir")) {
                        doc.add(new TextField("title_f", d.title(), Field.Store.NO));
                        doc.add(new TextField("body_f", d.text(), Field.Store.NO));
                    }
                    w.addDocument(doc);
                }
            }
            searchers.put(e.getKey(), new IndexSearcher(DirectoryReader.open(dir)));
            System.out.printf(Locale.ROOT, "indexed %d articles with %s in %.1f s%n", docs.size(), e.getKey(), (System.nanoTime() - t0) / 1e9);
        }
        // The product's query side: the same index, with the names' other spellings added to query words.
        analyzers.put("Nashir + names", withNames(NASHIR_QUERIES));
        searchers.put("Nashir + names", searchers.get("Nashir"));
        Random random = new Random(20261129);
        List<Corpus.Doc> sample = new ArrayList<>();
        List<Corpus.Doc> pool = new ArrayList<>(docs);
        java.util.Collections.shuffle(pool, random);
        for (Corpus.Doc d : pool) if (d.title().split(" ").length >= 4 && sample.size() < SAMPLE * 10) sample.add(d);

        StringBuilder table = new StringBuilder("| variant | queries |");
        for (String a : analyzers.keySet()) table.append(" ").append(a).append(" MRR@10 | ").append(a).append(" R@10 |");
        table.append("\n|---|---|").append("---|---|".repeat(analyzers.size())).append('\n');
        Map<String, double[]> overall = new LinkedHashMap<>();
        for (Variant v : VARIANTS) {
            List<String[]> queries = new ArrayList<>();
            for (Corpus.Doc d : sample) {
                // Three neighbouring words of the title, as a reader remembers a story: the variant must change them.
                String window = window(d.title());
                if (window == null) continue;
                String q = v.rewrite().apply(window);
                if (q != null) queries.add(new String[] {d.id(), q});
                if (queries.size() == SAMPLE) break;
            }
            table.append("| ").append(v.name()).append(" | ").append(queries.size()).append(" |");
            for (var e : analyzers.entrySet()) {
                double mrr = 0, recall = 0;
                for (String[] q : queries) {
                    int rank = rank(searchers.get(e.getKey()), e.getValue(), q[1], q[0]);
                    if (LOSSES.equals(v.name()) && e.getKey().equals("Nashir")) {
                        int theirs = rank(searchers.get("ArabicAnalyzer"), analyzers.get("ArabicAnalyzer"), q[1], q[0]);
                        if (theirs > 0 && (rank == 0 || rank > theirs)) System.out.println("loss: " + q[1] + " | Nashir " + rank + " ArabicAnalyzer " + theirs);
                    }
                    if (rank > 0) {
                        mrr += 1.0 / rank;
                        recall += 1;
                    }
                }
                int n = Math.max(1, queries.size());
                table.append(String.format(Locale.ROOT, " %.3f | %.3f |", mrr / n, recall / n));
                double[] acc = overall.computeIfAbsent(e.getKey(), k -> new double[3]);
                if (!v.name().equals("exact")) {
                    acc[0] += mrr;
                    acc[1] += recall;
                    acc[2] += queries.size();
                }
            }
            table.append('\n');
        }
        table.append("| **all variants** | |");
        for (double[] acc : overall.values()) table.append(String.format(Locale.ROOT, " **%.3f** | **%.3f** |", acc[0] / acc[2], acc[1] / acc[2]));
        System.out.println("\nKnown-item search on " + docs.size() + " ANT articles: three neighbouring title words per query, up to " + SAMPLE + " queries per variant (seed 20261129):\n");
        System.out.println(table);
    }

    /**
     * 1-based rank of the article {@code id} in the top 10 for {@code text} over title (×2) and body, or 0. The
     * query is built by Lucene's {@code QueryBuilder}, as its query parser does for any analyzer (words OR'd,
     * tokens at one position as a synonym query), so only the analysis differs between the columns.
     */
    static final Analyzer NASHIR_QUERIES = ArabicAnalysis.forQueries();

    static int rank(IndexSearcher s, Analyzer analyzer, String text, String id) throws IOException {
        // Nashir analyses queries without the seatless spellings its index holds (ArabicAnalysis.forQueries).
        QueryBuilder qb = new QueryBuilder(analyzer instanceof ArabicAnalysis ? NASHIR_QUERIES : analyzer);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        org.apache.lucene.search.Query title = qb.createBooleanQuery("title", text, BooleanClause.Occur.SHOULD);
        org.apache.lucene.search.Query body = qb.createBooleanQuery("body", text, BooleanClause.Occur.SHOULD);
        if (title == null || body == null) return 0;
        b.add(new BoostQuery(title, 2f), BooleanClause.Occur.SHOULD);
        b.add(body, BooleanClause.Occur.SHOULD);
        if (analyzer instanceof ArabicAnalysis || analyzer instanceof org.apache.lucene.analysis.AnalyzerWrapper) {
            // Nashir searches the stemmed fields and, at a lower weight, the as-written (folded) ones.
            org.apache.lucene.search.Query titleF = qb.createBooleanQuery("title_f", text, BooleanClause.Occur.SHOULD);
            org.apache.lucene.search.Query bodyF = qb.createBooleanQuery("body_f", text, BooleanClause.Occur.SHOULD);
            if (titleF != null) b.add(new BoostQuery(titleF, 2f * AS_WRITTEN), BooleanClause.Occur.SHOULD);
            if (bodyF != null) b.add(new BoostQuery(bodyF, AS_WRITTEN), BooleanClause.Occur.SHOULD);
        }
        ScoreDoc[] top = s.search(b.build(), 10).scoreDocs;
        for (int i = 0; i < top.length; i++) if (s.storedFields().document(top[i].doc).get("id").equals(id)) return i + 1;
        return 0;
    }
}
