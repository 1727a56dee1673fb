package org.nashir.article;

import java.time.Instant;

/** An article as it was saved at one version. Bylines and tags are kept as the names shown then, one per line. */
public record Revision(long articleId, int version, String title, String kicker, String summary, String body,
                       String sourceName, String sourceUrl, String label, long sectionId, String bylines, String tags,
                       String status, Instant publishedAt, String savedBy, Instant savedAt) {

    /** The words of the revision as a reader would read them, for comparing versions. */
    public String text() {
        StringBuilder out = new StringBuilder(title);
        for (String s : new String[] {kicker, summary}) if (s != null && !s.isBlank()) out.append('\n').append(s);
        org.jsoup.Jsoup.parseBodyFragment(body).select("p, h2, h3, h4, li, blockquote").forEach(e -> out.append('\n').append(e.text()));
        return out.toString();
    }
}
