package org.nashir.article;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;
import org.nashir.arabic.ArabicStemmer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The back office's article list: every article the account may see, drafts included, found by words (the same
 * Arabic analysis as the site's search, over title, kicker and summary: {@link ArabicStemmer#terms}), filtered by
 * status, section, author, type and date of last change, sorted and paged. Plain SQL on both databases, so a
 * newsroom with 100,000 articles finds yesterday's draft on any node.
 */
public final class ArticleFinder {
    public static final int PAGE_SIZE = 50;
    /** Words of a search used at most; more only make the query slower. */
    public static final int MAX_WORDS = 8;

    public enum Sort {
        UPDATED("a.updated_at DESC, a.id DESC"), OLDEST("a.updated_at ASC, a.id ASC"),
        PUBLISHED("CASE WHEN a.published_at IS NULL THEN 1 ELSE 0 END, a.published_at DESC, a.id DESC"), TITLE("a.title ASC, a.id ASC");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }
    }

    /**
     * What the list shows. {@code createdBy}: only that account's articles (forced for writers); {@code from}/{@code to}:
     * last changed in [from, to).
     */
    public record Filter(String words, String status, Long sectionId, Long createdBy, String kind, Instant from, Instant to, Sort sort, int page) {}

    /** A line of the list. */
    public record Row(long id, String title, String status, String kind, String sectionName, Instant publishedAt, Instant updatedAt, String createdBy) {}

    public record Found(List<Row> rows, long total) {}

    private final Jdbi jdbi;

    public ArticleFinder(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Found find(Filter f) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (f.status() != null) {
            where.append(" AND a.status = :status");
            binds.put("status", f.status());
        }
        if (f.sectionId() != null) {
            where.append(" AND a.section_id = :section");
            binds.put("section", f.sectionId());
        }
        if (f.createdBy() != null) {
            where.append(" AND a.created_by = :owner");
            binds.put("owner", f.createdBy());
        }
        if (f.kind() != null) {
            where.append(" AND a.kind = :kind");
            binds.put("kind", f.kind());
        }
        if (f.from() != null) {
            where.append(" AND a.updated_at >= :from");
            binds.put("from", f.from());
        }
        if (f.to() != null) {
            where.append(" AND a.updated_at < :to");
            binds.put("to", f.to());
        }
        // Each word: one of its terms among the article's (AND across words, OR across one word's readings).
        int n = 0;
        for (List<String> readings : words(f.words())) {
            List<String> alternatives = new ArrayList<>();
            for (String term : readings) {
                String name = "w" + n++;
                alternatives.add("a.search_terms LIKE :" + name);
                binds.put(name, "% " + term + " %");
            }
            where.append(" AND (").append(String.join(" OR ", alternatives)).append(')');
        }
        String from = " FROM article a JOIN section s ON s.id = a.section_id LEFT JOIN account acc ON acc.id = a.created_by";
        int offset = (Math.max(1, f.page()) - 1) * PAGE_SIZE;
        return jdbi.withHandle(h -> {
            // Counted without the joins, which only name things: on 100,000 articles 8 ms instead of 110.
            Query count = h.createQuery("SELECT COUNT(*) FROM article a" + where);
            binds.forEach(count::bind);
            long total = count.mapTo(Long.class).one();
            Query rows = h.createQuery("""
                    SELECT a.id, a.title, a.status, a.kind, s.name AS section_name, a.published_at, a.updated_at,
                           COALESCE(acc.name, '') AS created_by""" + from + where + " ORDER BY " + f.sort().sql + " LIMIT :limit OFFSET :offset");
            binds.forEach(rows::bind);
            rows.bind("limit", PAGE_SIZE).bind("offset", offset);
            return new Found(rows.map(ConstructorMapper.of(Row.class)).list(), total);
        });
    }

    /** Someone who has written in the back office, for the list's author filter. */
    public record Author(long id, String name) {}

    /** The accounts that have created articles, by name. */
    public List<Author> authors() {
        return jdbi.withHandle(h -> h.createQuery("SELECT acc.id, acc.name FROM account acc WHERE EXISTS (SELECT 1 FROM article a WHERE a.created_by = acc.id) ORDER BY acc.name")
            .map(ConstructorMapper.of(Author.class)).list());
    }

    /** The typed words' readings, stop words left out, at most {@link #MAX_WORDS} words. */
    static List<List<String>> words(String typed) {
        List<List<String>> out = new ArrayList<>();
        if (typed == null) return out;
        for (String w : typed.strip().split("[^\\p{L}\\p{N}\\p{M}\\u0640]+")) {
            List<String> readings = ArabicStemmer.alternatives(w);
            if (!readings.isEmpty() && out.size() < MAX_WORDS) out.add(readings);
        }
        return out;
    }

    /**
     * Fills in the terms of articles written before the column existed (or by an older version), a batch at a time;
     * returns how many it filled. Run by the server on start until none are left.
     */
    public int fillMissingTerms(int batch) {
        return jdbi.inTransaction(h -> {
            List<Text> rows = h.createQuery("SELECT id, title, kicker, summary FROM article WHERE search_terms IS NULL ORDER BY id LIMIT :n")
                .bind("n", batch).map((rs, ctx) -> new Text(rs.getLong("id"), rs.getString("title"), rs.getString("kicker"), rs.getString("summary"))).list();
            var update = h.prepareBatch("UPDATE article SET search_terms = :terms WHERE id = :id");
            for (Text t : rows) update.bind("terms", terms(t.title(), t.kicker(), t.summary())).bind("id", t.id()).add();
            if (!rows.isEmpty()) update.execute();
            return rows.size();
        });
    }

    private record Text(long id, String title, String kicker, String summary) {}

    /** The stored terms of an article's title, kicker and summary. */
    static String terms(String title, String kicker, String summary) {
        return ArabicStemmer.terms(String.join(" ", title, kicker == null ? "" : kicker, summary == null ? "" : summary));
    }
}
