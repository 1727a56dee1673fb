package org.nashir.web;

import org.nashir.arabic.ArabicFormat;

import java.util.List;

/**
 * What the layout needs on every page: the site's name, navigation and عاجل ticker (links without an address are
 * plain lines), the page's title, description and
 * canonical address, and the formatters for dates, numbers and words.
 */
public record Frame(String siteName, String title, String description, String canonicalUrl, String lang,
                    List<NavLink> navigation, List<NavLink> ticker, List<MenuItem> headerMenu, List<MenuItem> footerMenu, String activePath, ArabicFormat fmt, Messages t, String css, String assetVersion) {

    /** The {@code <title>}: the page's title then the site's name, or the site's name alone on the home page. */
    public String documentTitle() {
        return title == null || title.isEmpty() ? siteName : title + " | " + siteName;
    }
}
