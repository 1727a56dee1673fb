package org.nashir.article;

/** A part of the newspaper (سياسة، اقتصاد، رياضة…), listed in the navigation by {@code position}. */
public record Section(long id, String slug, String name, int position) {
    public String path() {
        return "/section/" + java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8);
    }
}
