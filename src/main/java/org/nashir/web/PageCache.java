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
 * breaking story shared everywhere at once costs one render, not a thousand. Each page is kept plain, gzipped and
 * brotli-compressed, made once when it is rendered, so a reader's request costs no compression. Pages carry an
 * ETag per form and {@code s-maxage}/{@code stale-while-revalidate} so a CDN in front can hold them too. The cache
 * is bounded by bytes (all three forms counted), not by a number of pages.
 */
public final class PageCache {
    /**
     * A rendered page in its three forms (brotli null where it cannot be made), the tag its ETags share, and when
     * it was rendered.
     */
    public record Page(byte[] body, byte[] gzip, byte[] brotli, String tag, Instant renderedAt) {
        /** The entity tag of one form of the page. */
        public String etag(Encoding e) {
            return "\"" + tag + e.tagSuffix + "\"";
        }

        /** The plain form's entity tag. */
        public String etag() {
            return etag(Encoding.IDENTITY);
        }

        byte[] bytes(Encoding e) {
            return switch (e) {
                case IDENTITY -> body;
                case GZIP -> gzip;
                case BROTLI -> brotli;
            };
        }

        int weight() {
            return body.length + gzip.length + (brotli == null ? 0 : brotli.length);
        }
    }

    /** What the cache may hold, all forms of all pages together. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Cache<String, Page> pages;
    private final int seconds;

    public PageCache(int seconds) {
        this.seconds = seconds;
        this.pages = Caffeine.newBuilder().maximumWeight(MAX_BYTES).weigher((String key, Page page) -> page.weight())
            .expireAfterWrite(Duration.ofSeconds(Math.max(seconds, 1))).build();
    }

    /** The page at {@code key}, rendered by {@code render} if not cached; a render that throws caches nothing. */
    public Page get(String key, Supplier<byte[]> render) {
        if (seconds == 0) return page(render.get());
        return pages.get(key, k -> page(render.get()));
    }

    public void invalidateAll() {
        pages.invalidateAll();
    }

    /**
     * Sends the form of the page the request accepts (brotli, gzip or plain, with its own ETag), or 304 when the
     * browser or CDN already holds this version in any form.
     */
    public void send(Context ctx, Page page) {
        send(ctx, page, "text/html; charset=utf-8");
    }

    public void send(Context ctx, Page page, String contentType) {
        Encoding encoding = Encoding.pick(ctx.header("Accept-Encoding"), page.brotli() != null);
        ctx.header("ETag", page.etag(encoding));
        ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(page.renderedAt().atOffset(ZoneOffset.UTC)));
        ctx.header("Cache-Control", "public, max-age=0, s-maxage=" + seconds + ", stale-while-revalidate=60");
        ctx.header("Vary", "Accept-Encoding");
        // Any form's tag names this version (a proxy may also have weakened it to W/"…").
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(page.tag()) || ifNoneMatch.strip().equals("*"))) {
            ctx.status(304);
            return;
        }
        // Set before the body is written, so the server does not compress it again.
        if (encoding.token != null) ctx.header("Content-Encoding", encoding.token);
        ctx.contentType(contentType).result(page.bytes(encoding));
    }

    private static Page page(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Page(body, Encoding.gzip(body), Encoding.brotli(body), HexFormat.of().formatHex(digest, 0, 12), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
