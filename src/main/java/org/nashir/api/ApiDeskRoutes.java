package org.nashir.api;

import org.nashir.web.Input;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.nashir.account.Account;
import org.nashir.account.ApiDoor;
import org.nashir.article.ArticleStore;
import org.nashir.article.CorrectionStore;
import org.nashir.article.DeskRefused;
import org.nashir.article.PinStore;
import org.nashir.article.Section;
import org.nashir.article.SectionStore;
import org.nashir.article.TickerStore;
import org.nashir.web.ApiError;
import org.nashir.web.Messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The desk through the API, with the back office's rules: anyone reads the ticker and a page's pins; an editor's
 * token pins, lights the ticker (an article or a line, two hours unless told otherwise), takes lines down, and adds
 * public corrections. Writers' tokens are refused with {@code forbidden}.
 */
public final class ApiDeskRoutes {
    private final PinStore pins;
    private final TickerStore ticker;
    private final CorrectionStore corrections;
    private final ArticleStore articles;
    private final SectionStore sections;
    private final Messages messages;
    private final Clock clock;

    public ApiDeskRoutes(PinStore pins, TickerStore ticker, CorrectionStore corrections, ArticleStore articles, SectionStore sections,
                         Messages messages, Clock clock) {
        this.pins = pins;
        this.ticker = ticker;
        this.corrections = corrections;
        this.articles = articles;
        this.sections = sections;
        this.messages = messages;
        this.clock = clock;
    }

    /** {@code GET /api/v1/ticker}: the live lines, newest first. */
    public void listTicker(Context ctx) {
        List<Map<String, Object>> items = ticker.listLive().stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", l.id());
            m.put("text", l.text());
            m.put("article_id", l.articleId());
            m.put("link", l.href());
            m.put("expires_at", l.expiresAt().toString());
            return m;
        }).toList();
        ctx.header("Cache-Control", "public, max-age=5").json(Map.of("items", items));
    }

    /** {@code POST /api/v1/ticker} with {@code {"article_id"}} or {@code {"text", "link"}}, and {@code "hours"}: 201. */
    public void addTicker(Context ctx) {
        Account by = editor(ctx);
        JsonNode body = body(ctx, Set.of("article_id", "text", "link", "hours"));
        Instant until = clock.instant().plus(hours(body));
        long id = refusing(() -> body.hasNonNull("article_id")
            ? ticker.addArticle(number(body, "article_id"), until, by)
            : ticker.addLine(text(body, "text"), text(body, "link"), until, by));
        ctx.header("Cache-Control", "no-store").status(201).json(Map.of("id", id, "expires_at", until.toString()));
    }

    /** {@code DELETE /api/v1/ticker/{id}}: takes a line down; 204. */
    public void endTicker(Context ctx) {
        Account by = editor(ctx);
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw) || ticker.listLive().stream().noneMatch(l -> l.id() == Input.id(raw))) {
            throw new ApiError(404, "unknown_line", "no live ticker line " + raw, "لا سطر عاجل بهذا الرقم");
        }
        ticker.end(Input.id(raw), by);
        ctx.header("Cache-Control", "no-store").status(204);
    }

    /** {@code GET /api/v1/pins?scope=home|section-slug}: the lead and pinned stories of a page. */
    public void listPins(Context ctx) {
        String scope = scope(ctx.queryParam("scope"));
        List<Map<String, Object>> items = pins.list(scope).stream().filter(p -> "published".equals(p.status())).map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("article_id", p.articleId());
            m.put("title", p.title());
            m.put("lead", p.lead());
            m.put("lapses_at", p.lapsesAt() == null ? null : p.lapsesAt().toString());
            return m;
        }).toList();
        ctx.header("Cache-Control", "public, max-age=5").json(Map.of("items", items));
    }

    /** {@code POST /api/v1/pins} with {@code {"scope", "article_id", "lead", "lapses_at"}}: 201. */
    public void pin(Context ctx) {
        Account by = editor(ctx);
        JsonNode body = body(ctx, Set.of("scope", "article_id", "lead", "lapses_at"));
        String scope = scope(body.hasNonNull("scope") ? body.get("scope").asText() : null);
        long article = number(body, "article_id");
        Instant lapses = null;
        if (body.hasNonNull("lapses_at")) {
            try {
                lapses = Input.instant(body.get("lapses_at").asText());
            } catch (Input.Invalid e) {
                throw invalid("lapses_at", "يُنتظر وقت بصيغة ISO-8601 مع المنطقة الزمنية");
            }
        }
        Instant lapsesAt = lapses;
        refusing(() -> {
            pins.pin(scope, article, body.path("lead").asBoolean(false), lapsesAt, by);
            return article;
        });
        ctx.header("Cache-Control", "no-store").status(201).json(Map.of("article_id", article, "scope", scope));
    }

    /** {@code DELETE /api/v1/pins/{article}?scope=…}: 204. */
    public void unpin(Context ctx) {
        Account by = editor(ctx);
        String scope = scope(ctx.queryParam("scope"));
        String raw = ctx.pathParam("article");
        if (!Input.isId(raw) || pins.list(scope).stream().noneMatch(p -> p.articleId() == Input.id(raw))) {
            throw new ApiError(404, "unknown_pin", "article " + raw + " is not pinned on " + scope, "هذا الخبر غير مثبّت في هذه الصفحة");
        }
        pins.unpin(scope, Input.id(raw), by);
        ctx.header("Cache-Control", "no-store").status(204);
    }

    /** {@code POST /api/v1/articles/{id}/corrections} with {@code {"kind": "correction"|"update", "text"}}: 201. */
    public void correct(Context ctx) {
        Account by = editor(ctx);
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw) || articles.findById(Input.id(raw)).isEmpty()) {
            throw new ApiError(404, "unknown_article", "no article " + raw, "المقال غير موجود");
        }
        JsonNode body = body(ctx, Set.of("kind", "text"));
        long id = refusing(() -> corrections.add(Input.id(raw), text(body, "kind"), text(body, "text"), by));
        ctx.header("Cache-Control", "no-store").status(201).json(Map.of("id", id));
    }

    /** {@code home}, or a section's slug: the page whose pins are meant. */
    private String scope(String raw) {
        if (raw == null || raw.isBlank() || raw.equals(PinStore.HOME)) return PinStore.HOME;
        return sections.findBySlug(raw).map(Section::id).map(PinStore::section)
            .orElseThrow(() -> new ApiError(404, "unknown_section", "no section " + raw, "القسم غير موجود"));
    }

    private static Account editor(Context ctx) {
        Account by = ApiDoor.requiredAccount(ctx);
        if (!by.role().canPublish()) throw new ApiError(403, "forbidden", "only editors arrange the desk", "ترتيب الواجهة وشريط العاجل والتصحيحات للمحررين");
        return by;
    }

    private long refusing(java.util.function.LongSupplier action) {
        try {
            return action.getAsLong();
        } catch (DeskRefused e) {
            String message = messages.get(e.messageKey(), PinStore.MAX_PINNED);
            throw new ApiError(422, "invalid_desk", e.getMessage(), message, Map.of("fields", Map.of("desk", message)));
        }
    }

    private JsonNode body(Context ctx, Set<String> fields) {
        JsonNode node = JsonBody.object(ctx);
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) throw invalid(f, "حقل غير معروف");
        }
        return node;
    }

    private static Duration hours(JsonNode body) {
        if (!body.hasNonNull("hours")) return TickerStore.DEFAULT_LIFETIME;
        JsonNode h = body.get("hours");
        if (!h.isNumber() || h.asDouble() <= 0 || h.asDouble() > 24) throw invalid("hours", "المدة بين ربع ساعة و24 ساعة");
        return Duration.ofMinutes(Math.round(h.asDouble() * 60));
    }

    private static long number(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) throw invalid(field, "يُنتظر رقم");
        return v.longValue();
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return "";
        if (!v.isTextual()) throw invalid(field, "يُنتظر نص");
        return v.textValue();
    }

    private static ApiError invalid(String field, String arabic) {
        return new ApiError(422, "invalid_desk", "invalid field " + field, "بعض الحقول غير صالحة", Map.of("fields", Map.of(field, arabic)));
    }
}
