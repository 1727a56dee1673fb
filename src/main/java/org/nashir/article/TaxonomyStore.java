package org.nashir.article;

import org.jdbi.v3.core.Jdbi;
import org.nashir.storage.ChangeFeed;
import org.nashir.web.NotFound;
import org.nashir.storage.ChangeKind;

import java.util.List;
import java.util.Optional;

/**
 * Editors' changes to tags and bylines: rename, merge, a byline's bio, desk flag and photo. Each is one
 * transaction with its change row, so the pages that show the name are dropped everywhere.
 */
public final class TaxonomyStore {
    private final Jdbi jdbi;
    private final ChangeFeed changes;

    public TaxonomyStore(Jdbi jdbi, ChangeFeed changes) {
        this.jdbi = jdbi;
        this.changes = changes;
    }

    /** Whether row {@code id} of {@code table} ({@code tag} or {@code author}: our own names, never input) exists. */
    boolean exists(String table, long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE id = :id").bind("id", id).mapTo(Integer.class).one()) > 0;
    }

    /** False when another tag has that name. */
    public boolean renameTag(long id, String name) {
        return jdbi.inTransaction(h -> Names.rename(h, changes, ChangeKind.TAG_RENAMED, id, name));
    }

    /** Moves every article of the {@code sources} tags to {@code target}; the merged tags' addresses redirect to it. */
    public void mergeTags(long target, List<Long> sources) {
        jdbi.useTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM tag WHERE id = :id").bind("id", target).mapTo(Integer.class).one() == 0) {
                throw new NotFound("no tag " + target, "error.tag-not-found");
            }
            for (long source : sources) {
                if (source == target) continue;
                Optional<String> slug = h.createQuery("SELECT slug FROM tag WHERE id = :id").bind("id", source).mapTo(String.class).findOne();
                if (slug.isEmpty()) continue;
                h.createUpdate("""
                        INSERT INTO article_tag (article_id, tag_id)
                        SELECT at.article_id, :target FROM article_tag at
                        WHERE at.tag_id = :source AND NOT EXISTS (SELECT 1 FROM article_tag x WHERE x.article_id = at.article_id AND x.tag_id = :target)""")
                    .bind("target", target).bind("source", source).execute();
                h.createUpdate("DELETE FROM article_tag WHERE tag_id = :source").bind("source", source).execute();
                h.createUpdate("UPDATE slug_redirect SET target = :target WHERE kind = 'tag' AND target = :source").bind("target", target).bind("source", source).execute();
                h.createUpdate("DELETE FROM tag WHERE id = :source").bind("source", source).execute();
                Names.rememberOldSlug(h, "tag", slug.get(), target);
                changes.append(h, ChangeKind.TAG_MERGED, target);
            }
        });
    }

    /**
     * Renames byline {@code id} and sets its bio, desk flag and photo; false (nothing written) when another byline
     * has that name or the photo is not in the media library.
     */
    public boolean saveByline(long id, String name, String bio, boolean desk, Long photoMediaId) {
        return jdbi.inTransaction(h -> {
            if (photoMediaId != null && h.createQuery("SELECT COUNT(*) FROM media WHERE id = :id").bind("id", photoMediaId).mapTo(Integer.class).one() == 0) {
                return false;
            }
            if (!Names.rename(h, changes, ChangeKind.AUTHOR_RENAMED, id, name)) return false;
            h.createUpdate("UPDATE author SET bio = :bio, is_desk = :desk, photo_media_id = :photo WHERE id = :id")
                .bind("bio", bio.isEmpty() ? null : bio).bind("desk", desk).bind("photo", photoMediaId).bind("id", id).execute();
            return true;
        });
    }
}
