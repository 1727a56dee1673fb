package org.nashir.article;

import org.nashir.arabic.CleanText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One save of an article, typed: what the back-office form ({@link ArticleForm#toCommand}) and the JSON API both
 * parse into, and what {@link Editing} takes. Bylines and tags are lists of names (a name may hold a comma),
 * the section is an id, the kind an {@link ArticleKind}, the publication time an instant, and {@code expectedVersion} is the version the
 * writer started from (0 for a new article).
 */
public record ArticleCommand(String title, String kicker, String summary, String bodyHtml, List<String> bylines,
                             String sourceName, String sourceUrl, long sectionId, List<String> tags, String label, ArticleKind kind,
                             Long featuredMediaId, Instant publishAt, Action action, int expectedVersion) {

    static final int TITLE_MAX = 300, SHORT_MAX = 300, SUMMARY_MAX = 1_000, BODY_MAX = 500_000, LIST_MAX = 1_000, URL_MAX = 2_000;

    /** What the save does to the article's status; {@code SAVE} keeps it. */
    public enum Action {
        SAVE(null), SUBMIT(Article.REVIEW), PUBLISH(Article.PUBLISHED), SCHEDULE(Article.SCHEDULED), UNPUBLISH(Article.DRAFT), ARCHIVE(Article.ARCHIVED);

        private final String status;

        Action(String status) {
            this.status = status;
        }

        /** The status after this action on an article now in {@code current}. */
        public String statusAfter(String current) {
            return status == null ? current : status;
        }

        /** The form's and the audit log's word for it: {@code save}, {@code publish}, … */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The action named by a form button, or null when the name is not one. */
        public static Action of(String word) {
            for (Action a : values()) if (a.word().equals(word)) return a;
            return null;
        }
    }

    /** A message key and its arguments, shown beside a field. */
    public record Problem(String key, Object... args) {}

    public ArticleCommand {
        // Cleaned before any check (CleanText): a title of invisible characters is then empty and refused as such.
        title = CleanText.line(title);
        kicker = CleanText.line(kicker);
        summary = CleanText.lines(summary);
        bodyHtml = CleanText.markup(bodyHtml);
        sourceName = CleanText.line(sourceName);
        sourceUrl = CleanText.line(sourceUrl);
        label = CleanText.line(label);
        bylines = distinct(bylines == null ? null : bylines.stream().map(CleanText::line).toList());
        tags = distinct(tags == null ? null : tags.stream().map(CleanText::line).toList());
        if (kind == null) kind = ArticleKind.NEWS;
    }

    /**
     * What is wrong with the content whoever sent it (fields named as the form names them): blank title or body,
     * values over their limits (never truncated), a source link that is not http(s), a schedule not in the future.
     */
    public Map<String, Problem> check(Instant now) {
        Map<String, Problem> errors = new LinkedHashMap<>();
        if (title.isBlank()) errors.put("title", new Problem("editor.error.title"));
        tooLong(errors, "title", title, TITLE_MAX);
        tooLong(errors, "kicker", kicker, SHORT_MAX);
        tooLong(errors, "summary", summary, SUMMARY_MAX);
        tooLong(errors, "label", label, SHORT_MAX);
        tooLong(errors, "source_name", sourceName, SHORT_MAX);
        tooLong(errors, "bylines", String.join("، ", bylines), LIST_MAX);
        tooLong(errors, "tags", String.join("، ", tags), LIST_MAX);
        tooLong(errors, "source_url", sourceUrl, URL_MAX);
        if (org.jsoup.Jsoup.parse(BodyHtml.sanitize(bodyHtml)).text().isBlank()) errors.put("body", new Problem("editor.error.body"));
        tooLong(errors, "body", bodyHtml, BODY_MAX);
        if (!sourceUrl.isBlank() && !sourceUrl.strip().matches("(?i)https?://\\S+")) errors.put("source_url", new Problem("editor.error.url"));
        if (action == Action.SCHEDULE) {
            if (publishAt == null) errors.put("publish_at", new Problem("editor.error.publish-at"));
            else if (!publishAt.isAfter(now)) errors.put("publish_at", new Problem("editor.error.publish-at-past"));
        }
        return errors;
    }

    /** The same content with another action, checked against {@code version}: a status change of the saved article. */
    public ArticleCommand withAction(Action newAction, int version) {
        return new ArticleCommand(title, kicker, summary, bodyHtml, bylines, sourceName, sourceUrl, sectionId, tags, label, kind,
            featuredMediaId, publishAt, newAction, version);
    }

    /** The article as saved, ready to save again (a publish of the saved text, a restore). */
    public static ArticleCommand of(Article a, List<String> bylines, List<String> tags, Action action, int version) {
        return new ArticleCommand(a.title(), n(a.kicker()), n(a.summary()), a.body(), bylines, n(a.sourceName()), n(a.sourceUrl()),
            a.sectionId(), tags, n(a.label()), a.articleKind(), a.featuredMediaId(), a.publishedAt(), action, version);
    }

    private static void tooLong(Map<String, Problem> errors, String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) errors.putIfAbsent(field, new Problem("editor.error.too-long", max));
    }

    private static List<String> distinct(List<String> names) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (names != null) for (String name : names) if (name != null && !name.isBlank()) out.add(name.strip());
        return List.copyOf(new ArrayList<>(out));
    }

    static String n(String s) {
        return s == null ? "" : s;
    }
}
