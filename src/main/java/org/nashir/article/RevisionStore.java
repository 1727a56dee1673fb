package org.nashir.article;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The saved versions of each article. */
public final class RevisionStore {
    private static final RowMapper<Revision> REVISION = (rs, ctx) -> new Revision(rs.getLong("article_id"), rs.getInt("version"),
        rs.getString("title"), rs.getString("kicker"), rs.getString("summary"), rs.getString("body"), rs.getString("source_name"),
        rs.getString("source_url"), rs.getString("label"), rs.getLong("section_id"), rs.getString("bylines"), rs.getString("tags"),
        rs.getString("status"), rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
        rs.getString("saved_by"), rs.getTimestamp("saved_at").toInstant());
    private static final String SELECT = "SELECT r.*, COALESCE(a.name, '—') AS saved_by FROM revision r LEFT JOIN account a ON a.id = r.account_id ";

    private final Jdbi jdbi;

    public RevisionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Revision> listFor(long articleId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE r.article_id = :id ORDER BY r.version DESC").bind("id", articleId).map(REVISION).list());
    }

    public Optional<Revision> find(long articleId, int version) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE r.article_id = :id AND r.version = :v")
            .bind("id", articleId).bind("v", version).map(REVISION).findOne());
    }

    /** Records the article's current row as a revision, inside the saving transaction. */
    void record(Handle h, long articleId, Long accountId, Instant at) {
        h.createUpdate("""
                INSERT INTO revision (article_id, version, title, kicker, summary, body, source_name, source_url, label,
                                      section_id, bylines, tags, status, published_at, account_id, saved_at)
                SELECT a.id, a.version, a.title, a.kicker, a.summary, a.body, a.source_name, a.source_url, a.label,
                       a.section_id, :bylines, :tags, a.status, a.published_at, :account, :at
                FROM article a WHERE a.id = :id""")
            .bind("id", articleId).bind("account", accountId).bind("at", at)
            .bind("bylines", String.join("\n", h.createQuery("SELECT au.name FROM article_author aa JOIN author au ON au.id = aa.author_id WHERE aa.article_id = :id ORDER BY aa.position")
                .bind("id", articleId).mapTo(String.class).list()))
            .bind("tags", String.join("\n", h.createQuery("SELECT t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = :id ORDER BY t.name")
                .bind("id", articleId).mapTo(String.class).list()))
            .execute();
    }
}
