package org.nashir.article;

import org.nashir.arabic.CleanText;

import java.time.Instant;
import java.util.List;

/**
 * An article to create, with names rather than ids for its section, bylines and tags (created as needed).
 * {@code importKey} makes imports idempotent: a second article with the same key is not created.
 */
public record NewArticle(
    String title, String kicker, String summary, String bodyHtml, List<String> bylines,
    String sourceName, String sourceUrl, String sectionName, List<String> tags, String label,
    String status, Instant publishedAt, long viewCount, String legacyUrl, String importKey) {
    /** Imports meet the same rule as the editor's form ({@link CleanText}). */
    public NewArticle {
        title = CleanText.line(title);
        kicker = CleanText.line(kicker);
        summary = CleanText.lines(summary);
        bodyHtml = CleanText.markup(bodyHtml);
        sourceName = CleanText.line(sourceName);
        sourceUrl = CleanText.line(sourceUrl);
        sectionName = CleanText.line(sectionName);
        label = CleanText.line(label);
        bylines = bylines == null ? null : bylines.stream().map(CleanText::line).filter(b -> !b.isEmpty()).toList();
        tags = tags == null ? null : tags.stream().map(CleanText::line).filter(t -> !t.isEmpty()).toList();
    }
}
