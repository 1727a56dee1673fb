package org.nashir.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Names an embedded post by its title when the site is online: at save time, before the transaction, each embed
 * without a title is looked up through its service's oEmbed endpoint with {@link SafeFetch}. The title is stored in
 * the body ({@code data-title}, and beside the service's name), so readers see what the post is before they choose
 * to load it, and nothing is fetched while they read. A service without a public endpoint, or no network, leaves the
 * embed as it was.
 */
public final class EmbedTitles {
    /** The oEmbed endpoints of the services that have public ones; the post's address is appended, encoded. */
    static final Map<String, String> ENDPOINTS = Map.of(
        "youtube", "https://www.youtube.com/oembed?format=json&url=",
        "x", "https://publish.twitter.com/oembed?omit_script=true&url=",
        "soundcloud", "https://soundcloud.com/oembed?format=json&url=",
        "tiktok", "https://www.tiktok.com/oembed?url=");
    static final int TITLE_MAX = 200;

    private final SafeFetch fetch;
    private final Map<String, String> endpoints;
    private final boolean enabled;
    private final ObjectMapper json = new ObjectMapper();

    public EmbedTitles(boolean enabled) {
        this(new SafeFetch(), ENDPOINTS, enabled);
    }

    /** With other endpoints and fetcher: tests point a service at a local fake provider. */
    EmbedTitles(SafeFetch fetch, Map<String, String> endpoints, boolean enabled) {
        this.fetch = fetch;
        this.endpoints = endpoints;
        this.enabled = enabled;
    }

    /** The sanitized body with its untitled embeds titled where their service answers. */
    public String titled(String sanitizedBody) {
        if (!enabled || !sanitizedBody.contains("class=\"embed\"")) return sanitizedBody;
        Document doc = Jsoup.parseBodyFragment(sanitizedBody);
        doc.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (Element figure : doc.select("figure.embed[data-embed]:not([data-title])")) {
            Element link = figure.selectFirst("a[href]");
            if (link == null) continue;
            Optional<String> title = lookup(figure.attr("data-embed"), link.attr("href"));
            if (title.isEmpty()) continue;
            figure.attr("data-title", title.get());
            Element caption = figure.selectFirst("figcaption");
            if (caption != null) caption.text(caption.text() + ": " + title.get());
            changed = true;
        }
        return changed ? BodyHtml.sanitize(doc.body().html()) : sanitizedBody;
    }

    private Optional<String> lookup(String service, String url) {
        String endpoint = endpoints.get(service);
        if (endpoint == null) return Optional.empty();
        try {
            JsonNode answer = json.readTree(fetch.get(endpoint + URLEncoder.encode(url, StandardCharsets.UTF_8)));
            String title = answer.path("title").asText("").strip();
            if (title.isEmpty()) title = answer.path("author_name").asText("").strip();
            title = title.replaceAll("\\p{Cntrl}", " ").strip();
            if (title.isEmpty()) return Optional.empty();
            return Optional.of(title.codePointCount(0, title.length()) > TITLE_MAX ? title.substring(0, title.offsetByCodePoints(0, TITLE_MAX - 1)) + "…" : title);
        } catch (SafeFetch.Refused | IOException unreachable) {
            // Offline, refused or not JSON: the embed keeps the service's name alone, as without this lookup.
            return Optional.empty();
        }
    }
}
