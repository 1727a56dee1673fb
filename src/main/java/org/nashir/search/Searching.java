package org.nashir.search;

import org.nashir.arabic.ArabicStemmer;
import static org.nashir.search.SearchDocument.AUTHOR;
import static org.nashir.search.SearchDocument.BODY;
import static org.nashir.search.SearchDocument.ID;
import static org.nashir.search.SearchDocument.META;
import static org.nashir.search.SearchDocument.PUBLISHED;
import static org.nashir.search.SearchDocument.SECTION;
import static org.nashir.search.SearchDocument.TITLE;

import org.nashir.article.Teaser;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
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
    static final Map<String, Float> FIELDS = Map.of(TITLE, 4f, META, 2f, BODY, 1f);

    /** One result: the article as a listing shows it, and a snippet with the reader's words marked as written there. */
    public record Hit(Teaser teaser, String snippetHtml) {
        public long id() {
            return teaser.id();
        }
    }

    /** {@code atLeast}: the true total is {@code total} or more (counting stops at {@link #COUNT_EXACTLY_UP_TO}). */
    public record Result(long total, boolean atLeast, List<Hit> hits) {
        /** About the bytes it holds: two per character of text shown, and the teasers' other fields. */
        int weight() {
            long chars = 0;
            for (Hit h : hits) {
                String summary = h.teaser().summary();
                chars += h.snippetHtml().length() + h.teaser().title().length() + (summary == null ? 0 : summary.length()) + 300;
            }
            return (int) Math.min(Integer.MAX_VALUE, 200 + 2 * chars);
        }
    }

    /** Filters and order: section and author slugs, a date range, newest first instead of by relevance. */
    public record Options(String section, String author, Instant from, Instant to, boolean newest, int offset, int limit) {}

    private final SearchIndex index;
    private final Analyzer analyzer = ArabicAnalysis.forQueries();
    private final Clock clock;

    public Searching(SearchIndex index, Clock clock, Names names) {
        this.index = index;
        this.clock = clock;
        this.names = names;
    }

    private final Names names;

    /**
     * Recent results by query, options and index version: the same search asked again before the index changes
     * (a name in the news, searched by thousands) is answered from memory. A commit bumps the version, so a
     * cached answer is never older than the index.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, Result> recent = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
        // Weighed, not counted: 10,000 pages of results (each some 20 KB of teasers and snippets) took the whole heap
        // of a small server when 500 readers searched for different things.
        .maximumWeight(org.nashir.config.HeapShare.bytes(0.08, 32L * 1024 * 1024))
        .weigher((String key, Result r) -> r.weight())
        .expireAfterWrite(java.time.Duration.ofMinutes(5)).build();

    public Result search(SearchQuery q, Options o) {
        String key = index.version() + "|" + names.version() + "|" + q + "|" + o;
        return recent.get(key, k -> searchNow(q, o));
    }

    private Result searchNow(SearchQuery q, Options o) {
        try {
            IndexSearcher searcher = index.acquire();
            try {
                // A few more than shown, so recency can lift a slightly lower, much newer hit onto the page.
                int want = Math.max(1, o.offset() + o.limit()) + (o.newest() ? 0 : 20);
                Query query = build(q, o, false);
                TopDocs top = run(searcher, query, want, o.newest());
                if (top.totalHits.value() < TYPO_RETRY_BELOW && !q.words().isEmpty()) {
                    // Few or no hits: try again allowing one typo in long words (costly, so only when needed).
                    Query fuzzy = build(q, o, true);
                    TopDocs again = run(searcher, fuzzy, want, o.newest());
                    if (again.totalHits.value() > top.totalHits.value()) {
                        query = fuzzy;
                        top = again;
                    }
                }
                // Past the exact count, Lucene's "at least" depends on how this node's index is cut into segments: every
                // node says the same bound instead, so a reader paging through a balancer sees one total.
                boolean atLeast = top.totalHits.relation() == org.apache.lucene.search.TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
                long total = atLeast ? COUNT_EXACTLY_UP_TO : top.totalHits.value();
                if (!o.newest()) top = byRecency(searcher, top);
                List<Hit> hits = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                int from = Math.min(o.offset(), docs.length);
                int to = Math.min(docs.length, o.offset() + o.limit());
                int[] ids = new int[Math.max(0, to - from)];
                for (int i = from; i < to; i++) ids[i - from] = docs[i].doc;
                String[] snippets = snippets(searcher, query, ids);
                for (int i = 0; i < ids.length; i++) hits.add(new Hit(SearchDocument.teaser(searcher, ids[i]), snippets[i]));
                return new Result(total, atLeast, hits);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    /**
     * «هل تقصد»: the query with each word the index does not know replaced by the closest word it does (at most two
     * edits, same first letter, from the as-written body field, the most frequent first), written as the site's
     * articles write it; empty when no word needed it or none was found. Meant for searches that found little.
     */
    public java.util.Optional<String> didYouMean(SearchQuery q) {
        if (q.words().isEmpty()) return java.util.Optional.empty();
        try {
            IndexSearcher searcher = index.acquire();
            try {
                var reader = searcher.getIndexReader();
                String field = SearchDocument.folded(BODY);
                var checker = new org.apache.lucene.search.spell.DirectSpellChecker();
                List<String> out = new ArrayList<>();
                boolean changed = false;
                for (String word : q.words()) {
                    String folded = ArabicStemmer.fold(word);
                    String surface = ArabicStemmer.surface(folded);
                    if (folded.isEmpty() || ArabicStemmer.isStopWord(folded) || reader.docFreq(new Term(field, surface)) > 0
                        || reader.docFreq(new Term(SearchDocument.folded(TITLE), surface)) > 0) {
                        out.add(word);
                        continue;
                    }
                    // Titles' words first (the words of the news), then the bodies'.
                    var found = checker.suggestSimilar(new Term(SearchDocument.folded(TITLE), surface), 1, reader, org.apache.lucene.search.spell.SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                    if (found.length == 0) found = checker.suggestSimilar(new Term(field, surface), 1, reader, org.apache.lucene.search.spell.SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                    if (found.length == 0) {
                        out.add(word);
                        continue;
                    }
                    // The clitics the reader typed (و، ال…) stay in front of the corrected word.
                    String clitics = folded.length() > surface.length() && folded.endsWith(surface) ? word.substring(0, Math.max(0, word.length() - wordLength(word, surface))) : "";
                    out.add(clitics + asWritten(searcher, found[0].string));
                    changed = true;
                }
                return changed ? java.util.Optional.of(String.join(" ", out)) : java.util.Optional.empty();
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("spelling suggestion failed", e);
        }
    }

    /** How many characters at the end of {@code word} (as typed) fold to {@code surface}. */
    private static int wordLength(String word, String surface) {
        for (int i = word.length() - 1; i >= 0; i--) {
            if (ArabicStemmer.fold(word.substring(i)).length() >= surface.length()) return word.length() - i;
        }
        return word.length();
    }

    /**
     * The folded index word {@code term} as articles write it (حكومه → حكومة): taken from the title or opening of the
     * newest article that has it, where a word folds to it; the folded form when none does.
     */
    private static String asWritten(IndexSearcher searcher, String term) throws IOException {
        Query has = new BooleanQuery.Builder()
            .add(new TermQuery(new Term(SearchDocument.folded(TITLE), term)), BooleanClause.Occur.SHOULD)
            .add(new TermQuery(new Term(SearchDocument.folded(BODY), term)), BooleanClause.Occur.SHOULD).build();
        TopDocs top = searcher.search(has, 3, new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true), BY_ID));
        for (ScoreDoc d : top.scoreDocs) {
            var doc = searcher.storedFields().document(d.doc);
            for (String text : new String[] {doc.get(TITLE), doc.get(BODY)}) {
                if (text == null) continue;
                for (String w : text.split("[^\\p{L}\\p{M}\\u0640]+")) {
                    String f = ArabicStemmer.fold(w);
                    if (!f.isEmpty() && ArabicStemmer.surface(f).equals(term)) {
                        // The word less the clitics the field left out.
                        return w.substring(Math.max(0, w.length() - wordLength(w, term)));
                    }
                }
            }
        }
        return term;
    }

    /**
     * Recency as a tie-breaker: the top hits' scores are multiplied by a factor from 1 (today) down to 0.85 (about a
     * year old) and re-sorted. Done on the top hits only, after the query, so the query itself keeps Lucene's
     * fast top-k scoring.
     */
    private TopDocs byRecency(IndexSearcher searcher, TopDocs top) throws IOException {
        long now = clock.millis();
        ScoreDoc[] docs = top.scoreDocs.clone();
        for (ScoreDoc d : docs) {
            var leaf = SearchDocument.leaf(searcher, d.doc);
            long at = SearchDocument.publishedMillis(leaf, d.doc - leaf.docBase);
            double days = Math.max(0, (now - at) / 86_400_000.0);
            d.score = (float) (d.score * (0.85 + 0.15 / (1 + days / 30.0)));
        }
        // Equal scores are ordered by article, newest id first, as the query's own sort does (see run).
        java.util.Map<ScoreDoc, Long> id = new java.util.IdentityHashMap<>();
        for (ScoreDoc d : docs) id.put(d, SearchDocument.articleId(searcher, d.doc));
        java.util.Arrays.sort(docs, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Long.compare(id.get(b), id.get(a)));
        return new TopDocs(top.totalHits, docs);
    }

    /** The last sort key of every search: the article, newest id first (see {@link #run}). */
    static final SortField BY_ID = new SortField(SearchDocument.ARTICLE_ID, SortField.Type.LONG, true);

    /** Hits are counted exactly up to this many; past it the total is "at least" (and said so by the caller). */
    static final int COUNT_EXACTLY_UP_TO = 500;
    static final int TYPO_RETRY_BELOW = 3;

    /**
     * Ties are broken by article id, not by Lucene's document number: each node builds its own index, where the same
     * article has another number, so equal scores came back in another order on each node and paging through a
     * balancer showed some hits twice and others never.
     */
    private static TopDocs run(IndexSearcher searcher, Query query, int want, boolean newest) throws IOException {
        Sort sort = newest ? new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true), BY_ID) : new Sort(SortField.FIELD_SCORE, BY_ID);
        return searcher.search(query, new org.apache.lucene.search.TopFieldCollectorManager(sort, want, null, COUNT_EXACTLY_UP_TO));
    }

    /**
     * Lucene's passage scoring (BM25 per passage) without its per-passage hash table: {@code PassageScorer.score}
     * makes a {@code BytesRefHash} (32 KB) for each candidate passage, a quarter of all the memory a search flood
     * allocated (bench/flood.sh, JFR). A passage holds a handful of matches, so its distinct terms are found by
     * comparing them; the scores are the same.
     */
    static final org.apache.lucene.search.uhighlight.PassageScorer PASSAGES = new org.apache.lucene.search.uhighlight.PassageScorer() {
        @Override
        public float score(org.apache.lucene.search.uhighlight.Passage passage, int contentLength) {
            int n = passage.getNumMatches();
            org.apache.lucene.util.BytesRef[] terms = passage.getMatchTerms();
            int[] inDoc = passage.getMatchTermFreqsInDoc();
            float score = 0;
            for (int i = 0; i < n; i++) {
                boolean seen = false;
                for (int j = 0; j < i && !seen; j++) seen = terms[j].bytesEquals(terms[i]);
                if (seen) continue;
                int inPassage = 1;
                for (int j = i + 1; j < n; j++) if (terms[j].bytesEquals(terms[i])) inPassage++;
                score += tf(inPassage, passage.getLength()) * weight(contentLength, inDoc[i]);
            }
            return score * norm(passage.getStartOffset());
        }
    };

    private String[] snippets(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
        if (docIds.length == 0) return new String[0];
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            // The query's terms against the body's postings offsets: matching the whole query again per hit
            // (weight matches) cost more than the search itself and marks the same words.
            .withWeightMatches(false)
            .withBreakIterator(SentenceBreaks::new)
            .withScorer(PASSAGES)
            .withMaxLength(SearchDocument.SNIPPET_SOURCE_CHARS).build();
        Map<String, String[]> out = highlighter.highlightFields(new String[] {BODY}, query, docIds, new int[] {1});
        String[] body = out.get(BODY);
        String[] result = new String[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            result[i] = body[i] != null ? body[i] : escape(first(searcher.storedFields().document(docIds[i]).get(BODY), 220));
        }
        return result;
    }

    Query build(SearchQuery q, Options o, boolean typos) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        for (String word : q.words()) {
            List<List<String>> positions = analyze(word);
            List<List<String>> surfaces = analyze(word, SearchDocument.folded(BODY));
            if (positions.size() == 1) positions = List.of(withOtherSpellings(word, positions.getFirst()));
            for (int i = 0; i < positions.size(); i++) {
                String surface = positions.size() == surfaces.size() ? surfaces.get(i).getFirst() : null;
                b.add(wordQuery(positions.get(i), surface, typos), BooleanClause.Occur.SHOULD);
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
            return new BooleanQuery.Builder().add(new TermQuery(new Term(ID, "\u0000none")), BooleanClause.Occur.MUST).build();
        }
        for (String ex : q.excluded()) {
            for (List<String> readings : analyze(ex)) b.add(wordQuery(readings, null, false), BooleanClause.Occur.MUST_NOT);
        }
        if (o.section() != null) b.add(new TermQuery(new Term(SECTION, o.section())), BooleanClause.Occur.FILTER);
        if (o.author() != null) b.add(new TermQuery(new Term(AUTHOR, o.author())), BooleanClause.Occur.FILTER);
        if (o.from() != null || o.to() != null) {
            long lo = o.from() == null ? Long.MIN_VALUE : o.from().toEpochMilli();
            long hi = o.to() == null ? Long.MAX_VALUE : o.to().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(PUBLISHED, lo, hi), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    /** A name's readings and those of its other spellings ({@link Names}: ترمب finds ترامب), as synonyms. */
    private List<String> withOtherSpellings(String word, List<String> readings) {
        List<String> variants = names.variantsOf(word);
        if (variants.isEmpty()) return readings;
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(readings);
        for (String v : variants) for (List<String> p : analyze(v)) all.addAll(p);
        return List.copyOf(all);
    }

    /** One position of the query: its readings in every field, plus one-typo matches for long words. */
    private Query wordQuery(List<String> readings, String surface, boolean typos) {
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
            // Half the weight of the stemmed fields, the ratio SearchQualityBench measured best.
            fields.add(new BoostQuery(new TermQuery(new Term(SearchDocument.folded(TITLE), surface)), 2f), BooleanClause.Occur.SHOULD);
            fields.add(new BoostQuery(new TermQuery(new Term(SearchDocument.folded(BODY), surface)), 0.5f), BooleanClause.Occur.SHOULD);
        }
        if (typos && main.codePointCount(0, main.length()) >= 5) {
            for (String field : List.of(TITLE, BODY)) {
                fields.add(new BoostQuery(new FuzzyQuery(new Term(field, main), 1, 2, 20, false), 0.2f), BooleanClause.Occur.SHOULD);
            }
        }
        return fields.build();
    }

    private Query phraseQuery(String phrase) {
        List<List<String>> positions = analyze(phrase);
        if (positions.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String field : List.of(TITLE, BODY)) {
            PhraseQuery.Builder p = new PhraseQuery.Builder();
            int pos = 0;
            for (List<String> readings : positions) p.add(new Term(field, readings.getFirst()), pos++);
            b.add(new BoostQuery(p.build(), field.equals(TITLE) ? 6f : 3f), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /** The analysed positions of {@code text}: at each, the readings (one, or two for an ambiguous clitic). */
    List<List<String>> analyze(String text) {
        return analyze(text, BODY);
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
                TopDocs self = searcher.search(new TermQuery(SearchDocument.idTerm(articleId)), 1);
                if (self.scoreDocs.length == 0) return List.of();
                MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
                mlt.setAnalyzer(analyzer);
                mlt.setFieldNames(new String[] {TITLE, BODY});
                mlt.setMinTermFreq(1);
                mlt.setMinDocFreq(2);
                mlt.setMaxQueryTerms(25);
                var stored = searcher.storedFields().document(self.scoreDocs[0].doc);
                Query like = mlt.like(BODY, new StringReader(stored.get(TITLE) + "\n" + stored.get(TITLE) + "\n" + stored.get(BODY)));
                BooleanQuery q = new BooleanQuery.Builder().add(like, BooleanClause.Occur.MUST)
                    .add(new TermQuery(SearchDocument.idTerm(articleId)), BooleanClause.Occur.MUST_NOT).build();
                List<Long> ids = new ArrayList<>();
                for (ScoreDoc d : searcher.search(q, limit, new Sort(SortField.FIELD_SCORE, BY_ID)).scoreDocs) ids.add(SearchDocument.articleId(searcher, d.doc));
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

}
