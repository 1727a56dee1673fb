package org.nashir.article;

import org.nashir.web.Input;
import org.nashir.arabic.ArabicText;
import io.javalin.http.Context;
import org.nashir.web.Forbidden;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The article editor's fields as submitted, as strings, and their checks. Errors are values (field → message key
 * and argument), so the editor is shown again with the writer's text intact and status 422. Nothing is truncated:
 * a field over its limit is an error, not a shorter value. A form without errors becomes an {@link ArticleCommand},
 * the only thing {@link Editing} saves.
 */
public record ArticleForm(String title, String kicker, String summary, String body, String bylines, String sourceName,
                          String sourceUrl, String sectionId, String tags, String label, String featuredMediaId,
                          String publishAt, String version, String action, String kind) {

    public static ArticleForm from(Context ctx) {
        return new ArticleForm(p(ctx, "title"), p(ctx, "kicker"), p(ctx, "summary"), p(ctx, "body"), p(ctx, "bylines"),
            p(ctx, "source_name"), p(ctx, "source_url"), p(ctx, "section_id"), p(ctx, "tags"), p(ctx, "label"),
            p(ctx, "featured_media_id"), p(ctx, "publish_at"), p(ctx, "version"), p(ctx, "action"), p(ctx, "kind"));
    }

    private static String p(Context ctx, String name) {
        String v = ctx.formParam(name);
        // Browsers send CRLF in textareas; the stored text uses LF. Nothing else is changed.
        return v == null ? "" : v.replace("\r\n", "\n");
    }

    static ArticleForm empty(long defaultSection) {
        return new ArticleForm("", "", "", "", "", "", "", Long.toString(defaultSection), "", "", "", "", "0", "save", ArticleKind.NEWS.code());
    }

    /** The form showing an article as it is saved. */
    public static ArticleForm of(Article a, List<Byline> bylines, List<Tag> tags, ZoneId zone) {
        return new ArticleForm(a.title(), n(a.kicker()), n(a.summary()), a.body(),
            String.join("، ", bylines.stream().map(Byline::name).toList()), n(a.sourceName()), n(a.sourceUrl()),
            Long.toString(a.sectionId()), String.join("، ", tags.stream().map(Tag::name).toList()), n(a.label()),
            a.featuredMediaId() == null ? "" : a.featuredMediaId().toString(),
            a.publishedAt() == null ? "" : LocalDateTime.ofInstant(a.publishedAt(), zone).withSecond(0).withNano(0).toString(),
            Integer.toString(a.version()), "save", a.articleKind().code());
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    /** What is wrong with the form: fields that do not parse, then what {@link ArticleCommand#check} finds. */
    public Map<String, ArticleCommand.Problem> check(ZoneId zone, Instant now) {
        Map<String, ArticleCommand.Problem> errors = new LinkedHashMap<>();
        if (!Input.isId(sectionId)) errors.put("section_id", new ArticleCommand.Problem("editor.error.section"));
        if (!featuredMediaId.isBlank() && !Input.isId(featuredMediaId)) errors.put("featured_media_id", new ArticleCommand.Problem("editor.error.media"));
        if (!publishAt.isBlank() && publishAt(zone).isEmpty()) errors.put("publish_at", new ArticleCommand.Problem("editor.error.publish-at"));
        if (!kind.isEmpty() && ArticleKind.parse(kind) == null) errors.put("kind", new ArticleCommand.Problem("editor.error.kind"));
        command(zone).check(now).forEach(errors::putIfAbsent);
        return errors;
    }

    /**
     * The command this form asks for, once {@link #check} found nothing. A button that is not one of the editor's
     * was not sent by the editor: refused like any forbidden request.
     */
    public ArticleCommand toCommand(ZoneId zone) {
        if (ArticleCommand.Action.of(action) == null) throw new Forbidden("unknown action " + action, "error.forbidden");
        return command(zone);
    }

    private ArticleCommand command(ZoneId zone) {
        return new ArticleCommand(title, kicker, summary, body, names(bylines), sourceName, sourceUrl,
            Input.isId(sectionId) ? Input.id(sectionId) : 0, names(tags), label, ArticleKind.of(kind),
            Input.isId(featuredMediaId) ? Long.valueOf(Input.id(featuredMediaId)) : null, publishAt(zone).orElse(null),
            ArticleCommand.Action.of(action), version.matches("[0-9]{1,9}") ? Integer.parseInt(version) : -1);
    }

    /** The publication time typed in the site's time zone ({@code 2026-11-29T14:30} or {@code 2026-11-29 14:30}). */
    public Optional<Instant> publishAt(ZoneId zone) {
        String s = ArabicText.latinDigits(publishAt.strip()).replace(' ', 'T');
        if (s.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Input.localTime(s, zone));
        } catch (Input.Invalid e) {
            return Optional.empty();
        }
    }

    /** Names typed with Arabic or Latin commas, without blanks or repeats. */
    static List<String> names(String list) {
        return Arrays.stream(list.split("[،,؛;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
