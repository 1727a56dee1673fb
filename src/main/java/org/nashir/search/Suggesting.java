package org.nashir.search;

import org.nashir.arabic.ArabicStemmer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.nashir.article.ArticleStore;
import org.nashir.article.SectionStore;
import org.nashir.article.Teaser;
import org.nashir.config.HeapShare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Typing help for the search box: sections and tags whose name starts with what was typed, then titles of the most
 * recent articles whose title has the typed words, the last one as a prefix. Everything is compared after
 * {@link ArabicStemmer#fold folding}, so الاخ finds «الأخبار» and مسو finds «مسؤول» (the seatless spellings are in the
 * index too). Answers are kept per folded prefix until the index changes: the same few letters are typed by many.
 */
public final class Suggesting {
    public static final int MAX = 8;
    /** Fewer letters than this suggest nothing: one letter matches half the dictionary. */
    public static final int MIN_LETTERS = 2;
    public static final int MAX_CHARS = 100;

    public enum Kind { SECTION, TAG, NAME, ARTICLE }

    public record Suggestion(Kind kind, String text, String path) {}

    private record Named(String folded, String name, String path, long weight) {}

    private final SearchIndex index;
    private final Names names;
    private final SectionStore sections;
    private final ArticleStore articles;
    private final Cache<String, List<Suggestion>> recent = Caffeine.newBuilder()
        .maximumSize(HeapShare.entries(0.02, 2_000, 20_000)).expireAfterWrite(Duration.ofMinutes(5)).build();
    /** Sections and tags with their folded names, read again every minute (a new tag is suggested within one). */
    private final Cache<String, List<Named>> taxonomy = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).build();

    public Suggesting(SearchIndex index, SectionStore sections, ArticleStore articles, Names names) {
        this.names = names;
        this.index = index;
        this.sections = sections;
        this.articles = articles;
    }

    /**
     * Up to {@link #MAX} suggestions for {@code typed} (already checked by the caller: at most {@link #MAX_CHARS}
     * characters); none when it has fewer than {@link #MIN_LETTERS} letters after folding.
     */
    public List<Suggestion> suggest(String typed) {
        List<String> words = new ArrayList<>(), folded = new ArrayList<>();
        for (String w : typed.strip().split("[\\s\\p{Punct}«»،؛؟]+")) {
            String f = ArabicStemmer.fold(w);
            if (f.isEmpty()) continue;
            words.add(w);
            folded.add(f);
        }
        if (String.join("", folded).length() < MIN_LETTERS) return List.of();
        // Keyed by the words as typed: a seat written or left out finds different stems.
        String key = index.version() + "|" + names.version() + "|" + String.join(" ", words);
        return recent.get(key, k -> compute(words, String.join(" ", folded)));
    }

    private List<Suggestion> compute(List<String> words, String joined) {
        List<Suggestion> out = new ArrayList<>();
        // Sections and tags first (at most three): they lead to whole pages on the subject.
        for (Named n : taxonomy.get("all", k -> taxonomy())) {
            if (out.size() == 3) break;
            if (n.folded().startsWith(joined) || n.folded().contains(" " + joined)) {
                out.add(new Suggestion(n.path().startsWith("/section/") ? Kind.SECTION : Kind.TAG, n.name(), n.path()));
            }
        }
        // Names of the news (Names) typed in any of their spellings: a search for the name finds all of them.
        int named = 0;
        for (Names.Entity e : names.held()) {
            if (named == 2 || out.size() >= MAX) break;
            for (String spelling : e.spellings()) {
                if (!ArabicStemmer.foldPhrase(spelling).startsWith(joined)) continue;
                String shown = e.spellings().getFirst();
                if (out.stream().noneMatch(o -> o.text().equals(shown))) {
                    out.add(new Suggestion(Kind.NAME, shown, "/search?q=" + java.net.URLEncoder.encode(shown, java.nio.charset.StandardCharsets.UTF_8)));
                    named++;
                }
                break;
            }
        }
        Set<String> titles = new LinkedHashSet<>();
        for (Teaser t : recentTitles(words, MAX * 2)) {
            if (out.size() >= MAX) break;
            if (titles.add(t.title())) out.add(new Suggestion(Kind.ARTICLE, t.title(), t.href()));
        }
        return List.copyOf(out);
    }

    /** Sections in their order, then tags by how many articles carry them. */
    private List<Named> taxonomy() {
        List<Named> out = new ArrayList<>();
        for (var s : sections.listAll()) out.add(new Named(ArabicStemmer.foldPhrase(s.name()), s.name(), s.path(), Long.MAX_VALUE));
        List<Named> tags = new ArrayList<>();
        for (var t : articles.listTagUse()) {
            if (t.articles() > 0) tags.add(new Named(ArabicStemmer.foldPhrase(t.name()), t.name(), new org.nashir.article.Tag(t.id(), t.slug(), t.name()).path(), t.articles()));
        }
        tags.sort((a, b) -> Long.compare(b.weight(), a.weight()));
        out.addAll(tags);
        return out;
    }

    /** Clitics the as-written title field leaves out ({@link ArabicStemmer#surface}), longest first. */
    private static final List<String> CLITICS = List.of("وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال");

    /**
     * How the start of a word may look in the as-written field: as typed, and without its article and the
     * conjunctions and prepositions on it (الاس → اس, to meet الأسواق written there as اسواق).
     */
    private static List<String> asWrittenStarts(String folded) {
        for (String c : CLITICS) {
            if (folded.startsWith(c) && folded.length() > c.length()) return List.of(folded, folded.substring(c.length()));
        }
        return List.of(folded);
    }

    /**
     * The newest articles whose title has every typed word, the last one as the start of a word: of the word as
     * written (المؤت finds المؤتمر) or of its stem, so a word's article and clitics need not be typed (مؤت finds
     * المؤتمر, مسو finds المسؤول through its seatless stem).
     */
    private List<Teaser> recentTitles(List<String> typed, int want) {
        String title = SearchDocument.TITLE, asWritten = SearchDocument.folded(SearchDocument.TITLE);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int i = 0; i < typed.size(); i++) {
            String raw = typed.get(i), folded = ArabicStemmer.fold(raw);
            BooleanQuery.Builder word = new BooleanQuery.Builder();
            if (i < typed.size() - 1) {
                if (ArabicStemmer.isStopWord(folded)) continue;   // not in the index: would match nothing
                List<String> stems = ArabicStemmer.stems(folded);
                for (String s : stems) word.add(new TermQuery(new Term(title, s)), BooleanClause.Occur.SHOULD);
                for (String s : ArabicStemmer.seatlessStems(raw, stems, true)) word.add(new TermQuery(new Term(title, s)), BooleanClause.Occur.SHOULD);
            } else {
                for (String f : asWrittenStarts(folded)) word.add(new PrefixQuery(new Term(asWritten, f)), BooleanClause.Occur.SHOULD);
                for (String s : ArabicStemmer.stems(folded)) {
                    // A stem cut from a few letters (بال → ال) would start half the titles.
                    if (s.equals(folded) || s.length() >= 3) word.add(new PrefixQuery(new Term(title, s)), BooleanClause.Occur.SHOULD);
                }
                String seatless = ArabicStemmer.seatless(raw);
                if (seatless != null) {
                    for (String f : asWrittenStarts(seatless)) word.add(new PrefixQuery(new Term(asWritten, f)), BooleanClause.Occur.SHOULD);
                }
            }
            b.add(word.build(), BooleanClause.Occur.FILTER);
        }
        try {
            IndexSearcher searcher = index.acquire();
            try {
                TopDocs top = searcher.search(b.build(), want, new Sort(new SortField(SearchDocument.PUBLISHED, SortField.Type.LONG, true), Searching.BY_ID));
                List<Teaser> out = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc d : top.scoreDocs) out.add(SearchDocument.teaser(searcher, d.doc));
                return out;
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("suggestions failed", e);
        }
    }
}
