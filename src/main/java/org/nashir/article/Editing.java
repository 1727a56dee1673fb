package org.nashir.article;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nashir.account.Account;
import org.nashir.account.AuditLog;
import org.nashir.account.Role;
import org.nashir.arabic.Slug;
import org.nashir.web.Forbidden;
import org.nashir.web.NotFound;
import org.nashir.storage.ChangeFeed;
import org.nashir.storage.ChangeKind;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
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

        /** The version saved now, which the writer must read before saving again. */
        public int currentVersion() {
            return current.version();
        }
    }

    private static final Set<ArticleCommand.Action> WRITER_ACTIONS = EnumSet.of(ArticleCommand.Action.SAVE, ArticleCommand.Action.SUBMIT);
    private static final Set<String> WRITER_STATUSES = Set.of(Article.DRAFT, Article.REVIEW);
    private static final Set<ArticleCommand.Action> AUDITED = EnumSet.of(ArticleCommand.Action.PUBLISH, ArticleCommand.Action.SCHEDULE,
        ArticleCommand.Action.UNPUBLISH, ArticleCommand.Action.ARCHIVE);

    private final Jdbi jdbi;
    private final ArticleStore articles;
    private final RevisionStore revisions;
    private final ChangeFeed changes;
    private final AuditLog audit;
    private final Clock clock;
    private final EmbedTitles embedTitles;
    private final java.util.function.Function<String, String> posterOfVideo;

    /** {@code posterOfVideo} names the poster of an uploaded video by the video's address (null when it has none). */
    public Editing(Jdbi jdbi, ArticleStore articles, RevisionStore revisions, ChangeFeed changes, AuditLog audit, EmbedTitles embedTitles,
                   java.util.function.Function<String, String> posterOfVideo, Clock clock) {
        this.embedTitles = embedTitles;
        this.posterOfVideo = posterOfVideo;
        this.jdbi = jdbi;
        this.articles = articles;
        this.revisions = revisions;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates an article from a checked command (its {@code expectedVersion} is ignored: there is none yet). */
    public Saved create(ArticleCommand command, Account by) {
        checkAction(command.action(), by, null);
        ArticleCommand c = titled(command);
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            requireSection(h, c.sectionId());
            String status = c.action().statusAfter(Article.DRAFT);
            long id = articles.insert(h, new ArticleStore.NewRow(c.title().strip(), blankToNull(c.kicker()), blankToNull(c.summary()), c.bodyHtml(),
                blankToNull(c.sourceName()), blankToNull(c.sourceUrl()), blankToNull(c.label()), c.kind().code(), c.sectionId(), status,
                publishedAtAfter(c, status, null, now), 0, by.id(), media(h, c), null, null), now);
            articles.replaceLinks(h, id, c.bylines(), c.tags());
            revisions.record(h, id, by.id(), now);
            if (isVisibleOrScheduled(status)) changes.append(h, ChangeKind.articleNow(status), id);
            auditAction(h, by, c.action(), id, c.title());
            return new Saved(id, 1, status);
        });
    }

    /** Saves a new version of article {@code id}; throws {@link StaleEdit} when the command's version is not the latest. */
    public Saved update(long id, ArticleCommand command, Account by) {
        ArticleCommand c = titled(command);
        return jdbi.inTransaction(h -> {
            Article current = h.createQuery("SELECT * FROM article WHERE id = :id").bind("id", id).map(ArticleStore.ARTICLE).findOne()
                .orElseThrow(() -> new NotFound("no article " + id, "error.article-not-found"));
            checkAction(c.action(), by, current);
            if (current.version() != c.expectedVersion()) throw new StaleEdit(current);
            Instant now = clock.instant();
            requireSection(h, c.sectionId());
            String status = c.action().statusAfter(current.status());
            int rows = h.createUpdate("""
                    UPDATE article SET slug = :slug, title = :title, kicker = :kicker, summary = :summary, body = :body,
                           source_name = :sourceName, source_url = :sourceUrl, label = :label, kind = :kind, section_id = :section,
                           status = :status, published_at = :publishedAt, featured_media_id = :media,
                           search_terms = :terms, updated_at = :now, version = version + 1
                    WHERE id = :id AND version = :expected""")
                .bind("slug", Slug.of(c.title())).bind("title", c.title().strip()).bind("kicker", blankToNull(c.kicker()))
                .bind("summary", blankToNull(c.summary())).bind("body", BodyHtml.sanitize(c.bodyHtml()))
                .bind("sourceName", blankToNull(c.sourceName())).bind("sourceUrl", blankToNull(c.sourceUrl()))
                .bind("label", blankToNull(c.label())).bind("kind", c.kind().code()).bind("section", c.sectionId()).bind("status", status)
                .bind("publishedAt", publishedAtAfter(c, status, current, now)).bind("media", media(h, c)).bind("now", now)
                .bind("id", id).bind("expected", c.expectedVersion())
                .bind("terms", ArticleFinder.terms(c.title(), blankToNull(c.kicker()), blankToNull(c.summary())))
                .execute();
            if (rows == 0) throw new StaleEdit(current);
            articles.replaceLinks(h, id, c.bylines(), c.tags());
            revisions.record(h, id, by.id(), now);
            if (isVisibleOrScheduled(status) || isVisibleOrScheduled(current.status())) {
                changes.append(h, status.equals(current.status()) ? ChangeKind.ARTICLE_UPDATED : ChangeKind.articleNow(status), id);
            }
            auditAction(h, by, c.action(), id, c.title());
            return new Saved(id, current.version() + 1, status);
        });
    }

    /** Saves revision {@code version}'s content as the newest version (the status stays what it is now). */
    public Saved restore(long id, int version, Account by) {
        Revision r = revisions.find(id, version).orElseThrow(() -> new NotFound("no revision " + version + " of " + id, "error.article-not-found"));
        Article current = articles.findById(id).orElseThrow(() -> new NotFound("no article " + id, "error.article-not-found"));
        ArticleCommand c = new ArticleCommand(r.title(), n(r.kicker()), n(r.summary()), r.body(), r.bylines().lines().toList(),
            n(r.sourceName()), n(r.sourceUrl()), r.sectionId(), r.tags().lines().toList(), n(r.label()), current.articleKind(),
            current.featuredMediaId(), null, ArticleCommand.Action.SAVE, current.version());
        Saved saved = update(id, c, by);
        audit.record(by.id(), "article.restored", "article:" + id, "version " + version);
        return saved;
    }

    public void delete(long id, Account by) {
        if (!by.role().canPublish()) throw new Forbidden(by.email() + " may not delete", "error.forbidden");
        jdbi.useTransaction(h -> {
            Article a = h.createQuery("SELECT * FROM article WHERE id = :id").bind("id", id).map(ArticleStore.ARTICLE).findOne()
                .orElseThrow(() -> new NotFound("no article " + id, "error.article-not-found"));
            h.createUpdate("DELETE FROM article WHERE id = :id").bind("id", id).execute();
            changes.append(h, ChangeKind.ARTICLE_DELETED, id);
            audit.record(h, by.id(), "article.deleted", "article:" + id, a.title());
        });
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
                changes.append(h, ChangeKind.ARTICLE_PUBLISHED, id);
                audit.record(h, null, "article.published-on-schedule", "article:" + id, null);
                return true;
            });
            if (mine) published++;
        }
        return published;
    }

    /**
     * The command with its embeds titled and its videos given their posters: looked up before the transaction, so no
     * network wait holds the database.
     */
    private ArticleCommand titled(ArticleCommand c) {
        String body = BodyHtml.withPosters(embedTitles.titled(BodyHtml.sanitize(c.bodyHtml())), posterOfVideo);
        return new ArticleCommand(c.title(), c.kicker(), c.summary(), body, c.bylines(), c.sourceName(), c.sourceUrl(), c.sectionId(), c.tags(),
            c.label(), c.kind(), c.featuredMediaId(), c.publishAt(), c.action(), c.expectedVersion());
    }

    /**
     * Whether {@code by} may know that article {@code a} exists in the back office and the write API: everything
     * for those who publish, their own for writers. Anyone else is answered as for a missing article, or the
     * answer would tell a writer which ids hold drafts.
     */
    public static boolean mayOpen(Article a, Account by) {
        return by.role().canPublish() || by.role() == Role.WRITER && Long.valueOf(by.id()).equals(a.createdBy());
    }

    private static void checkAction(ArticleCommand.Action action, Account by, Article current) {
        if (by.role() == Role.WRITER) {
            if (!WRITER_ACTIONS.contains(action)) throw new Forbidden(by.email() + " may not " + action.word(), "error.forbidden");
            // Someone else's article is answered as a missing one: a 403 would tell a writer which ids hold drafts.
            if (current != null && !mayOpen(current, by)) {
                throw new org.nashir.web.NotFound(by.email() + " acted on article " + current.id() + " of another", "error.article-not-found");
            }
            if (current != null && !WRITER_STATUSES.contains(current.status())) {
                throw new Forbidden(by.email() + " may not edit article " + current.id(), "editor.writer-own");
            }
        } else if (!by.role().canPublish()) {
            throw new Forbidden(by.email() + " may not edit articles", "error.forbidden");
        }
    }

    /**
     * Publishing keeps the original publication time of an article that was already out (a correction is not new
     * news); publishing a draft stamps it now; a scheduled article keeps its time unless a new one is given; other
     * saves keep what was given.
     */
    private static Instant publishedAtAfter(ArticleCommand c, String status, Article current, Instant now) {
        Instant before = current == null ? null : current.publishedAt();
        if (status.equals(Article.PUBLISHED)) {
            if (current != null && current.status().equals(Article.PUBLISHED) && before != null) return before;
            return now;
        }
        return c.publishAt() != null ? c.publishAt() : before;
    }

    private static boolean isVisibleOrScheduled(String status) {
        return status.equals(Article.PUBLISHED) || status.equals(Article.SCHEDULED);
    }

    private static void requireSection(Handle h, long id) {
        if (h.createQuery("SELECT COUNT(*) FROM section WHERE id = :id").bind("id", id).mapTo(Integer.class).one() == 0) {
            throw new NotFound("no section " + id, "error.section-not-found");
        }
    }

    private static Long media(Handle h, ArticleCommand c) {
        Long id = c.featuredMediaId();
        if (id != null && h.createQuery("SELECT COUNT(*) FROM media WHERE id = :id AND mime LIKE 'image/%'").bind("id", id).mapTo(Integer.class).one() == 0) {
            throw new NotFound("no media " + id, "error.media-not-found");
        }
        return id;
    }

    private void auditAction(Handle h, Account by, ArticleCommand.Action action, long id, String title) {
        if (AUDITED.contains(action)) audit.record(h, by.id(), "article." + action.word(), "article:" + id, title);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }
}
