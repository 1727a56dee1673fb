package org.nashir.article;

import java.time.Instant;

/** What a listing shows of an article: enough for a headline link, its section and date. */
public record Teaser(long id, String slug, String title, String kicker, String summary, String label,
                     String sectionSlug, String sectionName, Instant publishedAt, long viewCount, long commentCount, String kind) {

    /** A page being rendered depends on every article it lists (see {@link org.nashir.web.Shows}). */
    public Teaser {
        org.nashir.web.Shows.record(org.nashir.web.Shows.article(id));
    }

    /** News, opinion, analysis, interview or report. */
    public ArticleKind articleKind() {
        return ArticleKind.of(kind);
    }

    /** The link readers follow: the canonical path plus a readable slug, which the article page accepts. */
    public String href() {
        return Article.path(id) + (slug.isEmpty() ? "" : "/" + java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8));
    }
}
