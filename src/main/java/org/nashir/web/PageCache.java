package org.nashir.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Rendered public pages, kept for a few seconds and dropped by the change feed when content changes. Only one
 * render of a URL runs at a time (Caffeine computes a key once; other readers of that URL wait for it), so a
 * breaking story shared everywhere at once costs one render, not a thousand. Pages carry an ETag and
 * {@code s-maxage}/{@code stale-while-revalidate} so a CDN in front can hold them too.
 */
public final class PageCache {
    /** A rendered page and its validators. */
    public record Page(byte[] body, String etag, Instant renderedAt) {}

    private final Cache<String, Page> pages;
    private final int seconds;

    public PageCache(int seconds) {
        this.seconds = seconds;
        this.pages = Caffeine.newBuilder().maximumSize(5_000).expireAfterWrite(Duration.ofSeconds(Math.max(seconds, 1))).build();
    }

    /** The page at {@code key}, rendered by {@code render} if not cached; a render that throws caches nothing. */
    public Page get(String key, Supplier<byte[]> render) {
        if (seconds == 0) return page(render.get());
        return pages.get(key, k -> page(render.get()));
    }

    public void invalidateAll() {
        pages.invalidateAll();
    }

    /** Sends the page, or 304 when the browser or CDN already holds this version. */
    public void send(Context ctx, Page page) {
        send(ctx, page, "text/html; charset=utf-8");
    }

    public void send(Context ctx, Page page, String contentType) {
        ctx.header("ETag", page.etag());
        ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(page.renderedAt().atOffset(ZoneOffset.UTC)));
        ctx.header("Cache-Control", "public, max-age=0, s-maxage=" + seconds + ", stale-while-revalidate=60");
        ctx.header("Vary", "Accept-Encoding");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(page.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType).result(page.body());
    }

    private static Page page(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Page(body, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
