package org.nashir.api;

import org.nashir.web.Input;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.jsoup.Jsoup;
import org.nashir.account.Account;
import org.nashir.account.ApiDoor;
import org.nashir.account.Role;
import org.nashir.article.Article;
import org.nashir.article.ArticleStore;
import org.nashir.article.DeskRefused;
import org.nashir.article.LiveStore;
import org.nashir.web.ApiError;
import org.nashir.web.Messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Live coverage through the API: anyone reads an article's entries; a token of the newsroom adds, rewrites, pins
 * and deletes them, with the back office's rules (only while coverage goes on for new entries).
 */
public final class ApiLiveRoutes {
    private static final Set<String> FIELDS = Set.of("text", "media_id", "pinned");
    /** Refusals that are about the coverage's state rather than the entry sent. */
    private static final Set<String> STATE = Set.of("live.error.not-live", "live.error.ended", "live.error.not-published");

    private final LiveStore live;
    private final ArticleStore articles;
    private final Messages messages;

    public ApiLiveRoutes(LiveStore live, ArticleStore articles, Messages messages) {
        this.live = live;
        this.articles = articles;
        this.messages = messages;
    }

    /** {@code GET /api/v1/articles/{id}/live}: the coverage's state and entries, pinned key events first. */
    public void list(Context ctx) {
        Article a = published(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("live", a.isLiveNow());
        out.put("started", a.liveStartedAt() == null ? null : a.liveStartedAt().toString());
        out.put("ended", a.liveEndedAt() == null ? null : a.liveEndedAt().toString());
        out.put("items", live.listFor(a.id()).stream().map(ApiLiveRoutes::entry).toList());
        ctx.header("Cache-Control", "public, max-age=5").json(out);
    }

    /** {@code POST /api/v1/articles/{id}/live} with {@code {"text", "media_id"}}: 201 with the entry's id. */
    public void add(Context ctx) {
        Account by = writer(ctx);
        Article a = published(ctx);
        JsonNode body = body(ctx);
        String text = text(body);
        Long media = body.hasNonNull("media_id") && body.get("media_id").canConvertToLong() ? body.get("media_id").longValue() : null;
        long id = refusing(() -> live.add(a.id(), text, media, by));
        ctx.header("Cache-Control", "no-store").status(201).json(Map.of("id", id));
    }

    /**
     * {@code PUT /api/v1/articles/{id}/live/coverage} with {@code {"live": true}} to start (or resume) coverage of a
     * published article, {@code {"live": false}} to end it (its entries stay). Editors and admins, as on the desk.
     */
    public void coverage(Context ctx) {
        Account by = ApiDoor.requiredAccount(ctx);
        if (!by.role().canPublish()) throw new ApiError(403, "forbidden", "only editors start and end live coverage", "بدء التغطية المباشرة وإنهاؤها للمحررين");
        Article a = published(ctx);
        JsonNode body = JsonBody.object(ctx);
        JsonNode live = body.get("live");
        if (live == null || !live.isBoolean() || body.size() != 1) {
            throw new ApiError(422, "invalid_coverage", "send {\"live\": true} or {\"live\": false}", "أرسل live بقيمة true أو false",
                Map.of("fields", Map.of("live", "مطلوب: true أو false")));
        }
        refusing(() -> {
            if (live.booleanValue()) this.live.start(a.id(), by);
            else this.live.end(a.id(), by);
            return a.id();
        });
        Article now = articles.findPublished(a.id()).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("live", now.isLiveNow());
        out.put("started", now.liveStartedAt() == null ? null : now.liveStartedAt().toString());
        out.put("ended", now.liveEndedAt() == null ? null : now.liveEndedAt().toString());
        ctx.header("Cache-Control", "no-store").json(out);
    }

    /** {@code PUT /api/v1/articles/{id}/live/{entry}} with {@code {"text"}} and optionally {@code "pinned"}. */
    public void update(Context ctx) {
        Account by = writer(ctx);
        Article a = published(ctx);
        long entry = entryId(ctx);
        JsonNode body = body(ctx);
        String text = text(body);
        refusing(() -> {
            live.edit(a.id(), entry, text, by);
            if (body.has("pinned")) live.pin(a.id(), entry, body.get("pinned").asBoolean(), by);
            return entry;
        });
        ctx.header("Cache-Control", "no-store").json(Map.of("id", entry));
    }

    /** {@code DELETE /api/v1/articles/{id}/live/{entry}}: 204. */
    public void delete(Context ctx) {
        Account by = writer(ctx);
        Article a = published(ctx);
        long entry = entryId(ctx);
        refusing(() -> {
            live.delete(a.id(), entry, by);
            return entry;
        });
        ctx.header("Cache-Control", "no-store").status(204);
    }

    private static Map<String, Object> entry(LiveStore.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("html", e.bodyHtml());
        m.put("text", Jsoup.parse(e.bodyHtml()).text());
        m.put("pinned", e.pinned());
        m.put("media_id", e.mediaId());
        m.put("published", e.createdAt().toString());
        m.put("updated", e.updatedAt().toString());
        return m;
    }

    private long refusing(java.util.function.LongSupplier action) {
        try {
            return action.getAsLong();
        } catch (DeskRefused e) {
            String key = e.messageKey();
            if (key.equals("live.error.no-entry")) throw new ApiError(404, "unknown_entry", e.getMessage(), messages.get(key));
            if (STATE.contains(key)) throw new ApiError(409, "not_live", e.getMessage(), messages.get(key));
            throw new ApiError(422, "invalid_entry", e.getMessage(), messages.get(key), Map.of("fields", Map.of("text", messages.get(key))));
        }
    }

    private static Account writer(Context ctx) {
        Account by = ApiDoor.requiredAccount(ctx);
        if (by.role() == Role.MODERATOR) throw new ApiError(403, "forbidden", "moderators do not write live coverage", "مشرفو التعليقات لا يكتبون التغطية المباشرة");
        return by;
    }

    private Article published(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new ApiError(404, "unknown_article", "no article " + raw, "المقال غير موجود");
        return articles.findPublished(Input.id(raw)).orElseThrow(() -> new ApiError(404, "unknown_article", "no article " + raw, "المقال غير موجود"));
    }

    private static long entryId(Context ctx) {
        String raw = ctx.pathParam("entry");
        if (!Input.isId(raw)) throw new ApiError(404, "unknown_entry", "no entry " + raw, "التحديث غير موجود");
        return Input.id(raw);
    }

    private JsonNode body(Context ctx) {
        JsonNode node = JsonBody.object(ctx);
        List<String> unknown = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) unknown.add(f);
        });
        if (!unknown.isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (String f : unknown) fields.put(f, "حقل غير معروف");
            throw new ApiError(422, "invalid_entry", "unknown fields: " + String.join(", ", unknown), "بعض الحقول غير معروفة", Map.of("fields", fields));
        }
        return node;
    }

    private String text(JsonNode body) {
        JsonNode t = body.get("text");
        if (t == null || !t.isTextual()) {
            throw new ApiError(422, "invalid_entry", "text is required", messages.get("live.error.empty"), Map.of("fields", Map.of("text", messages.get("live.error.empty"))));
        }
        return t.textValue();
    }
}
