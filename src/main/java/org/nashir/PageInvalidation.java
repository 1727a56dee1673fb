package org.nashir;

import org.nashir.article.Article;
import org.nashir.article.ArticleStore;
import org.nashir.storage.ChangeFeed;
import org.nashir.web.PageCache;
import org.nashir.web.Shows;

import java.util.HashSet;
import java.util.Set;

/**
 * Which cached pages a change makes out of date: the pages that show what changed ({@link Shows}), not all of them,
 * so a live story updated every few seconds keeps the rest of the site cached.
 * <ul>
 * <li>An article whose public status changed (published, unpublished, archived, deleted, imported): the pages that
 * show it, and every list of articles (it enters or leaves them, and moves the others along).</li>
 * <li>An article edited, corrected or given a live entry: the pages that show it, and the lists of its section, tags
 * and bylines (which it may have just joined); corrections also the corrections page.</li>
 * <li>A comment: the pages that show its article (its page, and the counts on teasers).</li>
 * <li>Pins: the page they are on. The ticker, menus: every page with the layout. Static pages: static pages and
 * their sitemap.</li>
 * <li>Sections, tags and bylines renamed or merged, and anything this version does not know: everything.</li>
 * </ul>
 */
final class PageInvalidation {
    private final PageCache pages;
    private final ArticleStore articles;

    PageInvalidation(PageCache pages, ArticleStore articles) {
        this.pages = pages;
        this.articles = articles;
    }

    void apply(ChangeFeed.Change change) {
        long id = change.entityId();
        switch (change.kind()) {
            case ARTICLE_PUBLISHED, ARTICLE_SCHEDULED, ARTICLE_DRAFT, ARTICLE_REVIEW, ARTICLE_ARCHIVED, ARTICLE_DELETED, ARTICLE_IMPORTED ->
                pages.invalidate(tag -> tag.equals(Shows.article(id)) || tag.startsWith(Shows.LIST) || tag.equals(Shows.CORRECTIONS));
            case ARTICLE_UPDATED, ARTICLE_CORRECTED -> {
                Set<String> shown = listsOf(id);
                shown.add(Shows.article(id));
                if (change.kind() == org.nashir.storage.ChangeKind.ARTICLE_CORRECTED) shown.add(Shows.CORRECTIONS);
                pages.invalidate(shown::contains);
            }
            case COMMENT_APPROVED, COMMENT_PENDING, COMMENT_SPAM, COMMENT_DELETED, COMMENT_EDITED, COMMENTS_CLOSED, COMMENTS_OPENED ->
                pages.invalidate(Shows.article(id)::equals);
            case DESK_PINS -> pages.invalidate(Shows.pins(id)::equals);
            case DESK_TICKER -> pages.invalidate(Shows.TICKER::equals);
            case MENU_CHANGED -> pages.invalidate(Shows.NAV::equals);
            case PAGE_SAVED -> pages.invalidate(tag -> tag.startsWith("page:") || tag.equals(Shows.PAGES));
            default -> pages.invalidateAll();
        }
    }

    /** The lists the article belongs to now: its section's, its tags', its bylines'. */
    private Set<String> listsOf(long id) {
        Set<String> lists = new HashSet<>();
        Article a = articles.findById(id).orElse(null);
        if (a == null) {
            lists.add(Shows.LIST_ALL);
            return lists;
        }
        lists.add(Shows.sectionList(a.sectionId()));
        articles.listTags(id).forEach(t -> lists.add(Shows.tagList(t.id())));
        articles.listBylines(id).forEach(b -> lists.add(Shows.authorList(b.id())));
        return lists;
    }
}
