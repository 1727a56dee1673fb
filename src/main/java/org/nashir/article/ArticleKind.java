package org.nashir.article;

import java.util.Locale;

/**
 * What kind of piece an article is. Readers see the kind's Arabic name beside opinion, analysis, interviews and
 * reports (news goes unlabelled), and search engines get the matching schema.org type.
 */
public enum ArticleKind {
    NEWS("خبر", "NewsArticle"),
    OPINION("رأي", "OpinionNewsArticle"),
    ANALYSIS("تحليل", "AnalysisNewsArticle"),
    /** schema.org has no interview article type; an interview is news reporting. */
    INTERVIEW("حوار", "NewsArticle"),
    REPORT("تقرير", "ReportageNewsArticle");

    private final String arabic;
    private final String schemaType;

    ArticleKind(String arabic, String schemaType) {
        this.arabic = arabic;
        this.schemaType = schemaType;
    }

    public String arabic() {
        return arabic;
    }

    public String schemaType() {
        return schemaType;
    }

    /** The stored and API value: {@code news}, {@code opinion}, … */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether listings and the page show the kind (everything but plain news). */
    public boolean labelled() {
        return this != NEWS;
    }

    /** The kind stored as {@code code}; an unknown or missing code reads as news. */
    public static ArticleKind of(String code) {
        for (ArticleKind k : values()) if (k.code().equals(code)) return k;
        return NEWS;
    }

    /** The kind named by {@code code}, or null when it names none (for input checks). */
    public static ArticleKind parse(String code) {
        for (ArticleKind k : values()) if (k.code().equals(code)) return k;
        return null;
    }
}
