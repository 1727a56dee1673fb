package org.nashir.web;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * What a cached page shows, recorded while it renders, so that a change drops only the pages that show what changed
 * ({@link PageCache#invalidate}). Articles record themselves as they are read ({@code Article}, {@code Teaser}: a page
 * depends on every article it read, and no route can forget one); the layout records the navigation and the ticker;
 * routes that list articles record which lists, so a new article reaches them. Tags also go out as
 * {@code Surrogate-Key}, for a CDN that purges by them.
 */
public final class Shows {
    /** The sections' navigation and the menus (every page with the layout). */
    public static final String NAV = "nav";
    /** The عاجل ticker (every page with the layout). */
    public static final String TICKER = "ticker";
    /** The list of static pages (their sitemap). */
    public static final String PAGES = "pages";
    /** The public corrections page. */
    public static final String CORRECTIONS = "corrections";
    /** Lists of the latest articles across the site (home, latest, archives, feeds, sitemaps, the API's list). */
    public static final String LIST_ALL = "list:all";
    /** What every list tag starts with: a change of which articles are public drops them all. */
    public static final String LIST = "list:";

    private static final ThreadLocal<Set<String>> RENDERING = new ThreadLocal<>();

    private Shows() {}

    public static String article(long id) {
        return "article:" + id;
    }

    public static String sectionList(long id) {
        return LIST + "section:" + id;
    }

    public static String tagList(long id) {
        return LIST + "tag:" + id;
    }

    public static String authorList(long id) {
        return LIST + "author:" + id;
    }

    /** The pins of the home page (0) or of a section page. */
    public static String pins(long section) {
        return "pins:" + section;
    }

    public static String page(long id) {
        return "page:" + id;
    }

    /** Records that the page being rendered on this thread shows these; nothing when no page is being rendered. */
    public static void record(String... tags) {
        Set<String> into = RENDERING.get();
        if (into != null) Collections.addAll(into, tags);
    }

    /** Runs a render, collecting what it records. */
    static byte[] collect(java.util.function.Supplier<byte[]> render, Set<String> into) {
        Set<String> outer = RENDERING.get();
        RENDERING.set(into);
        try {
            return render.get();
        } finally {
            if (outer == null) RENDERING.remove(); else RENDERING.set(outer);
        }
    }

    static Set<String> newSet() {
        return new HashSet<>();
    }
}
