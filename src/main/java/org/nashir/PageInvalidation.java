package org.nashir;

import org.nashir.article.Article;
import org.nashir.article.ArticleStore;
import org.nashir.storage.ChangeFeed;
import org.nashir.web.PageCache;
import org.nashir.web.Purge;
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
    private final Purge cdn;

    PageInvalidation(PageCache pages, ArticleStore articles, Purge cdn) {
        this.pages = pages;
        this.articles = articles;
        this.cdn = cdn;
    }

    /** Marks the pages out of date here, and tells the CDN in front (if any) which keys to purge. */
    void apply(ChangeFeed.Change change) {
        long id = change.entityId();
        Set<String> keys = keys(change, id);
        if (keys == null) {
            pages.invalidateAll();
            cdn.all();
            return;
        }
        Set<String> matched = new HashSet<>(pages.invalidate(tag -> keys.contains(tag) || keys.contains(prefixOf(tag))));
        // The CDN may hold pages this node does not: the change's own keys go too (not the prefixes themselves).
        keys.stream().filter(k -> !k.endsWith("*")).forEach(matched::add);
        cdn.keys(matched);
    }

    /** "list:section:3" belongs to "list:*"; "page:4" to "page:*". */
    private static String prefixOf(String tag) {
        int colon = tag.indexOf(':');
        return colon < 0 ? tag : tag.substring(0, colon + 1) + "*";
    }

    /** The tags (or prefixes, ending in *) of the pages a change makes out of date; null for everything. */
    private Set<String> keys(ChangeFeed.Change change, long id) {
        Set<String> keys = new HashSet<>();
        switch (change.kind()) {
            case ARTICLE_PUBLISHED, ARTICLE_SCHEDULED, ARTICLE_DRAFT, ARTICLE_REVIEW, ARTICLE_ARCHIVED, ARTICLE_DELETED, ARTICLE_IMPORTED -> {
                keys.add(Shows.article(id));
                keys.add(Shows.LIST + "*");
                keys.add(Shows.LIST_ALL);
                keys.add(Shows.CORRECTIONS);
            }
            case ARTICLE_UPDATED, ARTICLE_CORRECTED -> {
                keys.addAll(listsOf(id));
                keys.add(Shows.article(id));
                if (change.kind() == org.nashir.storage.ChangeKind.ARTICLE_CORRECTED) keys.add(Shows.CORRECTIONS);
            }
            case COMMENT_APPROVED, COMMENT_PENDING, COMMENT_SPAM, COMMENT_DELETED, COMMENT_EDITED, COMMENTS_CLOSED, COMMENTS_OPENED ->
                keys.add(Shows.article(id));
            case DESK_PINS -> keys.add(Shows.pins(id));
            case DESK_TICKER -> keys.add(Shows.TICKER);
            case MENU_CHANGED -> keys.add(Shows.NAV);
            case PAGE_SAVED -> {
                keys.add("page:*");
                keys.add(Shows.page(id));
                keys.add(Shows.PAGES);
            }
            default -> {
                return null;
            }
        }
        return keys;
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
