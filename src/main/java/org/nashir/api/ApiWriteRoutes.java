package org.nashir.api;

import org.nashir.web.Input;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.nashir.account.Account;
import org.nashir.account.ApiDoor;
import org.nashir.account.Role;
import org.nashir.article.Article;
import org.nashir.article.ArticleCommand;
import org.nashir.article.ArticleKind;
import org.nashir.article.ArticleStore;
import org.nashir.article.Byline;
import org.nashir.article.Editing;
import org.nashir.article.Section;
import org.nashir.article.SectionStore;
import org.nashir.article.Tag;
import org.nashir.web.ApiError;
import org.nashir.web.Forbidden;
import org.nashir.web.Messages;
import org.nashir.web.NotFound;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The write API: create, update and publish articles. The route table puts these behind {@link ApiDoor}, so a
 * handler runs only with a valid token and acts as its account, through the same {@link Editing} the back
 * office uses: the same rules hold (writers save and submit their own drafts, editors publish; stale versions
 * are refused; bodies are sanitized). JSON is read straight into an {@link ArticleCommand}.
 */
public final class ApiWriteRoutes {
    static final List<String> FIELDS = List.of("title", "kicker", "summary", "body_html", "bylines", "source", "section", "tags", "label",
        "type", "featured_media_id", "status", "publish_at", "version");

    private final Editing editing;
    private final ArticleStore articles;
    private final SectionStore sections;
    private final Messages messages;
    private final String baseUrl;
    private final Clock clock;
    private final ApiRoutes reads;

    public ApiWriteRoutes(Editing editing, ArticleStore articles, SectionStore sections, ApiRoutes reads, Messages messages, String baseUrl, Clock clock) {
        this.reads = reads;
        this.editing = editing;
        this.articles = articles;
        this.sections = sections;
        this.messages = messages;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /**
     * {@code GET /api/v1/articles/{id}} with a token: any article the account may edit (a writer's own drafts, every
     * article for editors), with its status and version, never cached; without a token, the public read answers.
     */
    public void read(Context ctx) {
        Account by = ApiDoor.account(ctx).orElse(null);
        if (by == null) {
            reads.article(ctx);
            return;
        }
        answer(ctx, 200, () -> {
            long id = id(ctx);
            Article a = articles.findById(id).orElseThrow(() -> unknown(id));
            boolean visible = Article.PUBLISHED.equals(a.status()) && a.publishedAt() != null && !a.publishedAt().isAfter(clock.instant());
            boolean editable = Editing.mayOpen(a, by);
            // Someone else's unpublished article does not exist for this token: not even its number is confirmed.
            if (!visible && !editable) throw unknown(id);
            return reads.describe(a);
        });
    }

    /** {@code POST /api/v1/articles}: 201 with the new article's id, version, status and address. */
    public void create(Context ctx) {
        answer(ctx, 201, () -> saved(editing.create(command(JsonBody.object(ctx), null), ApiDoor.requiredAccount(ctx))));
    }

    /** {@code PUT /api/v1/articles/{id}}: the whole article again, with the {@code version} it was read at. */
    public void update(Context ctx) {
        answer(ctx, 200, () -> {
            long id = id(ctx);
            Article current = articles.findById(id).filter(a -> Editing.mayOpen(a, ApiDoor.requiredAccount(ctx))).orElseThrow(() -> unknown(id));
            return saved(editing.update(id, command(JsonBody.object(ctx), current), ApiDoor.requiredAccount(ctx)));
        });
    }

    /** {@code POST /api/v1/articles/{id}/publish} with {@code {"version": n}}: publishes the article as saved. */
    public void publish(Context ctx) {
        answer(ctx, 200, () -> {
            long id = id(ctx);
            JsonNode body = JsonBody.object(ctx);
            Article current = articles.findById(id).filter(a -> Editing.mayOpen(a, ApiDoor.requiredAccount(ctx))).orElseThrow(() -> unknown(id));
            JsonNode version = body.get("version");
            if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
                throw invalid(Map.of("version", "اكتب رقم النسخة التي قرأتها (version)"));
            }
            ArticleCommand c = ArticleCommand.of(current, articles.listBylines(id).stream().map(Byline::name).toList(),
                articles.listTags(id).stream().map(Tag::name).toList(), ArticleCommand.Action.PUBLISH, version.intValue());
            return saved(editing.update(id, c, ApiDoor.requiredAccount(ctx)));
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

    /**
     * The command a JSON article asks for. {@code current} is the article being replaced (null for a new one):
     * without a {@code status} its status stays, without a {@code section} its section stays. Unknown or wrongly
     * typed fields are 422, never ignored.
     */
    private ArticleCommand command(JsonNode in, Article current) {
        Map<String, Object> errors = new LinkedHashMap<>();
        for (var it = in.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) errors.put(f, "حقل غير معروف");
        }
        String title = text(in, "title", errors), kicker = text(in, "kicker", errors), summary = text(in, "summary", errors);
        String body = text(in, "body_html", errors), label = text(in, "label", errors), sectionSlug = text(in, "section", errors);
        List<String> bylines = list(in, "bylines", errors), tags = list(in, "tags", errors);
        String sourceName = "", sourceUrl = "";
        JsonNode source = in.get("source");
        if (source != null && !source.isNull()) {
            if (!source.isObject()) errors.put("source", "يُنتظر كائن فيه name و url");
            else {
                sourceName = text(source, "name", errors);
                sourceUrl = text(source, "url", errors);
            }
        }
        Long media = null;
        JsonNode m = in.get("featured_media_id");
        if (m != null && !m.isNull()) {
            if (m.isIntegralNumber() && m.canConvertToLong()) media = m.longValue();
            else errors.put("featured_media_id", "يُنتظر رقم صورة من مكتبة الوسائط");
        }
        ArticleCommand.Action action = action(text(in, "status", errors), current, errors);
        String rawKind = text(in, "type", errors);
        ArticleKind kind = rawKind.isEmpty() ? (current == null ? ArticleKind.NEWS : current.articleKind()) : ArticleKind.parse(rawKind);
        if (kind == null) errors.put("type", "النوع واحد من: news, opinion, analysis, interview, report");
        Instant publishAt = null;
        String rawAt = text(in, "publish_at", errors);
        if (!rawAt.isEmpty()) {
            try {
                publishAt = Input.instant(rawAt);
            } catch (Input.Invalid e) {
                errors.put("publish_at", "يُنتظر وقت بصيغة ISO-8601 مع المنطقة الزمنية، مثل 2026-12-02T09:30:00+02:00، بين عامي "
                    + Input.EARLIEST.getYear() + " و" + Input.LATEST.getYear());
            }
        } else if (current != null && current.publishedAt() != null && current.status().equals(Article.SCHEDULED)) {
            publishAt = current.publishedAt();
        }
        long section = 0;
        if (!sectionSlug.isEmpty()) {
            var found = sections.findBySlug(sectionSlug).map(Section::id);
            if (found.isPresent()) section = found.get();
            else errors.put("section", "لا قسم بهذا الاسم المختصر: " + sectionSlug);
        } else if (current != null) {
            section = current.sectionId();
        } else {
            errors.put("section", messages.get("editor.error.section"));
        }
        int version = 0;
        if (current != null) {
            JsonNode v = in.get("version");
            if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) errors.put("version", "اكتب رقم النسخة التي قرأتها (version)");
            else version = v.intValue();
        }
        ArticleCommand c = new ArticleCommand(title, kicker, summary, body, bylines, sourceName, sourceUrl, section, tags, label, kind,
            media, publishAt, action, version);
        for (var e : c.check(clock.instant()).entrySet()) {
            errors.putIfAbsent(e.getKey().equals("body") ? "body_html" : e.getKey(), messages.get(e.getValue().key(), e.getValue().args()));
        }
        if (!errors.isEmpty()) throw invalid(errors);
        return c;
    }

    /** The action that brings the article to {@code status}; none given keeps the status it has. */
    private static ArticleCommand.Action action(String status, Article current, Map<String, Object> errors) {
        return switch (status) {
            case "" -> ArticleCommand.Action.SAVE;
            case Article.DRAFT -> current == null || current.status().equals(Article.DRAFT) ? ArticleCommand.Action.SAVE : ArticleCommand.Action.UNPUBLISH;
            case Article.REVIEW -> ArticleCommand.Action.SUBMIT;
            case Article.PUBLISHED -> ArticleCommand.Action.PUBLISH;
            case Article.SCHEDULED -> ArticleCommand.Action.SCHEDULE;
            case Article.ARCHIVED -> ArticleCommand.Action.ARCHIVE;
            default -> {
                errors.put("status", "الحالة واحدة من: draft, review, published, scheduled, archived");
                yield ArticleCommand.Action.SAVE;
            }
        };
    }

    private static String text(JsonNode in, String field, Map<String, Object> errors) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull()) return "";
        if (!v.isTextual()) {
            errors.put(field, "يُنتظر نص");
            return "";
        }
        return v.textValue().replace("\r\n", "\n");
    }

    /** A list of names; a name may hold a comma, since nothing splits it again. */
    private static List<String> list(JsonNode in, String field, Map<String, Object> errors) {
        JsonNode v = in.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (v.isArray()) for (JsonNode x : v) if (x.isTextual()) out.add(x.textValue().strip()); else errors.put(field, "يُنتظر مصفوفة نصوص");
        else errors.put(field, "يُنتظر مصفوفة نصوص");
        for (String name : out) if (name.contains("\n")) errors.put(field, "الاسم سطر واحد: " + name);
        return out;
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new ApiError(404, "unknown_article", "no article " + raw, "المقال غير موجود");
        return Input.id(raw);
    }

    private static ApiError unknown(long id) {
        return new ApiError(404, "unknown_article", "no article " + id, "المقال غير موجود");
    }

    private static ApiError invalid(Map<String, Object> fields) {
        return new ApiError(422, "invalid_article", "some fields are missing or invalid: " + String.join(", ", fields.keySet()),
            "بعض الحقول ناقصة أو غير صالحة", Map.of("fields", fields));
    }

    /**
     * Runs a write and answers its result as JSON; what {@link Editing} refuses in the back office's terms
     * (a stale version, a role that may not, a missing section or picture) becomes the API's error.
     */
    private void answer(Context ctx, int status, Supplier<Object> action) {
        ctx.header("Cache-Control", "no-store");
        try {
            ctx.status(status).json(action.get());
        } catch (Editing.StaleEdit e) {
            throw new ApiError(409, "stale_version", "the article was saved since that version; read it again",
                "حُفظت نسخة أحدث من المقال منذ قرأته؛ اقرأه من جديد ثم عدّل",
                Map.of("current_version", articles.findById(id(ctx)).map(Article::version).orElse(e.currentVersion())));
        } catch (Forbidden e) {
            throw new ApiError(403, "forbidden", "this account's role may not do that: " + e.getMessage(), messages.get(e.messageKey()));
        } catch (NotFound e) {
            boolean field = e.messageKey().contains("section") || e.messageKey().contains("media");
            throw new ApiError(field ? 422 : 404, field ? "invalid_article" : "unknown_article", e.getMessage(), messages.get(e.messageKey()));
        }
    }
}
