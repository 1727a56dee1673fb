package org.nashir.web;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The site's scripts, styles and icon ({@code /static/…}) and the editor's ProseMirror modules from their WebJars
 * ({@code /webjars/…}), read from the jar on first request and kept compressed like pages ({@link PageCache.Page}),
 * with year-long immutable caching (file names change with their content's version). Served here rather than by
 * the framework's classpath handler, which mounts the whole jar as a zip file system and keeps an index node per
 * entry on the heap: some 20 MB for our 19,000 entries, a sixth of a small server's heap.
 */
public final class StaticFiles {
    /** Plain names only: no {@code ..}, no hidden files, nothing a path could escape the folder with. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final Map<String, String> TYPES = Map.of(
        "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "mjs", "text/javascript; charset=utf-8",
        "svg", "image/svg+xml", "json", "application/json", "map", "application/json", "txt", "text/plain; charset=utf-8",
        "woff2", "font/woff2", "png", "image/png", "ico", "image/x-icon");

    /** Only files that exist are kept, so the map is bounded by what the jar holds, whatever addresses are asked. */
    private final ConcurrentHashMap<String, PageCache.Page> kept = new ConcurrentHashMap<>();

    /** {@code GET /static/<path>}: the site's own files. */
    public void site(Context ctx) {
        serve(ctx, "/static/", ctx.pathParam("path"));
    }

    /** {@code GET /webjars/<path>}: the editor's modules. */
    public void webJar(Context ctx) {
        serve(ctx, "/META-INF/resources/webjars/", ctx.pathParam("path"));
    }

    private void serve(Context ctx, String folder, String path) {
        String type = type(path);
        if (!SAFE.matcher(path).matches() || type == null) throw new NotFound("no such file " + path, "error.page-not-found");
        PageCache.Page file = find(folder + path).orElseThrow(() -> new NotFound("no such file " + path, "error.page-not-found"));
        PageCache.send(ctx, file, type, "public, max-age=31536000, immutable");
    }

    private Optional<PageCache.Page> find(String resource) {
        PageCache.Page known = kept.get(resource);
        if (known != null) return Optional.of(known);
        try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
            if (in == null) return Optional.empty();
            PageCache.Page file = PageCache.Page.of(null, in.readAllBytes(), java.util.Set.of());
            kept.putIfAbsent(resource, file);
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource + " from the jar", e);
        }
    }

    private static String type(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot + 1));
    }
}
