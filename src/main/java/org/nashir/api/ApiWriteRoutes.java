package org.nashir.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import org.nashir.account.Account;
import org.nashir.account.ApiTokenStore;
import org.nashir.article.Article;
import org.nashir.article.ArticleForm;
import org.nashir.article.ArticleStore;
import org.nashir.article.Editing;
import org.nashir.section.Section;
import org.nashir.section.SectionStore;
import org.nashir.site.Forbidden;
import org.nashir.site.Messages;
import org.nashir.site.NotFound;
import org.nashir.site.WebServer;

import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The write API: create, update and publish articles with an API token ({@code Authorization: Bearer nashir_…}).
 * A token acts as its account, through the same {@link Editing} the back office uses, so the same rules hold
 * (writers save and submit their own drafts, editors publish; stale versions are refused; bodies are sanitized).
 * No cookies are read, so there is nothing for a cross-site request to borrow and no CSRF token is needed.
 */
public final class ApiWriteRoutes {
    /** Failed token checks per address per window before 429: a token cannot be guessed, but a flood is cut short. */
    static final int FAILURES_ALLOWED = 20;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    private final ApiTokenStore tokens;
    private final Editing editing;
    private final ArticleStore articles;
    private final SectionStore sections;
    private final Messages messages;
    private final ZoneId zone;
    private final String baseUrl;
    private final ObjectMapper json = new ObjectMapper();
    private final Cache<String, AtomicInteger> failures;
    private final Clock clock;

    private final ApiRoutes reads;

    public ApiWriteRoutes(ApiTokenStore tokens, Editing editing, ArticleStore articles, SectionStore sections, ApiRoutes reads, Messages messages,
                          ZoneId zone, String baseUrl, Clock clock) {
        this.reads = reads;
        this.tokens = tokens;
        this.editing = editing;
        this.articles = articles;
        this.sections = sections;
        this.messages = messages;
        this.zone = zone;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(FAILURE_WINDOW)
            .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** A refusal: HTTP status, stable code, Arabic and English messages, and any details (field errors). */
    static final class Refusal extends RuntimeException {
        final int status;
        final String code, arabic;
        final Map<String, Object> details;

        Refusal(int status, String code, String english, String arabic, Map<String, Object> details) {
            super(english, null, false, false);
            this.status = status;
            this.code = code;
            this.arabic = arabic;
            this.details = details;
        }

        Refusal(int status, String code, String english, String arabic) {
            this(status, code, english, arabic, Map.of());
        }
    }

    /**
     * {@code GET /api/v1/articles/{id}} with a token: any article the account may edit (a writer's own drafts, every
     * article for editors), with its status and version, never cached; without a token, the public read answers.
     */
    public void read(Context ctx) {
        if (ctx.header("Authorization") == null) {
            reads.article(ctx);
            return;
        }
        answer(ctx, 200, () -> {
            Account by = account(ctx);
            long id = id(ctx);
            Article a = articles.findById(id).orElseThrow(() -> unknown(id));
            boolean visible = Article.PUBLISHED.equals(a.status()) && a.publishedAt() != null && !a.publishedAt().isAfter(clock.instant());
            boolean editable = by.role().canPublish() || (by.role() == org.nashir.account.Role.WRITER && Long.valueOf(by.id()).equals(a.createdBy()));
            // Someone else's unpublished article does not exist for this token: not even its number is confirmed.
            if (!visible && !editable) throw unknown(id);
            return reads.describe(a);
        });
    }

    /** {@code POST /api/v1/articles}: 201 with the new article's id, version, status and address. */
    public void create(Context ctx) {
        answer(ctx, 201, () -> {
            Account by = account(ctx);
            ArticleForm form = form(body(ctx), null);
            Editing.Saved saved = editing.create(form, by);
            return saved(saved);
        });
    }

    /** {@code PUT /api/v1/articles/{id}}: the whole article again, with the {@code version} it was read at. */
    public void update(Context ctx) {
        answer(ctx, 200, () -> {
            Account by = account(ctx);
            long id = id(ctx);
            Article current = articles.findById(id).orElseThrow(() -> unknown(id));
            Editing.Saved saved = editing.update(id, form(body(ctx), current), by);
            return saved(saved);
        });
    }

    /** {@code POST /api/v1/articles/{id}/publish} with {@code {"version": n}}: publishes the article as saved. */
    public void publish(Context ctx) {
        answer(ctx, 200, () -> {
            Account by = account(ctx);
            long id = id(ctx);
            JsonNode body = body(ctx);
            Article current = articles.findById(id).orElseThrow(() -> unknown(id));
            JsonNode version = body.get("version");
            if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
                throw invalid(Map.of("version", "اكتب رقم النسخة التي قرأتها (version)"));
            }
            ArticleForm f = ArticleForm.of(current, articles.listBylines(id), articles.listTags(id), zone).withAction("publish", version.intValue());
            return saved(editing.update(id, f, by));
        });
    }

    private Map<String, Object> saved(Editing.Saved s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("version", s.version());
        out.put("status", s.status());
        out.put("url", baseUrl + Article.path(s.id()));
        return out;
    }

    private Account account(Context ctx) {
        String address = ctx.ip();
        AtomicInteger failed = failures.getIfPresent(address);
        if (failed != null && failed.get() >= FAILURES_ALLOWED) {
            ctx.header("Retry-After", Long.toString(FAILURE_WINDOW.toSeconds()));
            throw new Refusal(429, "rate_limited", "too many failed token checks from this address", "محاولات كثيرة بمفتاح غير صالح من هذا العنوان؛ أعد المحاولة لاحقاً");
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        var account = tokens.authenticate(token);
        if (account.isEmpty()) {
            failures.get(address, k -> new AtomicInteger()).incrementAndGet();
            ctx.header("WWW-Authenticate", "Bearer realm=\"nashir\"");
            throw new Refusal(401, "unauthorized", token == null ? "an API token is required (Authorization: Bearer …)" : "the API token is not valid or was revoked",
                token == null ? "هذه العملية تحتاج إلى مفتاح واجهة برمجية (Authorization: Bearer …) يُنشأ من لوحة التحرير" : "مفتاح الواجهة البرمجية غير صالح أو أُلغي");
        }
        return account.get();
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode node = json.readTree(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) throw new Refusal(400, "bad_json", "the body must be a JSON object", "نص الطلب يجب أن يكون كائن JSON");
            return node;
        } catch (IOException e) {
            throw new Refusal(400, "bad_json", "the body is not valid JSON", "نص الطلب ليس JSON سليماً");
        }
    }

    /**
     * The editor's form from a JSON article. {@code current} is the article being replaced (null for a new one):
     * its status is kept when the request names none. Unknown or wrongly typed fields are 422, never ignored.
     */
    private ArticleForm form(JsonNode in, Article current) {
        Map<String, Object> errors = new LinkedHashMap<>();
        for (var it = in.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) errors.put(f, "حقل غير معروف");
        }
        String title = text(in, "title", errors), kicker = text(in, "kicker", errors), summary = text(in, "summary", errors);
        String body = text(in, "body_html", errors), label = text(in, "label", errors), sectionSlug = text(in, "section", errors);
        String bylines = list(in, "bylines", errors), tags = list(in, "tags", errors);
        String sourceName = "", sourceUrl = "";
        JsonNode source = in.get("source");
        if (source != null && !source.isNull()) {
            if (!source.isObject()) errors.put("source", "يُنتظر كائن فيه name و url");
            else {
                sourceName = text(source, "name", errors);
                sourceUrl = text(source, "url", errors);
            }
        }
        String media = "";
        JsonNode m = in.get("featured_media_id");
        if (m != null && !m.isNull()) {
            if (m.isIntegralNumber() && m.canConvertToLong()) media = Long.toString(m.longValue());
            else errors.put("featured_media_id", "يُنتظر رقم صورة من مكتبة الوسائط");
        }
        String status = text(in, "status", errors);
        String action = switch (status) {
            case "" -> current == null ? "save" : switch (current.status()) {
                case Article.PUBLISHED -> "publish";
                case Article.SCHEDULED -> "schedule";
                case Article.REVIEW -> "submit";
                case Article.ARCHIVED -> "archive";
                default -> "save";
            };
            case Article.DRAFT -> current == null || current.status().equals(Article.DRAFT) ? "save" : "unpublish";
            case Article.REVIEW -> "submit";
            case Article.PUBLISHED -> "publish";
            case Article.SCHEDULED -> "schedule";
            case Article.ARCHIVED -> "archive";
            default -> {
                errors.put("status", "الحالة واحدة من: draft, review, published, scheduled, archived");
                yield "save";
            }
        };
        String publishAt = "";
        String rawAt = text(in, "publish_at", errors);
        if (!rawAt.isEmpty()) {
            try {
                publishAt = OffsetDateTime.parse(rawAt).atZoneSameInstant(zone).toLocalDateTime().toString();
            } catch (DateTimeException e) {
                errors.put("publish_at", "يُنتظر وقت بصيغة ISO-8601 مع المنطقة الزمنية، مثل 2026-12-02T09:30:00+02:00");
            }
        } else if (action.equals("schedule") && current != null && current.publishedAt() != null) {
            publishAt = current.publishedAt().atZone(zone).toLocalDateTime().toString();
        }
        String section = "";
        if (sectionSlug.isEmpty() && current != null) section = Long.toString(current.sectionId());
        else if (sectionSlug.isEmpty()) errors.put("section", messages.get("editor.error.section"));
        else section = sections.findBySlug(sectionSlug).map(Section::id).map(String::valueOf).orElse("");
        if (!sectionSlug.isEmpty() && section.isEmpty()) errors.put("section", "لا قسم بهذا الاسم المختصر: " + sectionSlug);
        String version = "0";
        if (current != null) {
            JsonNode v = in.get("version");
            if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) errors.put("version", "اكتب رقم النسخة التي قرأتها (version)");
            else version = Integer.toString(v.intValue());
        }
        ArticleForm f = new ArticleForm(title, kicker, summary, body, bylines, sourceName, sourceUrl, section.isEmpty() ? "0" : section, tags, label,
            media, publishAt, version, action);
        for (var e : f.check(zone, clock.instant()).entrySet()) {
            errors.putIfAbsent(e.getKey().equals("section_id") ? "section" : e.getKey().equals("body") ? "body_html" : e.getKey(),
                messages.get(e.getValue().key(), e.getValue().args()));
        }
        if (!errors.isEmpty()) throw invalid(errors);
        return f;
    }

    static final List<String> FIELDS = List.of("title", "kicker", "summary", "body_html", "bylines", "source", "section", "tags", "label",
        "featured_media_id", "status", "publish_at", "version");

    private static String text(JsonNode in, String field, Map<String, Object> errors) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull()) return "";
        if (!v.isTextual()) {
            errors.put(field, "يُنتظر نص");
            return "";
        }
        return v.textValue().replace("\r\n", "\n");
    }

    private static String list(JsonNode in, String field, Map<String, Object> errors) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull()) return "";
        List<String> out = new ArrayList<>();
        if (v.isArray()) for (JsonNode x : v) if (x.isTextual()) out.add(x.textValue().strip()); else errors.put(field, "يُنتظر مصفوفة نصوص");
        else errors.put(field, "يُنتظر مصفوفة نصوص");
        // The editor splits names on commas; a name holding one would become two.
        for (String name : out) if (name.matches(".*[،,؛;\\n].*")) errors.put(field, "الاسم لا يحوي فاصلة: " + name);
        return String.join("\n", out);
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!raw.matches("[0-9]{1,18}")) throw new Refusal(404, "unknown_article", "no article " + raw, "المقال غير موجود");
        return Long.parseLong(raw);
    }

    private static Refusal unknown(long id) {
        return new Refusal(404, "unknown_article", "no article " + id, "المقال غير موجود");
    }

    private static Refusal invalid(Map<String, Object> fields) {
        return new Refusal(422, "invalid_article", "some fields are missing or invalid: " + String.join(", ", fields.keySet()),
            "بعض الحقول ناقصة أو غير صالحة", Map.of("fields", fields));
    }

    private void answer(Context ctx, int status, java.util.function.Supplier<Object> action) {
        ctx.header("Cache-Control", "no-store");
        try {
            Object out = action.get();
            ctx.status(status).json(out);
        } catch (Refusal r) {
            refuse(ctx, r.status, r.code, r.getMessage(), r.arabic, r.details);
        } catch (Editing.StaleEdit e) {
            int now = articles.findById(id(ctx)).map(Article::version).orElse(0);
            refuse(ctx, 409, "stale_version", "the article was saved since that version; read it again", "حُفظت نسخة أحدث من المقال منذ قرأته؛ اقرأه من جديد ثم عدّل",
                Map.of("current_version", now));
        } catch (Forbidden e) {
            refuse(ctx, 403, "forbidden", "this account's role may not do that: " + e.getMessage(), messages.get(e.messageKey()), Map.of());
        } catch (NotFound e) {
            int code = e.messageKey().contains("section") ? 422 : e.messageKey().contains("media") ? 422 : 404;
            refuse(ctx, code, code == 404 ? "unknown_article" : "invalid_article", e.getMessage(), messages.get(e.messageKey()), Map.of());
        }
    }

    private static void refuse(Context ctx, int status, String code, String english, String arabic, Map<String, Object> details) {
        ctx.attribute(WebServer.ANSWERED, true);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", arabic);
        error.put("message_en", english);
        error.putAll(details);
        ctx.status(status).json(Map.of("error", error));
    }
}
