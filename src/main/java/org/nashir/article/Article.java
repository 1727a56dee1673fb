package org.nashir.article;

import java.time.Instant;

/** One article as stored. {@code body} is sanitized HTML; {@code version} guards against lost updates. */
public record Article(
    long id, String slug, String title, String kicker, String summary, String body,
    String sourceName, String sourceUrl, String label, long sectionId, String status,
    Instant publishedAt, Instant updatedAt, Instant createdAt, long viewCount, int version,
    String legacyUrl, String importKey, Long createdBy, Long featuredMediaId, String kind, Instant liveStartedAt, Instant liveEndedAt) {

    /** A page being rendered depends on every article it reads (see {@link org.nashir.web.Shows}). */
    public Article {
        org.nashir.web.Shows.record(org.nashir.web.Shows.article(id));
    }

    public static final String DRAFT = "draft";
    /** Submitted by a writer, waiting for an editor. */
    public static final String REVIEW = "review";
    /** Approved, to be published by the scheduler at {@code publishedAt}. */
    public static final String SCHEDULED = "scheduled";
    public static final String PUBLISHED = "published";
    public static final String ARCHIVED = "archived";

    /** News, opinion, analysis, interview or report. */
    public ArticleKind articleKind() {
        return ArticleKind.of(kind);
    }

    /** Whether the article carries live coverage (going on, or ended with its entries kept). */
    public boolean isLive() {
        return liveStartedAt != null;
    }

    /** Whether live coverage is going on now and takes new entries. */
    public boolean isLiveNow() {
        return liveStartedAt != null && liveEndedAt == null;
    }

    /** The canonical address: the id alone, so a retitled article keeps its links. */
    public String path() {
        return path(id);
    }

    public static String path(long id) {
        return "/article/" + id;
    }
}
