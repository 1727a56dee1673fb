package org.nashir.article;

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
}
