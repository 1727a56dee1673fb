package org.nashir.article;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.nashir.account.Account;
import org.nashir.account.AuditLog;
import org.nashir.storage.ChangeFeed;
import org.nashir.storage.ChangeKind;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Public corrections and update notes on published articles. A note is added, never edited or removed: the
 * article's modification time moves, a revision is recorded (so the history shows when it was corrected), the
 * audit log names the editor, and the change feed drops the pages and feeds that show the article.
 */
public final class CorrectionStore {
    public static final String CORRECTION = "correction";
    public static final String UPDATE = "update";
    public static final int BODY_MAX = 1_000;

    /** One note; {@code kind} is {@link #CORRECTION} or {@link #UPDATE}. */
    public record Correction(long id, long articleId, String kind, String body, Instant createdAt) {
        public boolean isCorrection() {
            return CORRECTION.equals(kind);
        }
    }

    /** A note with its article, for the corrections page. */
    public record Listed(Correction correction, Teaser article) {}

    private final Jdbi jdbi;
    private final RevisionStore revisions;
    private final ChangeFeed changes;
    private final AuditLog audit;
    private final Clock clock;

    public CorrectionStore(Jdbi jdbi, RevisionStore revisions, ChangeFeed changes, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.revisions = revisions;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds a note to a published article; refused (nothing written) for an unknown kind, an empty or over-long text,
     * or an article readers cannot see yet. Bumps the article's version, so an editor holding an older version
     * is told someone changed it.
     */
    public long add(long articleId, String kind, String body, Account by) {
        String text = body == null ? "" : body.replace("\r\n", "\n").strip();
        if (!CORRECTION.equals(kind) && !UPDATE.equals(kind)) throw new DeskRefused("correction kind " + kind, "correction.error.kind");
        if (text.isEmpty()) throw new DeskRefused("empty correction", "correction.error.empty");
        if (text.codePointCount(0, text.length()) > BODY_MAX) throw new DeskRefused("correction too long", "correction.error.long");
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            int rows = h.createUpdate("UPDATE article SET updated_at = :now, version = version + 1 WHERE id = :id AND status = 'published' AND published_at <= :now")
                .bind("id", articleId).bind("now", now).execute();
            if (rows == 0) throw new DeskRefused("article " + articleId + " is not published", "correction.error.not-published");
            long id = h.createUpdate("INSERT INTO correction (article_id, kind, body, created_at, account_id) VALUES (:a, :k, :b, :now, :by)")
                .bind("a", articleId).bind("k", kind).bind("b", text).bind("now", now).bind("by", Account.idOf(by))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            revisions.record(h, articleId, Account.idOf(by), now);
            changes.append(h, ChangeKind.ARTICLE_CORRECTED, articleId);
            audit.record(h, Account.idOf(by), "article." + kind, "article:" + articleId, text);
            return id;
        });
    }

    /** The notes of one article, oldest first (the order they were made in). */
    public List<Correction> listFor(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, article_id, kind, body, created_at FROM correction WHERE article_id = :a ORDER BY created_at, id")
            .bind("a", articleId).map(ConstructorMapper.of(Correction.class)).list());
    }

    /** A page of notes and how many there are in all. */
    public record Listing(List<Listed> items, long total) {}

    /** Notes on visible articles, newest first, with their articles. */
    public Listing listLatest(int limit, int offset) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            List<Listed> items = h.createQuery("SELECT n.id AS c_id, n.article_id AS c_article_id, n.kind AS c_kind, n.body AS c_body, n.created_at AS c_created_at, "
                    + ArticleStore.TEASER_COLUMNS + " " + """
                    FROM correction n JOIN article a ON a.id = n.article_id JOIN section s ON s.id = a.section_id
                    WHERE a.status = 'published' AND a.published_at <= :now
                    ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset""")
                .bind("now", now).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Listed(new Correction(rs.getLong("c_id"), rs.getLong("c_article_id"), rs.getString("c_kind"), rs.getString("c_body"),
                    ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "c_created_at", ctx)), ArticleStore.TEASER.map(rs, ctx))).list();
            long total = h.createQuery("SELECT COUNT(*) FROM correction n JOIN article a ON a.id = n.article_id WHERE a.status = 'published' AND a.published_at <= :now")
                .bind("now", now).mapTo(Long.class).one();
            return new Listing(items, total);
        });
    }
}
