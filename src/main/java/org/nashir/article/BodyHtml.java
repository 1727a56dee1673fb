package org.nashir.article;

import java.util.List;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The only HTML an article body may hold: text structure, links, images (alone, in galleries), tables, pull quotes
 * ({@code <blockquote class="pull-quote">}), embeds and videos from the site's own media
 * library (a player pointed anywhere else would track readers; its address is checked to be an uploaded file). Scripts, styles, event
 * handlers and unknown elements are dropped; links get {@code rel="nofollow noopener"} when they leave the site.
 */
public final class BodyHtml {
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
        .allowElements("p", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "strong", "em", "b", "i",
            "u", "s", "sub", "sup", "figure", "figcaption", "img", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "q", "cite")
        .allowUrlProtocols("http", "https", "mailto")
        .allowAttributes("href").onElements("a")
        .allowAttributes("src", "alt", "width", "height").onElements("img")
        .allowElements("video")
        .allowAttributes("src").matching(java.util.regex.Pattern.compile("/media/[0-9a-f]{32}/video\\.(mp4|webm)")).onElements("video")
        .allowAttributes("poster").matching(java.util.regex.Pattern.compile("/media/[0-9a-f]{32}/[0-9]{1,5}\\.jpg")).onElements("video")
        .allowAttributes("controls").matching(java.util.regex.Pattern.compile("|controls")).onElements("video")
        .allowAttributes("preload").matching(java.util.regex.Pattern.compile("none|metadata")).onElements("video")
        .allowAttributes("width", "height").matching(java.util.regex.Pattern.compile("[0-9]{1,4}")).onElements("video")
        .allowAttributes("aria-label").onElements("video")
        .allowAttributes("dir", "lang").globally()
        .allowAttributes("class").matching(java.util.regex.Pattern.compile("embed|gallery")).onElements("figure")
        .allowAttributes("class").matching(java.util.regex.Pattern.compile("pull-quote")).onElements("blockquote")
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
        // A video whose address was not one of ours has lost it: drop the empty player. The rest wait for the
        // reader's tap (a phone on a metered plan must not download a clip it never plays) and show their controls.
        body.select("video:not([src])").remove();
        // Paragraphs with nothing to read (an editor's empty lines) would only add gaps.
        body.select("p").stream().filter(p -> p.text().isBlank() && p.select("img,video,a[href]").isEmpty()).forEach(org.jsoup.nodes.Element::remove);
        body.select("video").attr("controls", "").attr("preload", "none");
        // Figures holding only figures are a gallery whatever called them so (WordPress's wp-block-gallery, an
        // editor's copy); one picture alone is just that picture.
        for (org.jsoup.nodes.Element outer : body.select("figure:not(.embed):has(> figure)")) {
            if (!outer.children().stream().allMatch(c -> c.tagName().equals("figure") || c.tagName().equals("figcaption"))) continue;
            if (outer.select("> figure").size() > 1) outer.attr("class", "gallery");
            else outer.unwrap();
        }
        // A caption left empty and a gallery without pictures are only noise.
        body.select("figcaption").stream().filter(c -> c.text().isBlank() && c.children().isEmpty()).forEach(org.jsoup.nodes.Element::remove);
        body.select("figure.gallery").stream().filter(g -> g.select("> figure").isEmpty()).forEach(org.jsoup.nodes.Element::remove);
        // Editors write a table's header as its first row of <th> cells; readers' screen readers want it in <thead>.
        for (org.jsoup.nodes.Element table : body.select("table:not(:has(thead))")) {
            org.jsoup.nodes.Element first = table.selectFirst("tr");
            if (first == null || first.select("> td").size() > 0 || first.select("> th").isEmpty()) continue;
            table.prependElement("thead").appendChild(first);
        }
        return body.html();
    }

    /**
     * A paragraph that is only a link (or only an address) to a post on a service {@link Embeds} knows becomes an
     * embed: a figure naming the service, holding the link, with the player's address for when a reader asks for it.
     * A paragraph that is only the address of one of the site's own videos becomes its player.
     */
    private static void embed(org.jsoup.nodes.Element body) {
        for (org.jsoup.nodes.Element p : body.select("> p")) {
            List<org.jsoup.nodes.Node> kids = p.childNodes().stream()
                .filter(n -> !(n instanceof org.jsoup.nodes.TextNode t && t.isBlank())).toList();
            if (kids.size() != 1) continue;
            String url = kids.getFirst() instanceof org.jsoup.nodes.Element a && a.tagName().equals("a") && a.text().strip().equals(a.attr("href").strip())
                ? a.attr("href") : kids.getFirst() instanceof org.jsoup.nodes.TextNode t ? t.text().strip() : null;
            if (url == null) continue;
            if (OWN_VIDEO.matcher(url.strip()).matches()) {
                p.replaceWith(new org.jsoup.nodes.Element("video").attr("src", url.strip()));
                continue;
            }
            var provider = Embeds.providerOf(url);
            if (provider.isEmpty()) continue;
            org.jsoup.nodes.Element figure = new org.jsoup.nodes.Element("figure").attr("class", "embed")
                .attr("data-embed", provider.get().code()).attr("data-frame", provider.get().frame(url.strip()).orElseThrow());
            figure.appendElement("figcaption").text(provider.get().arabic());
            figure.appendElement("a").attr("href", url.strip()).attr("rel", "nofollow noopener").text(url.strip());
            p.replaceWith(figure);
        }
    }

    private static final java.util.regex.Pattern OWN_VIDEO = java.util.regex.Pattern.compile("/media/[0-9a-f]{32}/video\\.(mp4|webm)");

    /**
     * The sanitized body with each of the site's own videos that has no poster given its poster, when it has one.
     * Editors paste a video's address from the media library; the poster is found at save time, not on every read.
     */
    public static String withPosters(String sanitizedBody, java.util.function.Function<String, String> posterOf) {
        if (!sanitizedBody.contains("<video")) return sanitizedBody;
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(sanitizedBody);
        doc.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (org.jsoup.nodes.Element video : doc.select("video[src]:not([poster])")) {
            String poster = posterOf.apply(video.attr("src"));
            if (poster == null) continue;
            video.attr("poster", poster);
            changed = true;
        }
        return changed ? sanitize(doc.body().html()) : sanitizedBody;
    }

    /**
     * The stored body as readers get it: each picture from the library offers its smaller renditions ({@code srcsets}
     * knows them; a phone downloads 640 or 768 pixels, not 1024), pictures in the text load when they come near the
     * screen and are decoded off the main thread, and a gallery sits in the box its buttons will go in (so the
     * script adds them without moving the page). Done when a page is rendered, so older bodies are served the same way.
     */
    public static String forReaders(String body, java.util.function.Function<String, java.util.Optional<String>> srcsets) {
        if (body == null || !body.contains("<img")) return body;
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(body);
        doc.outputSettings().prettyPrint(false);
        for (org.jsoup.nodes.Element img : doc.select("img[src]")) {
            img.attr("loading", "lazy").attr("decoding", "async");
            srcsets.apply(img.attr("src")).ifPresent(set -> img.attr("srcset", set).attr("sizes", "(min-width: 46rem) 44rem, calc(100vw - 2rem)"));
        }
        doc.select("figure.gallery").wrap("<div class=\"gallery-box\"></div>");
        return doc.body().html();
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
