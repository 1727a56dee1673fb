package org.nashir.article;

import java.util.List;

/** A name an article is credited to: a person, or a desk such as «فريق ماسة» or «وكالات». */
public record Byline(long id, String slug, String name, boolean desk, String bio, Long photoMediaId) {

    private static final List<String> DESK_WORDS = List.of("فريق", "قسم", "هيئة", "تحرير", "مكتب", "وكالات", "وكالة", "مراسلو", "مراسل", "المحرر", "desk", "staff");

    /** Whether a byline names a desk rather than a person; used when a new byline arrives by import. */
    public static boolean looksLikeDesk(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return DESK_WORDS.stream().anyMatch(lower::contains);
    }

    public String path() {
        return "/author/" + java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8);
    }
}
