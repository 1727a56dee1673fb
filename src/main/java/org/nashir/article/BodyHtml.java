package org.nashir.article;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The only HTML an article body may hold: text structure, links, images and tables. Scripts, styles, event
 * handlers and unknown elements are dropped; links get {@code rel="nofollow noopener"} when they leave the site.
 */
public final class BodyHtml {
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
        .allowElements("p", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "strong", "em", "b", "i",
            "u", "s", "sub", "sup", "figure", "figcaption", "img", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "q", "cite")
        .allowUrlProtocols("http", "https", "mailto")
        .allowAttributes("href").onElements("a")
        .allowAttributes("src", "alt", "width", "height").onElements("img")
        .allowAttributes("dir", "lang").globally()
        .requireRelsOnLinks("nofollow", "noopener")
        .toFactory();

    private BodyHtml() {}

    public static String sanitize(String html) {
        return POLICY.sanitize(html == null ? "" : html);
    }

    /** Paragraphs of plain text as body HTML, each escaped; used by importers. */
    public static String fromParagraphs(java.util.List<String> paragraphs) {
        StringBuilder out = new StringBuilder();
        for (String p : paragraphs) {
            if (!out.isEmpty()) out.append('\n');
            out.append("<p>").append(escape(p)).append("</p>");
        }
        return out.toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
