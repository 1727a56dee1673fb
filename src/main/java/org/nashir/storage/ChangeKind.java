package org.nashir.storage;

import java.util.Locale;

/**
 * What a row of the change feed reports, and about which kind of entity. The database keeps {@link #code()}
 * (such as {@code article.published}); a code this version does not know (written by a newer node) reads as
 * {@link #UNKNOWN}, which consumers treat as "anything may have changed".
 */
public enum ChangeKind {
    ARTICLE_PUBLISHED(Entity.ARTICLE), ARTICLE_SCHEDULED(Entity.ARTICLE), ARTICLE_UPDATED(Entity.ARTICLE), ARTICLE_DRAFT(Entity.ARTICLE),
    ARTICLE_REVIEW(Entity.ARTICLE), ARTICLE_ARCHIVED(Entity.ARTICLE), ARTICLE_DELETED(Entity.ARTICLE), ARTICLE_IMPORTED(Entity.ARTICLE),
    /** A public correction or update note was added. */
    ARTICLE_CORRECTED(Entity.ARTICLE),
    SECTION_CREATED(Entity.SECTION), SECTION_MOVED(Entity.SECTION), SECTION_RENAMED(Entity.SECTION),
    TAG_RENAMED(Entity.TAG), TAG_MERGED(Entity.TAG), AUTHOR_RENAMED(Entity.AUTHOR),
    /** Comment changes are about the article they were written on (its page and counts show them). */
    COMMENT_APPROVED(Entity.ARTICLE), COMMENT_PENDING(Entity.ARTICLE), COMMENT_SPAM(Entity.ARTICLE), COMMENT_DELETED(Entity.ARTICLE),
    COMMENT_EDITED(Entity.ARTICLE), COMMENTS_CLOSED(Entity.ARTICLE), COMMENTS_OPENED(Entity.ARTICLE),
    /** The pins of a page changed (entity id: the section, 0 for the home page), by an editor or by lapsing. */
    DESK_PINS(Entity.DESK),
    /** The عاجل ticker changed (entity id: the line), by an editor or by expiring. */
    DESK_TICKER(Entity.DESK),
    /** A static page was saved (entity id: the page). */
    PAGE_SAVED(Entity.PAGE),
    /** A header or footer menu changed (shown on every page). */
    MENU_CHANGED(Entity.PAGE),
    UNKNOWN(Entity.UNKNOWN);

    /** The kind of thing a change is about; its id is the change's {@code entityId}. */
    public enum Entity {
        ARTICLE, SECTION, TAG, AUTHOR,
        /** What the desk puts first: pins and the ticker (pages show them; the search index does not). */
        DESK,
        /** Static pages and menus (pages show them; the search index does not). */
        PAGE,
        UNKNOWN;

        /** The name stored in the {@code change.entity} column (also the entity's table). */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Entity entity;

    ChangeKind(Entity entity) {
        this.entity = entity;
    }

    public Entity entity() {
        return entity;
    }

    /** {@code ARTICLE_PUBLISHED} → {@code article.published}: the value stored in {@code change.kind}. */
    public String code() {
        int split = name().indexOf('_');
        return name().substring(0, split).toLowerCase(Locale.ROOT) + "." + name().substring(split + 1).toLowerCase(Locale.ROOT);
    }

    /** The article-status change that puts an article into {@code status} ({@code published} → {@link #ARTICLE_PUBLISHED}). */
    public static ChangeKind articleNow(String status) {
        return of("article." + status);
    }

    /** The comment-moderation change that gives comments {@code status}. */
    public static ChangeKind commentNow(String status) {
        return of("comment." + status);
    }

    /** The stored code, as logs and the change table show it. */
    @Override
    public String toString() {
        return code();
    }

    public static ChangeKind of(String code) {
        for (ChangeKind k : values()) if (k.code().equals(code)) return k;
        return UNKNOWN;
    }
}
