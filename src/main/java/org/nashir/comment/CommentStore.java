package org.nashir.comment;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.nashir.storage.ChangeFeed;
import org.nashir.storage.ChangeKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Comments and bans. Every change readers can see (approve, delete, edit of an approved one) goes through the change feed. */
public final class CommentStore {
    private static final RowMapper<Comment> COMMENT = (rs, ctx) -> new Comment(rs.getLong("id"), rs.getLong("article_id"),
        rs.getObject("parent_id") == null ? null : rs.getLong("parent_id"), rs.getString("name"), rs.getString("email"),
        rs.getString("body"), rs.getString("status"), rs.getString("reason"), rs.getTimestamp("created_at").toInstant());
    private static final String COLUMNS = "id, article_id, parent_id, name, email, body, status, reason, created_at";

    /** A pending comment with the title of its article, for the moderation queue. */
    public record Queued(Comment comment, String articleTitle) {}

    private final Jdbi jdbi;
    private final ChangeFeed changes;
    private final Clock clock;

    public CommentStore(Jdbi jdbi, ChangeFeed changes, Clock clock) {
        this.jdbi = jdbi;
        this.changes = changes;
        this.clock = clock;
    }

    long insert(long articleId, Long parentId, CommentForm f, String status, String reason, String ipHash, String emailHash, String bodyHash) {
        return jdbi.inTransaction(h -> {
            long created = h.createUpdate("""
                    INSERT INTO comment (article_id, parent_id, name, email, body, status, reason, ip_hash, email_hash, body_hash, created_at)
                    VALUES (:a, :p, :n, :e, :b, :s, :r, :ip, :eh, :bh, :at)""")
                .bind("a", articleId).bind("p", parentId).bind("n", f.name()).bind("e", f.email().strip()).bind("b", f.body())
                .bind("s", status).bind("r", reason).bind("ip", ipHash).bind("eh", emailHash).bind("bh", bodyHash).bind("at", clock.instant())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            if (status.equals(Comment.APPROVED)) changes.append(h, ChangeKind.COMMENT_APPROVED, articleId);
            return created;
        });
    }

    /**
     * A comment brought over from another site, inside the caller's transaction (the import of its article), with
     * its own status and date. {@code ipHash} and {@code emailHash} are {@link SpamGuard#hash} values, so bans and
     * trusted-commenter counts cover imported comments too.
     */
    public long insertImported(org.jdbi.v3.core.Handle h, long articleId, Long parentId, String name, String email, String body,
                               String status, Instant at, String ipHash, String emailHash) {
        return h.createUpdate("""
                INSERT INTO comment (article_id, parent_id, name, email, body, status, reason, ip_hash, email_hash, body_hash, created_at)
                VALUES (:a, :p, :n, :e, :b, :s, 'import', :ip, :eh, :bh, :at)""")
            .bind("a", articleId).bind("p", parentId).bind("n", name).bind("e", email).bind("b", body).bind("s", status)
            .bind("ip", ipHash).bind("eh", emailHash).bind("bh", SpamGuard.bodyHash(body)).bind("at", at)
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public List<Comment> listApproved(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM comment WHERE article_id = :a AND status = 'approved' ORDER BY created_at, id")
            .bind("a", articleId).map(COMMENT).list());
    }

    /** Approved comments per article, for counts on listings. */
    public Map<Long, Long> countApproved(List<Long> articleIds) {
        Map<Long, Long> out = new HashMap<>();
        if (articleIds.isEmpty()) return out;
        jdbi.useHandle(h -> h.createQuery("SELECT article_id, COUNT(*) FROM comment WHERE status = 'approved' AND article_id IN (<ids>) GROUP BY article_id")
            .bindList("ids", articleIds).map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2))).forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    public Optional<Comment> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM comment WHERE id = :id").bind("id", id).map(COMMENT).findOne());
    }

    /** The moderation queue: pending (or spam) comments, newest first, optionally only those containing {@code text}. */
    public List<Queued> listQueue(String status, String text, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT c.id, c.article_id, c.parent_id, c.name, c.email, c.body, c.status, c.reason, c.created_at, a.title "
                + "FROM comment c JOIN article a ON a.id = c.article_id WHERE c.status = :s AND (:q = '' OR c.body LIKE :like OR c.name LIKE :like) "
                + "ORDER BY c.created_at DESC, c.id DESC LIMIT :limit")
            .bind("s", status).bind("q", text).bind("like", "%" + text + "%").bind("limit", limit)
            .map((rs, ctx) -> new Queued(COMMENT.map(rs, ctx), rs.getString("title"))).list());
    }

    /** Approved comments by this (hashed) email, none of theirs marked spam: 0 for anyone ever marked spam. */
    long approvedBy(String emailHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT CASE WHEN SUM(CASE WHEN status = 'spam' THEN 1 ELSE 0 END) > 0 THEN 0 "
                + "ELSE SUM(CASE WHEN status = 'approved' THEN 1 ELSE 0 END) END FROM comment WHERE email_hash = :e")
            .bind("e", emailHash).mapTo(Long.class).findOne().orElse(0L));
    }

    public long countPending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comment WHERE status = 'pending'").mapTo(Long.class).one());
    }

    /** Sets the status of several comments; the articles whose visible comments changed go through the change feed. */
    public int setStatus(List<Long> ids, String status) {
        if (ids.isEmpty()) return 0;
        return jdbi.inTransaction(h -> {
            List<Long> articles = h.createQuery("SELECT DISTINCT article_id FROM comment WHERE id IN (<ids>) AND (status = 'approved' OR :s = 'approved')")
                .bindList("ids", ids).bind("s", status).mapTo(Long.class).list();
            int rows = h.createUpdate("UPDATE comment SET status = :s WHERE id IN (<ids>)").bindList("ids", ids).bind("s", status).execute();
            for (long a : articles) changes.append(h, ChangeKind.commentNow(status), a);
            return rows;
        });
    }

    public int delete(List<Long> ids) {
        if (ids.isEmpty()) return 0;
        return jdbi.inTransaction(h -> {
            List<Long> articles = h.createQuery("SELECT DISTINCT article_id FROM comment WHERE id IN (<ids>) AND status = 'approved'")
                .bindList("ids", ids).mapTo(Long.class).list();
            int rows = h.createUpdate("DELETE FROM comment WHERE id IN (<ids>)").bindList("ids", ids).execute();
            for (long a : articles) changes.append(h, ChangeKind.COMMENT_DELETED, a);
            return rows;
        });
    }

    public void edit(long id, String body) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE comment SET body = :b WHERE id = :id").bind("b", body).bind("id", id).execute();
            h.createQuery("SELECT article_id FROM comment WHERE id = :id AND status = 'approved'").bind("id", id).mapTo(Long.class)
                .findOne().ifPresent(a -> changes.append(h, ChangeKind.COMMENT_EDITED, a));
        });
    }

    /** Bans the sender of a comment by the hash of its address or its email. */
    public void ban(long commentId, String kind) {
        jdbi.useHandle(h -> {
            String hash = h.createQuery("SELECT " + (kind.equals("ip") ? "ip_hash" : "email_hash") + " FROM comment WHERE id = :id")
                .bind("id", commentId).mapTo(String.class).findOne().orElse(null);
            if (hash == null) return;
            h.createUpdate("DELETE FROM comment_ban WHERE kind = :k AND hash = :h").bind("k", kind).bind("h", hash).execute();
            h.createUpdate("INSERT INTO comment_ban (kind, hash, created_at) VALUES (:k, :h, :at)").bind("k", kind).bind("h", hash).bind("at", clock.instant()).execute();
        });
    }

    boolean isBanned(String ipHash, String emailHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comment_ban WHERE (kind = 'ip' AND hash = :ip) OR (kind = 'email' AND hash = :e)")
            .bind("ip", ipHash).bind("e", emailHash).mapTo(Integer.class).one()) > 0;
    }

    boolean isDuplicate(String bodyHash, Duration within) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comment WHERE body_hash = :b AND created_at > :since")
            .bind("b", bodyHash).bind("since", clock.instant().minus(within)).mapTo(Integer.class).one()) > 0;
    }

    public boolean areClosed(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT comments_closed FROM article WHERE id = :id").bind("id", articleId)
            .mapTo(Boolean.class).findOne().orElse(true));
    }

    public void setClosed(long articleId, boolean closed) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE article SET comments_closed = :c WHERE id = :id").bind("c", closed).bind("id", articleId).execute();
            changes.append(h, closed ? ChangeKind.COMMENTS_CLOSED : ChangeKind.COMMENTS_OPENED, articleId);
        });
    }

    Instant now() {
        return clock.instant();
    }
}
