package org.nashir.article;

import java.util.List;

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
        .allowAttributes("class").matching(java.util.regex.Pattern.compile("embed")).onElements("figure")
        .allowAttributes("data-embed").matching(java.util.regex.Pattern.compile("youtube|x|telegram|facebook|instagram|tiktok|soundcloud")).onElements("figure")
        .allowAttributes("data-frame").matching(java.util.regex.Pattern.compile(
            "https://(www\\.youtube-nocookie\\.com|platform\\.twitter\\.com|t\\.me|www\\.facebook\\.com|www\\.instagram\\.com|www\\.tiktok\\.com|w\\.soundcloud\\.com)/[^\\s\"<>]*"))
            .onElements("figure")
        .allowAttributes("data-title").matching(java.util.regex.Pattern.compile("[^\\p{Cntrl}]{1,300}")).onElements("figure")
        .requireRelsOnLinks("nofollow", "noopener")
        .toFactory();

    private BodyHtml() {}

    private static final java.util.Set<String> INLINE = java.util.Set.of("a", "b", "strong", "i", "em", "u", "s", "sub", "sup", "q", "cite", "br", "img");

    /**
     * Safe body HTML in paragraphs. Browsers' editing areas and pasted pages wrap lines in {@code <div>} or leave
     * bare text; those become {@code <p>} so every body reads as paragraphs, whatever produced it.
     */
    public static String sanitize(String html) {
        org.jsoup.nodes.Document before = org.jsoup.Jsoup.parseBodyFragment(html == null ? "" : html);
        before.outputSettings().prettyPrint(false);
        before.select("div").tagName("p");
        String safe = POLICY.sanitize(before.body().html());
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(safe);
        doc.outputSettings().prettyPrint(false);
        org.jsoup.nodes.Element body = doc.body();
        java.util.List<org.jsoup.nodes.Node> run = new java.util.ArrayList<>();
        for (org.jsoup.nodes.Node node : new java.util.ArrayList<>(body.childNodes())) {
            boolean inline = node instanceof org.jsoup.nodes.TextNode
                || (node instanceof org.jsoup.nodes.Element e && INLINE.contains(e.tagName()));
            if (inline) {
                run.add(node);
            } else {
                wrap(run);
            }
        }
        wrap(run);
        embed(body);
        return body.html();
    }

    /**
     * A paragraph that is only a link (or only an address) to a post on a service {@link Embeds} knows becomes an
     * embed: a figure naming the service, holding the link, with the player's address for when a reader asks for it.
     */
    private static void embed(org.jsoup.nodes.Element body) {
        for (org.jsoup.nodes.Element p : body.select("> p")) {
            List<org.jsoup.nodes.Node> kids = p.childNodes().stream()
                .filter(n -> !(n instanceof org.jsoup.nodes.TextNode t && t.isBlank())).toList();
            if (kids.size() != 1) continue;
            String url = kids.getFirst() instanceof org.jsoup.nodes.Element a && a.tagName().equals("a") && a.text().strip().equals(a.attr("href").strip())
                ? a.attr("href") : kids.getFirst() instanceof org.jsoup.nodes.TextNode t ? t.text().strip() : null;
            if (url == null) continue;
            var provider = Embeds.providerOf(url);
            if (provider.isEmpty()) continue;
            org.jsoup.nodes.Element figure = new org.jsoup.nodes.Element("figure").attr("class", "embed")
                .attr("data-embed", provider.get().code()).attr("data-frame", provider.get().frame(url.strip()).orElseThrow());
            figure.appendElement("figcaption").text(provider.get().arabic());
            figure.appendElement("a").attr("href", url.strip()).attr("rel", "nofollow noopener").text(url.strip());
            p.replaceWith(figure);
        }
    }

    /** Puts a run of top-level text and inline elements into one paragraph, unless it is only white space. */
    private static void wrap(java.util.List<org.jsoup.nodes.Node> run) {
        if (run.isEmpty()) return;
        boolean blank = run.stream().allMatch(n -> n instanceof org.jsoup.nodes.TextNode t && t.isBlank()
            || n instanceof org.jsoup.nodes.Element e && e.tagName().equals("br"));
        if (blank) {
            run.forEach(org.jsoup.nodes.Node::remove);
        } else {
            org.jsoup.nodes.Element p = new org.jsoup.nodes.Element("p");
            run.getFirst().before(p);
            for (org.jsoup.nodes.Node n : run) p.appendChild(n);
        }
        run.clear();
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
