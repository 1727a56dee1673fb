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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * Rendered public pages, kept for a few seconds and dropped by the change feed when content changes. Only one
 * render of a URL runs at a time (Caffeine computes a key once; other readers of that URL wait for it), so a
 * breaking story shared everywhere at once costs one render, not a thousand. Each page is kept gzipped and
 * brotli-compressed, made once when it is rendered, so a reader's request costs no compression. Pages carry an
 * ETag per form and {@code s-maxage}/{@code stale-while-revalidate} so a CDN in front can hold them too. The cache
 * is bounded by bytes (both forms counted), not by a number of pages.
 */
public final class PageCache {
    /**
     * A rendered page, kept gzipped and (where it can be made) brotli-compressed: nearly every reader's browser takes
     * one of these, and not keeping the plain bytes triples what the cache holds. The rare client that accepts no
     * coding gets the gzip form inflated ({@link #plain()}). The tag its ETags share, when it was rendered.
     */
    public record Page(String key, byte[] gzip, byte[] brotli, byte[] identity, String tag, Instant renderedAt, java.util.Set<String> shows, Headers headers) {
        Page(String key, byte[] gzip, byte[] brotli, byte[] identity, String tag, Instant renderedAt, java.util.Set<String> shows) {
            this(key, gzip, brotli, identity, tag, renderedAt, shows, Headers.of(tag, renderedAt, shows));
        }

        /** The entity tag of one form of the page. */
        public String etag(Encoding e) {
            return headers.etags[e.ordinal()];
        }

        /** The plain form's entity tag. */
        public String etag() {
            return etag(Encoding.IDENTITY);
        }

        /** The page's bytes as rendered. */
        public byte[] plain() {
            return identity != null ? identity : Encoding.gunzip(gzip);
        }

        byte[] bytes(Encoding e) {
            return switch (e) {
                case IDENTITY -> plain();
                case GZIP -> gzip;
                case BROTLI -> brotli;
            };
        }

        int weight() {
            return gzip.length + (brotli == null ? 0 : brotli.length);
        }

        /**
         * A page of these bytes, compressed now, showing {@code shows}; {@code key} is where the cache keeps it, or null
         * for one kept elsewhere (the busy page, a static file), which also keeps its plain bytes: the busy page is
         * sent thousands of times a second in a flood, often to clients that take no compression.
         */
        static Page of(String key, byte[] body, java.util.Set<String> shows) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
                return new Page(key, Encoding.gzip(body), Encoding.brotli(body), key == null ? body : null, HexFormat.of().formatHex(digest, 0, 12),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), java.util.Set.copyOf(shows));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }

    /**
     * A page's header values, made once with the page: formatting them for each of 40,000 answers a second took a
     * tenth of the server's time (the date's formatter, the sorted keys).
     */
    record Headers(String[] etags, List<HttpField> etagFields, HttpField lastModified, List<HttpField> keys) {
        static Headers of(String tag, Instant renderedAt, java.util.Set<String> shows) {
            String[] etags = new String[Encoding.values().length];
            List<HttpField> etagFields = new java.util.ArrayList<>();
            for (Encoding e : Encoding.values()) {
                etags[e.ordinal()] = "\"" + tag + e.tagSuffix + "\"";
                etagFields.add(new PreEncodedHttpField(HttpHeader.ETAG, etags[e.ordinal()]));
            }
            String keys = shows.isEmpty() ? null : String.join(" ", new java.util.TreeSet<>(shows));
            // What the page shows, for a CDN that purges by key (Fastly's Surrogate-Key, Cloudflare's Cache-Tag).
            List<HttpField> keyFields = keys == null || keys.length() > 8000 ? List.of()
                : List.of(new PreEncodedHttpField("Surrogate-Key", keys), new PreEncodedHttpField("Cache-Tag", keys.replace(' ', ',')));
            return new Headers(etags, List.copyOf(etagFields),
                new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME.format(renderedAt.atOffset(ZoneOffset.UTC))), keyFields);
        }
    }

    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final java.util.concurrent.ConcurrentHashMap<String, HttpField> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** What the cache may hold, all forms of all pages together: 64 MB, or a quarter of the heap if that is less. */
    static final long MAX_BYTES = Math.min(64L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 4);

    /** How long a page that is no longer fresh is kept, to serve while it is rendered again or when rendering fails. */
    static final Duration STALE_FOR = Duration.ofHours(1);

    /**
     * A kept page, until when (System.nanoTime) it is fresh (an invalidated page: 0), and what it shows
     * ({@link Shows}).
     */
    private record Entry(Page page, long freshUntil, java.util.Set<String> shows, java.util.concurrent.atomic.AtomicLong lastRead) {
        Entry(Page page, long freshUntil, java.util.Set<String> shows) {
            this(page, freshUntil, shows, new java.util.concurrent.atomic.AtomicLong(System.nanoTime()));
        }

        Entry stale() {
            return new Entry(page, 0, shows, lastRead);
        }

        /** Notes a read now and says whether another came within {@code HOT} before it (at most one write a millisecond). */
        boolean readOften(long now) {
            long previous = lastRead.get();
            if (now - previous > 1_000_000) lastRead.set(now);
            return now - previous < HOT.toNanos();
        }
    }

    /** A page read again within this is answered stale while it is rendered again in the background (see fresh). */
    static final Duration HOT = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(PageCache.class);

    private final Cache<String, Entry> pages;
    /** Request addresses (path and query as sent) answered by a kept page, bounded: any query string makes a new one. */
    private final Cache<String, Address> addresses = Caffeine.newBuilder().maximumSize(10_000).build();
    /** Header names every answer carries; null until {@link DirectReads} serves pages directly. */
    private volatile java.util.Set<String> common;
    private final ConcurrentHashMap<String, CompletableFuture<Page>> rendering = new ConcurrentHashMap<>();
    /** Keys whose render {@link DirectReads} has asked for in the background, and what asks for it. */
    private final java.util.Set<String> revalidating = ConcurrentHashMap.newKeySet();
    private volatile java.util.function.BiConsumer<String, Runnable> revalidator;
    private final java.util.concurrent.atomic.LongAdder renders = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder fresh = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder direct = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder stale = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder missed = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder coalesced = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder revalidations = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder failures = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder renderNanos = new java.util.concurrent.atomic.LongAdder();
    /** Counts invalidations, so a render that overlapped one is not taken for fresh. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final int seconds;
    private final HttpField pageControl;
    private final Admission admission;
    private final java.util.function.BooleanSupplier databaseAnswers;
    /**
     * Set while the database cannot be reached: readers of kept pages get them without trying a render (each try
     * would hold its reader for the pool's whole wait), and a background probe lifts it when the database answers.
     */
    private final java.util.concurrent.atomic.AtomicBoolean rendersHeld = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile String lastFailure;
    private volatile Instant lastFailureAt;

    public PageCache(int seconds) {
        this(seconds, Admission.UNLIMITED, () -> true);
    }

    /**
     * With {@code admission} asked before each render a reader would wait for, and {@code databaseAnswers} asked
     * (off any reader's request) whether renders may resume after the database was found unreachable.
     */
    public PageCache(int seconds, Admission admission, java.util.function.BooleanSupplier databaseAnswers) {
        this.seconds = seconds;
        this.pageControl = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "public, max-age=0, s-maxage=" + seconds + ", stale-while-revalidate=60");
        this.admission = admission;
        this.databaseAnswers = databaseAnswers;
        this.pages = Caffeine.newBuilder().maximumWeight(MAX_BYTES).weigher((String key, Entry e) -> e.page().weight())
            .expireAfterWrite(Duration.ofSeconds(Math.max(seconds, 1)).plus(STALE_FOR)).build();
    }

    /**
     * The page at {@code key}. A fresh page is answered at once. A page that expired or that a change invalidated is
     * rendered by the first reader who asks for it, in that reader's request (renders read the request, so they never
     * run after it ended); readers who come while that render runs get the previous version at once, and readers of
     * a page never rendered wait for that same render. Renders run outside the cache's locks. When a render
     * fails for another reason than the page's own answer (not found, a redirect…), typically because the database
     * is down, the previous version is served (stale-if-error) and {@link #problem()} says so.
     */
    public Page get(String key, Supplier<byte[]> render) {
        if (seconds == 0) {
            renders.increment();
            return Page.of(null, Shows.collect(render, Shows.newSet()), java.util.Set.of());
        }
        Entry kept = pages.getIfPresent(key);
        if (kept != null && System.nanoTime() < kept.freshUntil()) {
            fresh.increment();
            return kept.page();
        }
        if (rendersHeld.get()) {
            if (kept != null) {
                stale.increment();
                return kept.page();
            }
            // Known to be unreachable (the probe will say when it answers again): a reader of a page never kept gets
            // the 503 at once instead of after the pool's wait, and nginx or the reader can go elsewhere.
            throw new IllegalStateException("no kept version of " + key,
                new java.sql.SQLTransientConnectionException("the database cannot be reached; renders are held"));
        }
        CompletableFuture<Page> mine = new CompletableFuture<>();
        CompletableFuture<Page> running = rendering.putIfAbsent(key, mine);
        if (running != null) {
            if (kept != null) {
                stale.increment();
                return kept.page();
            }
            coalesced.increment();
            return await(running);
        }
        // Rendering is the expensive part: under overload, the previous version if there is one, else a 503.
        if (!admission.startRender()) {
            rendering.remove(key, mine);
            if (kept != null) {
                mine.complete(kept.page());
                stale.increment();
                return kept.page();
            }
            Admission.Overloaded busy = new Admission.Overloaded("no place to render " + key);
            mine.completeExceptionally(busy);
            throw busy;
        }
        missed.increment();
        try {
            return render(key, render, mine, kept);
        } finally {
            admission.endRender();
        }
    }

    /**
     * A public page rendered for one request and never kept (the article with a form's state in it), under the same
     * bound as renders of pages no cache holds: a query that skips the cache must not be a way around {@link Admission}
     * for anonymous clients. Without a place: {@link Admission.Overloaded} (503 with {@code Retry-After}).
     */
    public byte[] renderOnce(String what, Supplier<byte[]> render) {
        if (!admission.startRender()) throw new Admission.Overloaded("no place to render " + what);
        try {
            return render.get();
        } finally {
            admission.endRender();
        }
    }

    /** Renders {@code key} for everyone waiting on {@code mine}; the previous version answers if the render fails. */
    private Page render(String key, Supplier<byte[]> render, CompletableFuture<Page> mine, Entry kept) {
        long before = generation.get();
        renders.increment();
        long started = System.nanoTime();
        try {
            java.util.Set<String> shows = Shows.newSet();
            Page page = Page.of(key, Shows.collect(render, shows), shows);
            renderNanos.add(System.nanoTime() - started);
            // A change that came while rendering may not be in this version: kept, but not fresh.
            long freshUntil = generation.get() == before ? System.nanoTime() + Duration.ofSeconds(seconds).toNanos() : 0;
            pages.put(key, new Entry(page, freshUntil, shows));
            mine.complete(page);
            return page;
        } catch (RuntimeException e) {
            if (kept == null || answers(e)) {
                if (answers(e)) pages.invalidate(key);
                // Unreachable: the next readers of pages never kept get the 503 at once, not after the pool's wait.
                if (StorageFailure.of(e) == StorageFailure.DATABASE_UNAVAILABLE) holdRenders();
                mine.completeExceptionally(e);
                throw e;
            }
            failures.increment();
            lastFailure = e.toString();
            lastFailureAt = Instant.now();
            if (StorageFailure.of(e) == StorageFailure.DATABASE_UNAVAILABLE) holdRenders();
            log.warn("serving the previous version of {}: rendering it failed: {}", key, e.toString());
            mine.complete(kept.page());
            return kept.page();
        } finally {
            // Whatever ended the render (an Error too), nobody may wait for it forever.
            if (!mine.isDone()) mine.completeExceptionally(new IllegalStateException("the render of " + key + " ended without a page"));
            rendering.remove(key, mine);
        }
    }

    /** Stops readers from rendering until a probe, every second on its own thread, finds the database answering. */
    private void holdRenders() {
        if (!rendersHeld.compareAndSet(false, true)) return;
        log.warn("the database cannot be reached: serving kept pages without rendering until it answers");
        Thread.ofVirtual().name("page-cache-database-probe").start(() -> {
            while (rendersHeld.get()) {
                try {
                    Thread.sleep(1000);
                    if (databaseAnswers.getAsBoolean()) rendersHeld.set(false);
                } catch (InterruptedException e) {
                    rendersHeld.set(false);
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    // Still unreachable: probe again.
                }
            }
            log.info("the database answers again: pages are rendered again");
        });
    }

    private static Page await(CompletableFuture<Page> running) {
        try {
            return running.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** Exceptions that are the page's answer (the route turns them into 404, 301, 403…), not a failure to render it. */
    private static boolean answers(RuntimeException e) {
        return e instanceof NotFound || e instanceof Redirect || e instanceof Forbidden || e instanceof Conflict
            || e instanceof ApiError || e instanceof TooManyRequests || e instanceof Admission.Overloaded;
    }

    /** Waits until no page is being rendered again in the background, for {@code atMost}; whether none is. */
    public boolean awaitRevalidations(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!revalidating.isEmpty()) {
            if (System.nanoTime() > deadline) return false;
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    /** What the cache has done since it started, for {@code /metrics}. */
    public record Counts(long fresh, long direct, long stale, long missed, long coalesced, long failures, long renderNanos, long bytes, long pages, long revalidations) {}

    public Counts counts() {
        return new Counts(fresh.sum(), direct.sum(), stale.sum(), missed.sum(), coalesced.sum(), failures.sum(), renderNanos.sum(),
            pages.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L), pages.estimatedSize(), revalidations.sum());
    }

    /** How many renders this cache has run (for metrics, and for tests of what a change re-renders). */
    public long renders() {
        return renders.sum();
    }

    /**
     * What is wrong, for {@code /health}: previous versions were served in the last minute because rendering
     * failed; null when all is well.
     */
    public String problem() {
        Instant at = lastFailureAt;
        if (rendersHeld.get()) return "the database cannot be reached: serving kept pages without rendering since " + at + ": " + lastFailure;
        if (at == null || at.isBefore(Instant.now().minusSeconds(60))) return null;
        return "serving previous versions of pages since rendering failed at " + at + ": " + lastFailure;
    }

    /**
     * Marks every page out of date: the next reader of each renders it again (and sees the change), readers
     * meanwhile get the previous version, which also stands in if rendering fails.
     */
    public void invalidateAll() {
        generation.incrementAndGet();
        pages.asMap().replaceAll((k, e) -> e.stale());
    }

    /**
     * Marks out of date the pages that show something {@code changed} matches (and any page that recorded nothing,
     * which cannot say it is unaffected); the others stay fresh. Returns the tags of kept pages that matched, the
     * keys a CDN holding the same pages needs to purge.
     */
    public java.util.Set<String> invalidate(java.util.function.Predicate<String> changed) {
        generation.incrementAndGet();
        java.util.Set<String> matched = java.util.concurrent.ConcurrentHashMap.newKeySet();
        pages.asMap().replaceAll((k, e) -> {
            e.shows().stream().filter(changed).forEach(matched::add);
            if (e.freshUntil() == 0 || !(e.shows().isEmpty() || e.shows().stream().anyMatch(changed))) return e;
            return e.stale();
        });
        return matched;
    }

    /**
     * Sends the form of the page the request accepts (brotli, gzip or plain, with its own ETag), or 304 when the
     * browser or CDN already holds this version in any form.
     */
    public void send(Context ctx, Page page) {
        send(ctx, page, "text/html; charset=utf-8");
    }

    public void send(Context ctx, Page page, String contentType) {
        boolean alone = answersAlone(ctx, page);
        send(ctx, page, contentType, pageControl.getValue());
        if (alone && ctx.statusCode() == 200) remember(ctx, page);
    }

    /** Sends {@code page} (a page or a static file) as {@link #send(Context, Page)} does, with this caching rule. */
    static void send(Context ctx, Page page, String contentType, String cacheControl) {
        Encoding encoding = Encoding.pick(ctx.header("Accept-Encoding"), page.brotli() != null);
        if (describe(page, encoding, field(HttpHeader.CACHE_CONTROL, cacheControl), ctx.header("If-None-Match"), f -> Encoding.addHeader(ctx, f))) {
            ctx.status(304);
            return;
        }
        byte[] body = page.bytes(encoding);
        ctx.contentType(contentType);
        // Written straight out: a result stream is copied through a new 32 KB buffer per response, which at 20,000
        // answers a second was half of all the memory the server allocated (bench/flood.sh, JFR).
        ctx.res().setContentLength(body.length);
        try {
            ctx.outputStream().write(body);
        } catch (java.io.IOException readerLeft) {
            log.debug("{} left before the page was sent: {}", ctx.ip(), readerLeft.toString());
        }
    }

    /**
     * Gives {@code out} the header fields of {@code page} in {@code encoding} (Content-Encoding included); returns
     * true, having given only the validators, when {@code ifNoneMatch} names this version in any form (a proxy may
     * also have weakened the tag to W/"…"): the answer is then 304 without a body.
     */
    static boolean describe(Page page, Encoding encoding, HttpField cacheControl, String ifNoneMatch, java.util.function.Consumer<HttpField> out) {
        Headers h = page.headers();
        out.accept(h.etagFields().get(encoding.ordinal()));
        out.accept(h.lastModified());
        out.accept(cacheControl);
        out.accept(VARY);
        for (HttpField k : h.keys()) out.accept(k);
        if (ifNoneMatch != null && (ifNoneMatch.contains(page.tag()) || ifNoneMatch.strip().equals("*"))) return true;
        // Set before the body is written, so the server does not compress it again.
        if (encoding.token != null) out.accept(Encoding.CONTENT_ENCODING[encoding.ordinal()]);
        return false;
    }

    /** A header field made once per distinct value (a handful: Cache-Control rules, content types). */
    static HttpField field(HttpHeader name, String value) {
        String k = name.asString() + ':' + value;
        HttpField f = FIELDS.get(k);
        if (f == null) {
            f = new PreEncodedHttpField(name, value);
            if (FIELDS.size() < 64) FIELDS.put(k, f);
        }
        return f;
    }

    /**
     * Where a cached page is read from, with what its route answered besides the page: {@link DirectReads} answers
     * the next request for the same address from here, without the route.
     */
    record Address(String key, String route, HttpField contentType, HttpField cacheControl) {}

    /**
     * Lets {@link DirectReads} answer fresh pages itself from now on: the routes' answers are remembered by address
     * when they are nothing but a cached page plus {@code common} (the header fields every answer carries).
     */
    void answerDirectly(java.util.Set<String> common, java.util.function.BiConsumer<String, Runnable> revalidator) {
        this.revalidator = revalidator;
        // Jetty's Date and Javalin's default Content-Type (which send replaces) are there before any route runs.
        java.util.Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(common);
        names.addAll(java.util.List.of("Date", "Content-Type"));
        this.common = names;
    }

    /**
     * The address's page when it is fresh, or when it is being rendered again (or renders are held while the database
     * cannot be reached) and the previous version stands in; else null (the request then goes to its route, which
     * renders it). Serving the previous version here, not through the route, matters under load: after each change
     * the hot pages are re-rendered, and while that ran every reader of them went through the routes at ten times the
     * cost of a direct answer (bench/flood.sh, a publish every 2 s).
     */
    Page fresh(String address, Address[] where, boolean mayRevalidate) {
        Address a = addresses.getIfPresent(address);
        if (a == null) return null;
        Entry kept = pages.getIfPresent(a.key());
        if (kept == null) return null;
        String key = a.key();
        long now = System.nanoTime();
        boolean readOften = kept.readOften(now);
        if (now < kept.freshUntil()) {
            fresh.increment();
        } else if (rendering.containsKey(key) || rendersHeld.get() || revalidating.contains(key)) {
            stale.increment();
        } else if (mayRevalidate && readOften && revalidator != null && revalidating.add(key)) {
            // Stale while revalidating, for a page in demand: this reader too gets the previous version, and the page
            // is rendered again in the background. In the reader's request, that render (100-300 ms on two busy
            // cores) held the reader and, for a browser, everything it asked for next on that connection
            // (bench/spike.sh: p99 60-140 ms at 8 connections, from one slow answer per hot page per change). A page
            // nobody else read in the last second has no crowd to protect: its reader renders it and sees the change.
            stale.increment();
            revalidations.increment();
            revalidator.accept(address, () -> revalidating.remove(key));
        } else {
            return null;
        }
        direct.increment();
        where[0] = a;
        return kept.page();
    }

    /**
     * Whether this request's answer will be nothing but {@code page}: a GET without credentials (routes may show more
     * to a token), status 200 so far, no header of its route's own, a page the cache keeps.
     */
    private boolean answersAlone(Context ctx, Page page) {
        java.util.Set<String> common = this.common;
        if (common == null || page.key() == null || !ctx.method().name().equals("GET") || ctx.statusCode() != 200
            || ctx.header("Authorization") != null) return false;
        for (String name : ctx.res().getHeaderNames()) if (!common.contains(name)) return false;
        return true;
    }

    /** Remembers that the request's address answered {@code page}, with the content type as the server wrote it. */
    private void remember(Context ctx, Page page) {
        String query = ctx.req().getQueryString();
        String address = query == null ? ctx.req().getRequestURI() : ctx.req().getRequestURI() + "?" + query;
        String contentType = ctx.res().getContentType();
        String route = ctx.attribute(Metrics.ROUTE) instanceof String r ? r : "unmatched";
        Address known = addresses.getIfPresent(address);
        if (known == null || !known.key().equals(page.key()) || !known.contentType().getValue().equals(contentType) || !known.route().equals(route)) {
            addresses.put(address, new Address(page.key(), route, field(HttpHeader.CONTENT_TYPE, contentType), pageControl));
        }
    }
}
