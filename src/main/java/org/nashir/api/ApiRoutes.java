package org.nashir.api;

import org.nashir.web.Input;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.nashir.article.Article;
import org.nashir.article.ArticleStore;
import org.nashir.article.Byline;
import org.nashir.article.Tag;
import org.nashir.article.Teaser;
import org.nashir.article.TickerStore;
import org.nashir.article.CorrectionStore;
import org.nashir.article.Section;
import org.nashir.article.SectionStore;
import org.nashir.web.ApiError;
import org.nashir.web.PageCache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public read API, {@code /api/v1/…}: articles (filtered by section, tag, author, date range; paginated), one
 * article, sections. Responses are cached like pages (ETag, 304) and dropped by the change feed; errors are JSON
 * with a stable code and an Arabic and English message, never a 500 for what a client sends.
 */
public final class ApiRoutes {
    static final int MAX_LIMIT = 100;

    private final ArticleStore articles;
    private final SectionStore sections;
    private final TickerStore ticker;
    private final CorrectionStore corrections;
    private final PageCache cache;
    private final String baseUrl;
    private final ZoneId zone;
    private final ObjectMapper json = org.nashir.web.Json.MAPPER;

    public ApiRoutes(ArticleStore articles, SectionStore sections, TickerStore ticker, CorrectionStore corrections, PageCache cache, String baseUrl,
                     ZoneId zone) {
        this.corrections = corrections;
        this.ticker = ticker;
        this.articles = articles;
        this.sections = sections;
        this.cache = cache;
        this.baseUrl = baseUrl;
        this.zone = zone;
    }

    /** {@code GET /api/v1/articles?section=&tag=&author=&from=&to=&limit=&offset=}. */
    public void articles(Context ctx) {
        answer(ctx, () -> {
            int limit = number(ctx, "limit", 20, 1, MAX_LIMIT);
            int offset = number(ctx, "offset", 0, 0, 100_000);
            ArticleStore.Slice slice;
            String section = ctx.queryParam("section"), tag = ctx.queryParam("tag"), author = ctx.queryParam("author");
            if (section != null) {
                Section s = sections.findBySlug(section).orElseThrow(() -> new ApiError(404, "unknown_section", "no section " + section, "القسم غير موجود"));
                slice = articles.listInSection(s.id(), limit, offset);
            } else if (tag != null) {
                Tag t = articles.findTag(tag).orElseThrow(() -> new ApiError(404, "unknown_tag", "no tag " + tag, "الوسم غير موجود"));
                slice = articles.listTagged(t.id(), limit, offset);
            } else if (author != null) {
                Byline b = articles.findByline(author).orElseThrow(() -> new ApiError(404, "unknown_author", "no author " + author, "الكاتب غير موجود"));
                slice = articles.listBylined(b.id(), limit, offset);
            } else if (ctx.queryParam("from") != null || ctx.queryParam("to") != null) {
                Instant from = date(ctx, "from", LocalDate.of(1900, 1, 1));
                Instant to = date(ctx, "to", LocalDate.of(2200, 1, 1)).plusSeconds(86_400);
                slice = articles.listPublishedBetween(from, to, limit, offset);
            } else {
                slice = articles.listLatest(limit, offset);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("total", slice.total());
            out.put("limit", limit);
            out.put("offset", offset);
            java.util.Set<Long> urgent = ticker.listUrgentArticleIds();
            out.put("items", slice.items().stream().map(t -> teaser(t, urgent.contains(t.id()))).toList());
            return out;
        });
    }

    /** {@code GET /api/v1/articles/{id}}: the article with its body (sanitized HTML), bylines and tags. */
    public void article(Context ctx) {
        answer(ctx, () -> {
            String raw = ctx.pathParam("id");
            if (!Input.isId(raw)) throw new ApiError(404, "unknown_article", "no article " + raw, "المقال غير موجود");
            Article a = articles.findPublished(Input.id(raw))
                .orElseThrow(() -> new ApiError(404, "unknown_article", "no article " + raw, "المقال غير موجود"));
            return describe(a);
        });
    }

    /** An article as the API shows it; {@code version} is what a PUT must send back. */
    Map<String, Object> describe(Article a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("url", baseUrl + a.path());
        out.put("title", a.title());
        out.put("kicker", a.kicker());
        out.put("summary", a.summary());
        out.put("body_html", a.body());
        out.put("label", a.label());
        out.put("type", a.articleKind().code());
        out.put("urgent_until", ticker.findUrgentUntil(a.id()).map(Instant::toString).orElse(null));
        out.put("corrections", corrections.listFor(a.id()).stream()
            .map(c -> Map.of("kind", c.kind(), "text", c.body(), "published", c.createdAt().toString())).toList());
        out.put("live", a.isLive() ? Map.of("started", a.liveStartedAt().toString(), "ended", a.liveEndedAt() == null ? "" : a.liveEndedAt().toString()) : null);
        out.put("source", a.sourceName() == null ? null : Map.of("name", a.sourceName(), "url", a.sourceUrl() == null ? "" : a.sourceUrl()));
        out.put("section", sections.listAll().stream().filter(s -> s.id() == a.sectionId()).map(Section::slug).findFirst().orElse(null));
        out.put("bylines", articles.listBylines(a.id()).stream().map(b -> Map.of("name", b.name(), "slug", b.slug(), "desk", b.desk())).toList());
        out.put("tags", articles.listTags(a.id()).stream().map(t -> Map.of("name", t.name(), "slug", t.slug())).toList());
        out.put("status", a.status());
        out.put("version", a.version());
        out.put("published", a.publishedAt() == null ? null : a.publishedAt().toString());
        out.put("updated", a.updatedAt().toString());
        out.put("views", a.viewCount());
        return out;
    }

    /** {@code GET /api/v1/sections}. */
    public void sections(Context ctx) {
        answer(ctx, () -> Map.of("items", sections.listAll().stream()
            .map(s -> Map.of("slug", s.slug(), "name", s.name(), "url", baseUrl + s.path())).toList()));
    }

    /** {@code GET /api/v1/tags?limit=&offset=}: tags by name, with how many articles carry each. */
    public void tags(Context ctx) {
        answer(ctx, () -> {
            int limit = number(ctx, "limit", 100, 1, 1000);
            int offset = number(ctx, "offset", 0, 0, 1_000_000);
            var all = articles.listTagUse();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("total", all.size());
            out.put("limit", limit);
            out.put("offset", offset);
            out.put("items", all.stream().skip(offset).limit(limit).map(t -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("slug", t.slug());
                m.put("name", t.name());
                m.put("articles", t.articles());
                m.put("url", baseUrl + "/tag/" + java.net.URLEncoder.encode(t.slug(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
                return m;
            }).toList());
            return out;
        });
    }

    /** {@code GET /api/v1/authors}: bylines (people and desks) by name. */
    public void authors(Context ctx) {
        answer(ctx, () -> Map.of("items", articles.listBylines().stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slug", b.slug());
            m.put("name", b.name());
            m.put("desk", b.desk());
            m.put("url", baseUrl + b.path());
            return m;
        }).toList()));
    }

    /** {@code GET /api/v1/openapi.json}: the API described (OpenAPI 3.1), with this site's address as its server. */
    public void openApi(Context ctx) {
        answer(ctx, () -> {
            try (var in = ApiRoutes.class.getResourceAsStream("/api/openapi.json")) {
                var doc = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(in);
                doc.putArray("servers").addObject().put("url", baseUrl);
                return doc;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the OpenAPI document from the class path", e);
            }
        });
    }

    private Map<String, Object> teaser(Teaser t, boolean urgent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("title", t.title());
        m.put("url", baseUrl + t.href());
        m.put("summary", t.summary());
        m.put("section", t.sectionSlug());
        m.put("published", t.publishedAt().toString());
        m.put("comments", t.commentCount());
        m.put("type", t.articleKind().code());
        m.put("urgent", urgent);
        return m;
    }

    private void answer(Context ctx, java.util.function.Supplier<Object> body) {
        String key = ctx.path() + "?" + (ctx.queryString() == null ? "" : ctx.queryString());
        cache.send(ctx, cache.get(key, () -> {
            // The API's answers list articles, sections and tags: any change of which articles are public drops them.
            org.nashir.web.Shows.record(org.nashir.web.Shows.LIST_ALL);
            try {
                return json.writeValueAsBytes(body.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), "application/json; charset=utf-8");
    }

    private static int number(Context ctx, String name, int dflt, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) return dflt;
        try {
            return Input.number(raw, min, max, dflt);
        } catch (Input.Invalid e) {
            throw new ApiError(400, "bad_" + name, name + " must be a whole number from " + min + " to " + max,
                "القيمة " + name + " يجب أن تكون عدداً صحيحاً بين " + min + " و" + max);
        }
    }

    private Instant date(Context ctx, String name, LocalDate dflt) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) return dflt.atStartOfDay(zone).toInstant();
        try {
            return Input.date(raw).atStartOfDay(zone).toInstant();
        } catch (Input.Invalid e) {
            throw new ApiError(400, "bad_date", name + " must be " + e.getMessage(), "التاريخ " + name + " يجب أن يكون بالشكل 2015-11-16 بين عامي "
                + Input.EARLIEST.getYear() + " و" + Input.LATEST.getYear());
        }
    }
}
