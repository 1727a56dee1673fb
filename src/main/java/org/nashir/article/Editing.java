package org.nashir.article;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nashir.account.Account;
import org.nashir.account.AuditLog;
import org.nashir.account.Role;
import org.nashir.arabic.Slug;
import org.nashir.site.Forbidden;
import org.nashir.site.NotFound;
import org.nashir.storage.ChangeFeed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Saving articles from the back office. Each save is one transaction: the row (only if nobody saved a newer
 * version meanwhile: optimistic locking on {@code version}), bylines and tags, a revision, the change-feed row
 * when readers can see the difference, and the audit entry for publishing actions.
 */
public final class Editing {
    /** The article and the version that is now saved. */
    public record Saved(long id, int version, String status) {}

    /** Someone saved a newer version since the editor was opened: nothing was written. */
    public static final class StaleEdit extends RuntimeException {
        final Article current;

        StaleEdit(Article current) {
            super("article " + current.id() + " is at version " + current.version(), null, false, false);
            this.current = current;
        }
    }

    private static final Set<String> WRITER_ACTIONS = Set.of("save", "submit");
    private static final Set<String> WRITER_STATUSES = Set.of(Article.DRAFT, Article.REVIEW);

    private final Jdbi jdbi;
    private final ArticleStore articles;
    private final RevisionStore revisions;
    private final ChangeFeed changes;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    public Editing(Jdbi jdbi, ArticleStore articles, RevisionStore revisions, ChangeFeed changes, AuditLog audit, Clock clock, ZoneId zone) {
        this.jdbi = jdbi;
        this.articles = articles;
        this.revisions = revisions;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** Creates an article from a checked form. */
    public Saved create(ArticleForm f, Account by) {
        checkAction(f.action(), by, null);
        Saved saved = jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            long section = sectionId(h, f);
            String status = statusAfter(f.action(), Article.DRAFT);
            Instant publishedAt = publishedAtAfter(f, status, null, now);
            long id = h.createUpdate("""
                    INSERT INTO article (slug, title, kicker, summary, body, source_name, source_url, label, section_id, status,
                                         published_at, updated_at, created_at, view_count, version, created_by, featured_media_id)
                    VALUES (:slug, :title, :kicker, :summary, :body, :sourceName, :sourceUrl, :label, :section, :status,
                            :publishedAt, :now, :now, 0, 1, :by, :media)""")
                .bind("slug", Slug.of(f.title())).bind("title", f.title().strip()).bind("kicker", ArticleForm.blankToNull(f.kicker()))
                .bind("summary", ArticleForm.blankToNull(f.summary())).bind("body", BodyHtml.sanitize(f.body()))
                .bind("sourceName", ArticleForm.blankToNull(f.sourceName())).bind("sourceUrl", ArticleForm.blankToNull(f.sourceUrl()))
                .bind("label", ArticleForm.blankToNull(f.label())).bind("section", section).bind("status", status)
                .bind("publishedAt", publishedAt).bind("now", now).bind("by", by.id()).bind("media", mediaId(h, f))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            links(h, id, f);
            revisions.record(h, id, by.id(), now);
            if (isVisibleOrScheduled(status)) changes.append(h, "article." + status, "article", id);
            auditAction(h, by, f.action(), id, f.title());
            return new Saved(id, 1, status);
        });
        changes.poll();
        return saved;
    }

    /** Saves a new version of article {@code id}; throws {@link StaleEdit} when the form's version is not the latest. */
    public Saved update(long id, ArticleForm f, Account by) {
        Saved saved = jdbi.inTransaction(h -> {
            Article current = h.createQuery("SELECT * FROM article WHERE id = :id").bind("id", id).map(ArticleStore.ARTICLE).findOne()
                .orElseThrow(() -> new NotFound("no article " + id, "error.article-not-found"));
            checkAction(f.action(), by, current);
            if (current.version() != f.expectedVersion()) throw new StaleEdit(current);
            Instant now = clock.instant();
            String status = statusAfter(f.action(), current.status());
            Instant publishedAt = publishedAtAfter(f, status, current, now);
            int rows = h.createUpdate("""
                    UPDATE article SET slug = :slug, title = :title, kicker = :kicker, summary = :summary, body = :body,
                           source_name = :sourceName, source_url = :sourceUrl, label = :label, section_id = :section,
                           status = :status, published_at = :publishedAt, featured_media_id = :media,
                           updated_at = :now, version = version + 1
                    WHERE id = :id AND version = :expected""")
                .bind("slug", Slug.of(f.title())).bind("title", f.title().strip()).bind("kicker", ArticleForm.blankToNull(f.kicker()))
                .bind("summary", ArticleForm.blankToNull(f.summary())).bind("body", BodyHtml.sanitize(f.body()))
                .bind("sourceName", ArticleForm.blankToNull(f.sourceName())).bind("sourceUrl", ArticleForm.blankToNull(f.sourceUrl()))
                .bind("label", ArticleForm.blankToNull(f.label())).bind("section", sectionId(h, f)).bind("status", status)
                .bind("publishedAt", publishedAt).bind("media", mediaId(h, f)).bind("now", now)
                .bind("id", id).bind("expected", f.expectedVersion())
                .execute();
            if (rows == 0) throw new StaleEdit(current);
            h.createUpdate("DELETE FROM article_author WHERE article_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM article_tag WHERE article_id = :id").bind("id", id).execute();
            links(h, id, f);
            revisions.record(h, id, by.id(), now);
            if (isVisibleOrScheduled(status) || isVisibleOrScheduled(current.status())) {
                changes.append(h, "article." + (status.equals(current.status()) ? "updated" : status), "article", id);
            }
            auditAction(h, by, f.action(), id, f.title());
            return new Saved(id, current.version() + 1, status);
        });
        changes.poll();
        return saved;
    }

    /** Saves revision {@code version}'s content as the newest version (the status stays what it is now). */
    public Saved restore(long id, int version, Account by) {
        Revision r = revisions.find(id, version).orElseThrow(() -> new NotFound("no revision " + version + " of " + id, "error.article-not-found"));
        Article current = articles.findById(id).orElseThrow(() -> new NotFound("no article " + id, "error.article-not-found"));
        ArticleForm f = new ArticleForm(r.title(), n(r.kicker()), n(r.summary()), r.body(), String.join("، ", r.bylines().lines().toList()),
            n(r.sourceName()), n(r.sourceUrl()), Long.toString(r.sectionId()), String.join("، ", r.tags().lines().toList()), n(r.label()),
            current.featuredMediaId() == null ? "" : current.featuredMediaId().toString(), "", Integer.toString(current.version()), "save");
        Saved saved = update(id, f, by);
        audit.record(by.id(), "article.restored", "article:" + id, "version " + version);
        return saved;
    }

    public void delete(long id, Account by) {
        if (!by.role().canPublish()) throw new Forbidden(by.email() + " may not delete", "error.forbidden");
        jdbi.useTransaction(h -> {
            Article a = h.createQuery("SELECT * FROM article WHERE id = :id").bind("id", id).map(ArticleStore.ARTICLE).findOne()
                .orElseThrow(() -> new NotFound("no article " + id, "error.article-not-found"));
            h.createUpdate("DELETE FROM article WHERE id = :id").bind("id", id).execute();
            changes.append(h, "article.deleted", "article", id);
            audit.record(h, by.id(), "article.deleted", "article:" + id, a.title());
        });
        changes.poll();
    }

    /**
     * Publishes scheduled articles whose time has come; returns how many. Every node runs this, and each article
     * is published exactly once: the conditional UPDATE succeeds for one transaction only (the row lock decides),
     * and the change row and audit entry are written in that same transaction.
     */
    public int publishDue() {
        Instant now = clock.instant();
        List<Long> due = jdbi.withHandle(h -> h.createQuery("SELECT id FROM article WHERE status = 'scheduled' AND published_at <= :now")
            .bind("now", now).mapTo(Long.class).list());
        int published = 0;
        for (long id : due) {
            boolean mine = jdbi.inTransaction(h -> {
                int rows = h.createUpdate("UPDATE article SET status = 'published', version = version + 1, updated_at = :now "
                        + "WHERE id = :id AND status = 'scheduled' AND published_at <= :now")
                    .bind("id", id).bind("now", now).execute();
                if (rows == 0) return false;
                revisions.record(h, id, null, now);
                changes.append(h, "article.published", "article", id);
                audit.record(h, null, "article.published-on-schedule", "article:" + id, null);
                return true;
            });
            if (mine) published++;
        }
        if (published > 0) changes.poll();
        return published;
    }

    private static void checkAction(String action, Account by, Article current) {
        if (!ArticleForm.ACTIONS.contains(action)) throw new Forbidden("unknown action " + action, "error.forbidden");
        if (by.role() == Role.WRITER) {
            if (!WRITER_ACTIONS.contains(action)) throw new Forbidden(by.email() + " may not " + action, "error.forbidden");
            if (current != null && (!Long.valueOf(by.id()).equals(current.createdBy()) || !WRITER_STATUSES.contains(current.status()))) {
                throw new Forbidden(by.email() + " may not edit article " + current.id(), "editor.writer-own");
            }
        } else if (!by.role().canPublish()) {
            throw new Forbidden(by.email() + " may not edit articles", "error.forbidden");
        }
    }

    private static String statusAfter(String action, String current) {
        return switch (action) {
            case "submit" -> Article.REVIEW;
            case "publish" -> Article.PUBLISHED;
            case "schedule" -> Article.SCHEDULED;
            case "unpublish" -> Article.DRAFT;
            case "archive" -> Article.ARCHIVED;
            default -> current;
        };
    }

    /**
     * Publishing keeps the original publication time of an article that was already out (a correction is not new
     * news); publishing a draft stamps it now; scheduling takes the typed time; other saves keep what was typed.
     */
    private Instant publishedAtAfter(ArticleForm f, String status, Article current, Instant now) {
        if (status.equals(Article.SCHEDULED)) return f.publishAt(zone).orElseThrow();
        if (status.equals(Article.PUBLISHED)) {
            if (current != null && current.status().equals(Article.PUBLISHED) && current.publishedAt() != null) return current.publishedAt();
            return now;
        }
        return f.publishAt(zone).orElse(current == null ? null : current.publishedAt());
    }

    private static boolean isVisibleOrScheduled(String status) {
        return status.equals(Article.PUBLISHED) || status.equals(Article.SCHEDULED);
    }

    private void links(Handle h, long id, ArticleForm f) {
        int position = 0;
        for (String name : ArticleForm.names(f.bylines())) articles.addByline(h, id, articles.ensureByline(h, name), position++);
        for (String name : ArticleForm.names(f.tags())) articles.addTag(h, id, articles.ensureTag(h, name));
    }

    private static long sectionId(Handle h, ArticleForm f) {
        long id = Long.parseLong(f.sectionId());
        if (h.createQuery("SELECT COUNT(*) FROM section WHERE id = :id").bind("id", id).mapTo(Integer.class).one() == 0) {
            throw new NotFound("no section " + id, "error.section-not-found");
        }
        return id;
    }

    private static Long mediaId(Handle h, ArticleForm f) {
        if (f.featuredMediaId().isBlank()) return null;
        long id = Long.parseLong(f.featuredMediaId());
        if (h.createQuery("SELECT COUNT(*) FROM media WHERE id = :id").bind("id", id).mapTo(Integer.class).one() == 0) {
            throw new NotFound("no media " + id, "error.media-not-found");
        }
        return id;
    }

    private void auditAction(Handle h, Account by, String action, long id, String title) {
        if (Set.of("publish", "schedule", "unpublish", "archive").contains(action)) {
            audit.record(h, by.id(), "article." + action, "article:" + id, title);
        }
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }
}
