package org.nashir.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.jdbi.v3.core.Jdbi;
import org.nashir.arabic.ArabicStemmer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The spellings of one name (ترمب = ترامب، غوتيريش = غوتيريس), which search takes as one another: a query word that
 * is a listed spelling also finds the others. Kept in the database (edited in the back office) and in memory here,
 * read again after each edit on this node and every minute for edits made on others. Each name can carry its Latin
 * form, which its tag page shows.
 */
public final class Names {
    /** One name: its spellings as written, and its Latin form (may be null). */
    public record Entity(long id, String latin, List<String> spellings) {}

    /** Two spellings the site's own titles use that may be one name, for an editor to accept. */
    public record Proposal(String a, String b, long titlesA, long titlesB) {}

    private final Jdbi jdbi;
    private volatile Map<String, Entity> bySpelling = Map.of();
    private volatile long loadedAt;
    private volatile boolean loaded;

    public Names(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The entity a word (as typed, clitics allowed: وترمب) is a spelling of. */
    public Optional<Entity> of(String word) {
        refreshIfOld();
        String folded = ArabicStemmer.fold(word);
        Entity e = bySpelling.get(folded);
        if (e == null) e = bySpelling.get(ArabicStemmer.surface(folded));
        return Optional.ofNullable(e);
    }

    /** The other spellings of the name {@code word} is a spelling of; empty when it is none. */
    public List<String> variantsOf(String word) {
        return of(word).map(e -> {
            String folded = ArabicStemmer.fold(word), surface = ArabicStemmer.surface(folded);
            List<String> out = new ArrayList<>();
            for (String s : e.spellings()) {
                String f = ArabicStemmer.fold(s);
                if (!f.equals(folded) && !f.equals(surface)) out.add(s);
            }
            return out;
        }).orElse(List.of());
    }

    /** The names as held in memory (read again every minute): for the hot paths, which must not ask the database. */
    public java.util.Collection<Entity> held() {
        refreshIfOld();
        return new java.util.LinkedHashSet<>(bySpelling.values());
    }

    public List<Entity> list() {
        record Row(long id, String latin, String shown) {}
        List<Row> rows = jdbi.withHandle(h -> h.createQuery(
                "SELECT e.id, e.latin, s.shown FROM name_entity e JOIN name_spelling s ON s.entity_id = e.id ORDER BY e.id, s.shown")
            .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("latin"), rs.getString("shown"))).list());
        Map<Long, Entity> out = new LinkedHashMap<>();
        for (Row r : rows) out.computeIfAbsent(r.id(), k -> new Entity(r.id(), r.latin(), new ArrayList<>())).spellings().add(r.shown());
        return List.copyOf(out.values());
    }

    /** Refusal of an edit, with the message key of its Arabic explanation. */
    public static final class Refused extends RuntimeException {
        public final String messageKey;

        Refused(String messageKey, String what) {
            super(what, null, false, false);
            this.messageKey = messageKey;
        }
    }

    /**
     * Adds a name with these spellings (at least two, each a single word or short phrase, none already another
     * name's) and its Latin form; returns its id.
     */
    public long add(List<String> spellings, String latin) {
        List<String> clean = checked(spellings, latin, null);
        String l = latinOf(latin);
        long id = jdbi.inTransaction(h -> {
            long entity = h.createUpdate("INSERT INTO name_entity (latin) VALUES (:latin)").bind("latin", l)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            insertSpellings(h, entity, clean);
            return entity;
        });
        reload();
        return id;
    }

    /** Replaces a name's spellings and Latin form, with the checks of {@link #add}. */
    public void update(long id, List<String> spellings, String latin) {
        List<String> clean = checked(spellings, latin, id);
        String l = latinOf(latin);
        jdbi.useTransaction(h -> {
            if (h.createUpdate("UPDATE name_entity SET latin = :latin WHERE id = :id").bind("latin", l).bind("id", id).execute() == 0) {
                throw new org.nashir.web.NotFound("no name " + id, "names.error.missing");
            }
            h.createUpdate("DELETE FROM name_spelling WHERE entity_id = :id").bind("id", id).execute();
            insertSpellings(h, id, clean);
        });
        reload();
    }

    /** The spellings to keep (trimmed, one per folded form), or a refusal; {@code self}: the name being edited, if any. */
    private List<String> checked(List<String> spellings, String latin, Long self) {
        List<String> clean = new ArrayList<>();
        for (String s : spellings) {
            String t = SearchQuery.clean(s).strip().replaceAll("\\s+", " ");
            if (!t.isEmpty() && clean.stream().noneMatch(c -> ArabicStemmer.fold(c).equals(ArabicStemmer.fold(t)))) clean.add(t);
        }
        if (clean.size() < 2) throw new Refused("names.error.two", "a name needs two spellings");
        Map<String, Entity> now = bySpellingNow();
        for (String s : clean) {
            if (s.length() > 100) throw new Refused("names.error.long", "spelling too long");
            Entity owner = now.get(ArabicStemmer.fold(s));
            if (owner != null && (self == null || owner.id() != self)) throw new Refused("names.error.taken", s + " is another name's spelling");
        }
        String l = latinOf(latin);
        if (l != null && l.length() > 200) throw new Refused("names.error.long", "latin too long");
        return clean;
    }

    private static String latinOf(String latin) {
        String l = latin == null ? "" : SearchQuery.clean(latin).strip().replaceAll("\\s+", " ");
        return l.isEmpty() ? null : l;
    }

    private static void insertSpellings(org.jdbi.v3.core.Handle h, long entity, List<String> spellings) {
        var batch = h.prepareBatch("INSERT INTO name_spelling (folded, shown, entity_id) VALUES (:folded, :shown, :id)");
        for (String s : spellings) batch.bind("folded", ArabicStemmer.fold(s)).bind("shown", s).bind("id", entity).add();
        batch.execute();
    }

    public void delete(long id) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM name_spelling WHERE entity_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM name_entity WHERE id = :id").bind("id", id).execute();
        });
        reload();
    }

    private Map<String, Entity> bySpellingNow() {
        reload();
        return bySpelling;
    }

    public void reload() {
        Map<String, Entity> map = new HashMap<>();
        for (Entity e : list()) for (String s : e.spellings()) map.put(ArabicStemmer.fold(s), e);
        Map<String, Entity> now = Map.copyOf(map);
        if (!now.equals(bySpelling)) version++;
        bySpelling = now;
        loadedAt = System.nanoTime();
        loaded = true;
    }

    private volatile long version;

    /** Changes whenever the list does: part of the key of cached search results, which the list changes. */
    public long version() {
        refreshIfOld();
        return version;
    }

    private void refreshIfOld() {
        if (!loaded || System.nanoTime() - loadedAt > 60_000_000_000L) {
            try {
                reload();
            } catch (RuntimeException databaseDown) {
                // Keep the names we have (none, before the first read) and try again in a minute: searches must not
                // each wait for a database that does not answer.
                loadedAt = System.nanoTime();
                loaded = true;
            }
        }
    }

    /** Letters that readers and newsrooms swap in transcribed names: س ش ز ث, ج غ, ك ق, ت ط, د ض. */
    private static final String[] SWAPS = {"سشزث", "جغ", "كق", "تط", "دض"};

    /**
     * Pairs of spellings in the site's titles that may be one name: words of four letters or more that differ by one
     * long vowel (ا و ي) or one letter of a commonly swapped pair, that appear in at least {@code minTitles} titles
     * each, in similar company (their titles share other words), and that are not listed already. Words that often take the article ال (common nouns: مدارس/مدرس) are
     * left out: names rarely do. Most frequent pairs first.
     */
    public List<Proposal> propose(IndexSearcher searcher, int minTitles, int limit) {
        try {
            refreshIfOld();
            IndexReader reader = searcher.getIndexReader();
            Terms terms = MultiTerms.getTerms(reader, SearchDocument.folded(SearchDocument.TITLE));
            if (terms == null) return List.of();
            Map<String, Long> frequent = new HashMap<>();
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                if (it.docFreq() < minTitles) continue;
                String w = t.utf8ToString();
                if (w.length() >= 4 && w.chars().allMatch(c -> c >= 0x0621 && c <= 0x064A)) frequent.put(w, (long) it.docFreq());
            }
            List<Proposal> out = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String w : frequent.keySet()) {
                for (String v : neighbours(w)) {
                    Long df = frequent.get(v);
                    if (df == null || !seen.add(w.compareTo(v) < 0 ? w + " " + v : v + " " + w)) continue;
                    if (bySpelling.containsKey(w) || bySpelling.containsKey(v)) continue;
                    Usage uw = usage(searcher, w), uv = usage(searcher, v);
                    if (uw.takesArticle() || uv.takesArticle() || !uw.similar(uv)) continue;
                    out.add(new Proposal(uw.written(), uv.written(), frequent.get(w), df));
                }
            }
            out.sort((x, y) -> Long.compare(Math.min(y.titlesA(), y.titlesB()), Math.min(x.titlesA(), x.titlesB())));
            return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("name proposals failed", e);
        }
    }

    /** The spellings one long vowel or one swapped letter away from {@code w}. */
    static List<String> neighbours(String w) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == 'ا' || c == 'و' || c == 'ي') out.add(w.substring(0, i) + w.substring(i + 1));
            for (String group : SWAPS) {
                if (group.indexOf(c) < 0) continue;
                for (char d : group.toCharArray()) if (d != c) out.add(w.substring(0, i) + d + w.substring(i + 1));
            }
        }
        return out;
    }

    /**
     * How titles write an index word: most often with the article ال or not, its commonest written form, and the
     * other words of those titles (its context).
     */
    private record Usage(boolean takesArticle, String written, java.util.Set<String> context) {
        /** Whether two words keep company: share at least a tenth of their titles' other words (Jaccard). */
        boolean similar(Usage other) {
            java.util.Set<String> both = new java.util.HashSet<>(context);
            both.retainAll(other.context);
            java.util.Set<String> either = new java.util.HashSet<>(context);
            either.addAll(other.context);
            return !either.isEmpty() && both.size() * 10 >= either.size();
        }
    }

    private static Usage usage(IndexSearcher searcher, String folded) throws IOException {
        var top = searcher.search(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(SearchDocument.folded(SearchDocument.TITLE), folded)), 20);
        int with = 0, all = 0;
        Map<String, Integer> forms = new HashMap<>();
        java.util.Set<String> context = new java.util.HashSet<>();
        for (var d : top.scoreDocs) {
            String title = searcher.storedFields().document(d.doc).get(SearchDocument.TITLE);
            if (title == null) continue;
            for (String word : title.split("[^\\p{L}\\p{M}\\p{N}]+")) {
                String f = ArabicStemmer.fold(word);
                if (f.isEmpty() || ArabicStemmer.isStopWord(f)) continue;
                if (!ArabicStemmer.surface(f).equals(folded)) {
                    context.add(ArabicStemmer.surface(f));
                    continue;
                }
                all++;
                if (f.matches("(و|ف)?(ب|ك)?ال.+|(و|ف)?لل.+")) with++;
                else forms.merge(word, 1, Integer::sum);
            }
        }
        String written = forms.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(folded);
        return new Usage(all > 0 && with * 2 > all, written, context);
    }
}
