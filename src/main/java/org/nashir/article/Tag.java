package org.nashir.article;

/** A topic label readers can follow across sections. */
public record Tag(long id, String slug, String name) {
    public String path() {
        return "/tag/" + java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8);
    }
}
