package org.nashir.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.DocValues;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a reader's query into a Lucene query and runs it. Words combine with OR, and an article matching more of
 * them scores higher (BM25 adds up); a word's alternative readings count once (a synonym query); phrases and
 * title matches weigh more; long words also match one typo away; recency nudges newer articles up without
 * overriding relevance.
 */
public final class Searching {
    /** Fields searched, with their weight. */
    static final Map<String, Float> FIELDS = Map.of("title", 4f, "kicker", 2f, "summary", 2f, "tags", 2.5f, "bylines", 1.5f,
        "section", 1f, "source", 1f, "body", 1f);

    /** One result: the article and a snippet of its text with the reader's words marked as written there. */
    public record Hit(long id, String snippetHtml) {}

    public record Result(long total, List<Hit> hits) {}

    /** Filters and order: section and author slugs, a date range, newest first instead of by relevance. */
    public record Options(String section, String author, Instant from, Instant to, boolean newest, int offset, int limit) {}

    private final SearchIndex index;
    private final Analyzer analyzer = new ArabicAnalysis();
    private final Clock clock;

    public Searching(SearchIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    public Result search(SearchQuery q, Options o) {
        try {
            IndexSearcher searcher = index.acquire();
            try {
                Query query = build(q, o);
                int want = Math.max(1, o.offset() + o.limit());
                TopDocs top = o.newest()
                    ? searcher.search(query, want, new Sort(new SortField("published", SortField.Type.LONG, true)))
                    : searcher.search(query, want);
                long total = searcher.count(query);
                List<Hit> hits = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                int from = Math.min(o.offset(), docs.length);
                int[] ids = new int[docs.length - from];
                for (int i = from; i < docs.length; i++) ids[i - from] = docs[i].doc;
                String[] snippets = snippets(searcher, query, ids);
                for (int i = 0; i < ids.length; i++) {
                    hits.add(new Hit(Long.parseLong(searcher.storedFields().document(ids[i]).get("id")), snippets[i]));
                }
                return new Result(total, hits);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    private String[] snippets(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
        if (docIds.length == 0) return new String[0];
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withMaxLength(100_000).build();
        Map<String, String[]> out = highlighter.highlightFields(new String[] {"body"}, query, docIds, new int[] {2});
        String[] body = out.get("body");
        String[] result = new String[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            result[i] = body[i] != null ? body[i] : escape(first(searcher.storedFields().document(docIds[i]).get("body"), 220));
        }
        return result;
    }

    Query build(SearchQuery q, Options o) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        for (String word : q.words()) {
            List<List<String>> positions = analyze(word);
            List<List<String>> surfaces = analyze(word, "body" + ArabicAnalysis.FOLDED_SUFFIX);
            for (int i = 0; i < positions.size(); i++) {
                String surface = positions.size() == surfaces.size() ? surfaces.get(i).getFirst() : null;
                b.add(wordQuery(positions.get(i), surface), BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        for (String phrase : q.phrases()) {
            Query p = phraseQuery(phrase);
            if (p != null) {
                b.add(p, BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        if (!any) b.add(new MatchAllDocsQuery(), q.isEmpty() ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
        if (!any && !q.isEmpty()) {
            // Only stop words: nothing can match meaningfully; return nothing rather than everything.
            return new BooleanQuery.Builder().add(new TermQuery(new Term("id", "\u0000none")), BooleanClause.Occur.MUST).build();
        }
        for (String ex : q.excluded()) {
            for (List<String> readings : analyze(ex)) b.add(wordQuery(readings, null), BooleanClause.Occur.MUST_NOT);
        }
        if (o.section() != null) b.add(new TermQuery(new Term("section_slug", o.section())), BooleanClause.Occur.FILTER);
        if (o.author() != null) b.add(new TermQuery(new Term("author", o.author())), BooleanClause.Occur.FILTER);
        if (o.from() != null || o.to() != null) {
            long lo = o.from() == null ? Long.MIN_VALUE : o.from().toEpochMilli();
            long hi = o.to() == null ? Long.MAX_VALUE : o.to().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery("published", lo, hi), BooleanClause.Occur.FILTER);
        }
        BooleanQuery query = b.build();
        return o.newest() || !any ? query : FunctionScoreQuery.boostByValue(query, new Recency(clock.millis()));
    }

    /** One position of the query: its readings in every field, plus one-typo matches for long words. */
    private Query wordQuery(List<String> readings, String surface) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> f : FIELDS.entrySet()) {
            Query q;
            if (readings.size() == 1) {
                q = new TermQuery(new Term(f.getKey(), readings.getFirst()));
            } else {
                SynonymQuery.Builder s = new SynonymQuery.Builder(f.getKey());
                for (String r : readings) s.addTerm(new Term(f.getKey(), r));
                q = s.build();
            }
            fields.add(new BoostQuery(q, f.getValue()), BooleanClause.Occur.SHOULD);
        }
        String main = readings.getFirst();
        if (surface != null) {
            // The word as typed (folded, unstemmed) weighs extra: stemming finds more, this ranks the exact wording first.
            fields.add(new BoostQuery(new TermQuery(new Term("title" + ArabicAnalysis.FOLDED_SUFFIX, surface)), 3f), BooleanClause.Occur.SHOULD);
            fields.add(new BoostQuery(new TermQuery(new Term("body" + ArabicAnalysis.FOLDED_SUFFIX, surface)), 1f), BooleanClause.Occur.SHOULD);
        }
        if (main.codePointCount(0, main.length()) >= 5) {
            for (String field : List.of("title", "body")) {
                fields.add(new BoostQuery(new FuzzyQuery(new Term(field, main), 1, 2, 20, false), 0.2f), BooleanClause.Occur.SHOULD);
            }
        }
        return fields.build();
    }

    private Query phraseQuery(String phrase) {
        List<List<String>> positions = analyze(phrase);
        if (positions.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String field : List.of("title", "body", "summary")) {
            PhraseQuery.Builder p = new PhraseQuery.Builder();
            int pos = 0;
            for (List<String> readings : positions) p.add(new Term(field, readings.getFirst()), pos++);
            b.add(new BoostQuery(p.build(), field.equals("title") ? 6f : 3f), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /** The analysed positions of {@code text}: at each, the readings (one, or two for an ambiguous clitic). */
    List<List<String>> analyze(String text) {
        return analyze(text, "body");
    }

    private List<List<String>> analyze(String text, String field) {
        List<List<String>> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() == 0 && !out.isEmpty()) out.getLast().add(term.toString());
                else out.add(new ArrayList<>(List.of(term.toString())));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Articles like this one (More Like This over the same analysis), not including it. */
    public List<Long> related(long articleId, int limit) {
        try {
            IndexSearcher searcher = index.acquire();
            try {
                TopDocs self = searcher.search(new TermQuery(new Term("id", Long.toString(articleId))), 1);
                if (self.scoreDocs.length == 0) return List.of();
                MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
                mlt.setAnalyzer(analyzer);
                mlt.setFieldNames(new String[] {"title", "body"});
                mlt.setMinTermFreq(1);
                mlt.setMinDocFreq(2);
                mlt.setMaxQueryTerms(25);
                var stored = searcher.storedFields().document(self.scoreDocs[0].doc);
                Query like = mlt.like("body", new StringReader(stored.get("title") + "\n" + stored.get("title") + "\n" + stored.get("body")));
                BooleanQuery q = new BooleanQuery.Builder().add(like, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term("id", Long.toString(articleId))), BooleanClause.Occur.MUST_NOT).build();
                List<Long> ids = new ArrayList<>();
                for (ScoreDoc d : searcher.search(q, limit).scoreDocs) ids.add(Long.parseLong(searcher.storedFields().document(d.doc).get("id")));
                return ids;
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("related articles failed for " + articleId, e);
        }
    }

    private static String first(String text, int chars) {
        if (text == null) return "";
        if (text.length() <= chars) return text;
        int cut = text.lastIndexOf(' ', chars);
        return text.substring(0, cut > chars / 2 ? cut : chars) + " …";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** 1 for an article published now, falling gently (to 0.85 over about a year): a tie-breaker, not a ranking. */
    static final class Recency extends DoubleValuesSource {
        private final long now;

        Recency(long now) {
            this.now = now;
        }

        @Override
        public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
            NumericDocValues published = DocValues.getNumeric(ctx.reader(), "published");
            return new DoubleValues() {
                long value;

                @Override
                public double doubleValue() {
                    double days = Math.max(0, (now - value) / 86_400_000.0);
                    return 0.85 + 0.15 / (1 + days / 30.0);
                }

                @Override
                public boolean advanceExact(int doc) throws IOException {
                    value = published.advanceExact(doc) ? published.longValue() : 0;
                    return true;
                }
            };
        }

        @Override
        public boolean needsScores() {
            return false;
        }

        @Override
        public DoubleValuesSource rewrite(IndexSearcher searcher) {
            return this;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(now);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Recency r && r.now == now;
        }

        @Override
        public String toString() {
            return "recency(" + now + ")";
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
            return false;
        }
    }
}
