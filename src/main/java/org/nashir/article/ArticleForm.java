package org.nashir.article;

import io.javalin.http.Context;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The article editor's fields as submitted, and their checks. Errors are values (field → message key and
 * argument), so the editor is shown again with the writer's text intact and status 422. Nothing is truncated:
 * a field over its limit is an error, not a shorter value.
 */
public record ArticleForm(String title, String kicker, String summary, String body, String bylines, String sourceName,
                          String sourceUrl, String sectionId, String tags, String label, String featuredMediaId,
                          String publishAt, String version, String action) {

    static final int TITLE_MAX = 300, SHORT_MAX = 300, SUMMARY_MAX = 1_000, BODY_MAX = 500_000, LIST_MAX = 1_000, URL_MAX = 2_000;
    public static final List<String> ACTIONS = List.of("save", "submit", "publish", "schedule", "unpublish", "archive");

    /** A message key and its arguments, shown beside a field. */
    public record Problem(String key, Object... args) {}

    public static ArticleForm from(Context ctx) {
        return new ArticleForm(p(ctx, "title"), p(ctx, "kicker"), p(ctx, "summary"), p(ctx, "body"), p(ctx, "bylines"),
            p(ctx, "source_name"), p(ctx, "source_url"), p(ctx, "section_id"), p(ctx, "tags"), p(ctx, "label"),
            p(ctx, "featured_media_id"), p(ctx, "publish_at"), p(ctx, "version"), p(ctx, "action"));
    }

    private static String p(Context ctx, String name) {
        String v = ctx.formParam(name);
        // Browsers send CRLF in textareas; the stored text uses LF. Nothing else is changed.
        return v == null ? "" : v.replace("\r\n", "\n");
    }

    /** The same fields with another action, checked against {@code version}: a status change of the saved article. */
    public ArticleForm withAction(String newAction, int expectedVersion) {
        return new ArticleForm(title, kicker, summary, body, bylines, sourceName, sourceUrl, sectionId, tags, label, featuredMediaId,
            publishAt, Integer.toString(expectedVersion), newAction);
    }

    static ArticleForm empty(long defaultSection) {
        return new ArticleForm("", "", "", "", "", "", "", Long.toString(defaultSection), "", "", "", "", "0", "save");
    }

    /** The form showing an article as it is saved. */
    public static ArticleForm of(Article a, List<Byline> bylines, List<Tag> tags, ZoneId zone) {
        return new ArticleForm(a.title(), n(a.kicker()), n(a.summary()), a.body(),
            String.join("، ", bylines.stream().map(Byline::name).toList()), n(a.sourceName()), n(a.sourceUrl()),
            Long.toString(a.sectionId()), String.join("، ", tags.stream().map(Tag::name).toList()), n(a.label()),
            a.featuredMediaId() == null ? "" : a.featuredMediaId().toString(),
            a.publishedAt() == null ? "" : LocalDateTime.ofInstant(a.publishedAt(), zone).withSecond(0).withNano(0).toString(),
            Integer.toString(a.version()), "save");
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    public Map<String, Problem> check(ZoneId zone, Instant now) {
        Map<String, Problem> errors = new LinkedHashMap<>();
        if (title.isBlank()) errors.put("title", new Problem("editor.error.title"));
        tooLong(errors, "title", title, TITLE_MAX);
        tooLong(errors, "kicker", kicker, SHORT_MAX);
        tooLong(errors, "summary", summary, SUMMARY_MAX);
        tooLong(errors, "label", label, SHORT_MAX);
        tooLong(errors, "source_name", sourceName, SHORT_MAX);
        tooLong(errors, "bylines", bylines, LIST_MAX);
        tooLong(errors, "tags", tags, LIST_MAX);
        tooLong(errors, "source_url", sourceUrl, URL_MAX);
        if (org.jsoup.Jsoup.parse(BodyHtml.sanitize(body)).text().isBlank()) errors.put("body", new Problem("editor.error.body"));
        tooLong(errors, "body", body, BODY_MAX);
        if (!sectionId.matches("[0-9]{1,18}")) errors.put("section_id", new Problem("editor.error.section"));
        if (!sourceUrl.isBlank() && !sourceUrl.strip().matches("(?i)https?://\\S+")) errors.put("source_url", new Problem("editor.error.url"));
        if (!featuredMediaId.isBlank() && !featuredMediaId.matches("[0-9]{1,18}")) errors.put("featured_media_id", new Problem("editor.error.media"));
        if (action.equals("schedule")) {
            Optional<Instant> at = publishAt(zone);
            if (at.isEmpty()) errors.put("publish_at", new Problem("editor.error.publish-at"));
            else if (!at.get().isAfter(now)) errors.put("publish_at", new Problem("editor.error.publish-at-past"));
        } else if (!publishAt.isBlank() && publishAt(zone).isEmpty()) {
            errors.put("publish_at", new Problem("editor.error.publish-at"));
        }
        return errors;
    }

    private static void tooLong(Map<String, Problem> errors, String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) errors.putIfAbsent(field, new Problem("editor.error.too-long", max));
    }

    /** The publication time typed in the site's time zone ({@code 2026-11-29T14:30} or {@code 2026-11-29 14:30}). */
    public Optional<Instant> publishAt(ZoneId zone) {
        String s = org.nashir.arabic.ArabicText.latinDigits(publishAt.strip()).replace(' ', 'T');
        if (s.isEmpty()) return Optional.empty();
        try {
            return Optional.of(LocalDateTime.parse(s).atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Names typed with Arabic or Latin commas, without blanks or repeats. */
    static List<String> names(String list) {
        return Arrays.stream(list.split("[،,؛;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    int expectedVersion() {
        return version.matches("[0-9]{1,9}") ? Integer.parseInt(version) : -1;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
