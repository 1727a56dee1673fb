package org.nashir.views;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.nashir.article.ArticleStore;
import org.nashir.article.Teaser;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Writes counted views in batches and reads the most-read lists. */
public final class ViewStore {
    /** Views counted for one article in one hour (hours since the epoch, UTC). */
    public record Bucket(long articleId, long hour) {}

    /** A view not yet checked against other nodes': its reader-and-article key, and until when it stops a repeat. */
    public record Seen(String key, Bucket bucket, long until) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public ViewStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Adds the counts in one transaction (see {@link #write}). */
    public void add(Map<Bucket, Long> counts) {
        add(counts, List.of(), 0);
    }

    /**
     * Adds {@code counts} and, of {@code seen}, the views of readers no node has counted for that article before
     * their window ends (a row in {@code view_seen} whose time is past {@code now} does not stop a view), in one
     * transaction: a failed flush leaves nothing half-written, and nodes flushing at once each count a reader at
     * most once (the key's row is inserted by one of them). Returns how many views were written.
     */
    public long add(Map<Bucket, Long> counts, List<Seen> seen, long now) {
        if (counts.isEmpty() && seen.isEmpty()) return 0;
        return jdbi.inTransaction(h -> {
            Map<Bucket, Long> all = new java.util.HashMap<>(counts);
            if (!seen.isEmpty()) {
                Map<String, Seen> byKey = new java.util.LinkedHashMap<>();
                for (Seen v : seen) byKey.putIfAbsent(v.key(), v);
                java.util.Set<String> first = new java.util.HashSet<>(h.createQuery("""
                        INSERT INTO view_seen (key, expires_at) SELECT * FROM unnest(CAST(:keys AS varchar[]), CAST(:untils AS bigint[]))
                        ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE view_seen.expires_at <= :now
                        RETURNING key""")
                    .bindArray("keys", String.class, byKey.keySet().toArray(new String[0]))
                    .bindArray("untils", Long.class, byKey.values().stream().map(Seen::until).toArray(Long[]::new))
                    .bind("now", now).mapTo(String.class).list());
                for (Seen v : byKey.values()) if (first.contains(v.key())) all.merge(v.bucket(), 1L, Long::sum);
            }
            write(h, all);
            return all.values().stream().mapToLong(Long::longValue).sum();
        });
    }

    /**
     * Adds the counts: the article's total, its day and its hour. Increments, never read-modify-write, so several
     * nodes flushing at once add up. Views of an article deleted since they were counted are dropped by the
     * {@code EXISTS} guards instead of failing the batch.
     */
    private static void write(org.jdbi.v3.core.Handle h, Map<Bucket, Long> counts) {
        if (counts.isEmpty()) return;
        PreparedBatch total = h.prepareBatch("UPDATE article SET view_count = view_count + :n WHERE id = :id");
        PreparedBatch day = h.prepareBatch("""
            INSERT INTO article_view_day (article_id, day, views)
            SELECT :id, :day, :n WHERE EXISTS (SELECT 1 FROM article WHERE id = :id)
            ON CONFLICT (article_id, day) DO UPDATE SET views = article_view_day.views + excluded.views""");
        PreparedBatch hour = h.prepareBatch("""
            INSERT INTO article_view_hour (article_id, hour, views)
            SELECT :id, :hour, :n WHERE EXISTS (SELECT 1 FROM article WHERE id = :id)
            ON CONFLICT (article_id, hour) DO UPDATE SET views = article_view_hour.views + excluded.views""");
        counts.forEach((b, n) -> {
            total.bind("n", n).bind("id", b.articleId()).add();
            day.bind("id", b.articleId()).bind("day", Math.floorDiv(b.hour(), 24)).bind("n", n).add();
            hour.bind("id", b.articleId()).bind("hour", b.hour()).bind("n", n).add();
        });
        total.execute();
        day.execute();
        hour.execute();
    }

    /** The most-read published articles over the last {@code window} (whole hours, so 24 h means the last 24 buckets). */
    public List<Teaser> listMostRead(Duration window, int limit) {
        long now = Math.floorDiv(clock.millis(), 3_600_000L);
        // The top few are chosen among the counted rows before joining: joined first, SQLite walks every published
        // article to probe the counts (150 ms on 40,000 articles, every time the home page is rendered).
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ArticleStore.TEASER_COLUMNS + " " + """
                 FROM (SELECT vh.article_id, SUM(vh.views) AS recent FROM article_view_hour vh
                       WHERE vh.hour > :since AND EXISTS (SELECT 1 FROM article x WHERE x.id = vh.article_id AND x.status = 'published' AND x.published_at <= :now)
                       GROUP BY vh.article_id ORDER BY recent DESC, vh.article_id DESC LIMIT :limit) v
                 JOIN article a ON a.id = v.article_id JOIN section s ON s.id = a.section_id
                 ORDER BY v.recent DESC, a.published_at DESC""")
            .bind("since", now - window.toHours()).bind("now", clock.instant()).bind("limit", limit)
            .map(ArticleStore.TEASER).list());
    }

    /** Total views of one article on one day (days since the epoch, UTC); for tests and the back office. */
    public long viewsOnDay(long articleId, long day) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(views), 0) FROM article_view_day WHERE article_id = :id AND day = :day")
            .bind("id", articleId).bind("day", day).mapTo(Long.class).one());
    }

    /** Whether views of this article may be counted: it exists and readers can see it. */
    boolean isVisible(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article WHERE id = :id AND status = 'published' AND published_at <= :now")
            .bind("id", articleId).bind("now", clock.instant()).mapTo(Integer.class).one() > 0);
    }
}
