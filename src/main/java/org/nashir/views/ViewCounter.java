package org.nashir.views;

import org.nashir.config.HeapShare;
import org.nashir.storage.Periodic;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Counts page views in memory and writes them in batches, so a popular article costs one UPDATE every few
 * seconds instead of one per reader. A visitor is a hash of address and browser keyed with the site's secret (so it
 * cannot be reversed, and every node and restart makes the same one); the same visitor reading the same article again
 * within 30 minutes is counted once. On several nodes (PostgreSQL) a view is first checked against the readers this
 * node saw, then, when the batch is written, against those every node wrote ({@code view_seen}): one reader whose
 * requests the balancer spreads over three nodes counts once. Crawlers and link previewers are not counted.
 *
 * <p>No view is lost or counted twice by a flush: each bucket is taken out of the map atomically
 * ({@link ConcurrentHashMap#remove}) while new views go into a fresh entry ({@link ConcurrentHashMap#merge});
 * if the write fails the taken counts are merged back.
 */
public final class ViewCounter {
    static final Duration REPEAT_WINDOW = Duration.ofMinutes(30);
    private static final Pattern BOTS = Pattern.compile(
        "bot|crawl|spider|slurp|preview|fetch|facebookexternalhit|whatsapp|telegram|embedly|curl|wget|python|java/|"
            + "okhttp|go-http|headless|lighthouse|pingdom|monitor|scan|http-client|axios|node-fetch|libwww|feed",
        Pattern.CASE_INSENSITIVE);

    private final ViewStore store;
    private final Clock clock;
    private final ConcurrentHashMap<ViewStore.Bucket, Long> pending = new ConcurrentHashMap<>();
    private final Cache<String, Boolean> recent;
    private final Cache<Long, Boolean> visible = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1)).build();
    private final byte[] key;
    /** Whether views are checked against other nodes' readers when written (PostgreSQL). */
    private final boolean shared;
    /** Views counted here and not yet checked against other nodes', when {@link #shared}. */
    private final java.util.concurrent.ConcurrentLinkedQueue<ViewStore.Seen> unchecked = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile Periodic flusher;
    private final java.util.concurrent.atomic.LongAdder flushes = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder failedFlushes = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder written = new java.util.concurrent.atomic.LongAdder();

    /** {@code secret}: the site's key; {@code shared}: whether other nodes count views of the same site. */
    public ViewCounter(ViewStore store, Clock clock, byte[] secret, boolean shared) {
        this.store = store;
        this.clock = clock;
        this.key = secret.clone();
        this.shared = shared;
        // The window follows the site's clock, so it is the same 30 minutes the rest of the site sees.
        this.recent = Caffeine.newBuilder().maximumSize(HeapShare.entries(0.08, 200, 2_000_000)).expireAfterWrite(REPEAT_WINDOW)
            .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    public static boolean isBot(String userAgent) {
        return userAgent == null || userAgent.isBlank() || BOTS.matcher(userAgent).find();
    }

    /** Records one page view; returns whether it counted (false for bots, repeats and unknown articles). */
    public boolean record(long articleId, String address, String userAgent) {
        if (isBot(userAgent)) return false;
        if (!visible.get(articleId, store::isVisible)) return false;
        String visitor = visitor(address, userAgent) + ":" + articleId;
        if (recent.asMap().putIfAbsent(visitor, Boolean.TRUE) != null) return false;
        if (shared) {
            unchecked.add(new ViewStore.Seen(visitor, new ViewStore.Bucket(articleId, Math.floorDiv(clock.millis(), 3_600_000L)),
                clock.millis() + REPEAT_WINDOW.toMillis()));
            return true;
        }
        pending.merge(new ViewStore.Bucket(articleId, Math.floorDiv(clock.millis(), 3_600_000L)), 1L, Long::sum);
        return true;
    }

    private String visitor(String address, String userAgent) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key);
            sha.update(("views\n" + address + "\n" + userAgent).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Writes every pending count; returns how many views were written. */
    public synchronized long flush() {
        Map<ViewStore.Bucket, Long> batch = new HashMap<>();
        for (ViewStore.Bucket b : pending.keySet()) {
            Long n = pending.remove(b);
            if (n != null) batch.put(b, n);
        }
        java.util.List<ViewStore.Seen> seen = new java.util.ArrayList<>();
        for (ViewStore.Seen v; (v = unchecked.poll()) != null; ) seen.add(v);
        long views;
        try {
            views = store.add(batch, seen, clock.millis());
        } catch (RuntimeException e) {
            batch.forEach((b, n) -> pending.merge(b, n, Long::sum));
            unchecked.addAll(seen);
            failedFlushes.increment();
            throw e;
        }
        flushes.increment();
        written.add(views);
        return views;
    }

    /** Flushes (done and failed), views written, and views counted but not yet written, as meters. */
    public void bindTo(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.FunctionCounter.builder("nashir.views.flushes", flushes, java.util.concurrent.atomic.LongAdder::sum)
            .tag("result", "written").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("nashir.views.flushes", failedFlushes, java.util.concurrent.atomic.LongAdder::sum)
            .tag("result", "failed").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("nashir.views.written", written, java.util.concurrent.atomic.LongAdder::sum).register(registry);
        io.micrometer.core.instrument.Gauge.builder("nashir.views.pending", this, ViewCounter::pendingViews)
            .description("views counted in memory, not yet written (kept and retried while the database is down)").register(registry);
    }

    public long pendingViews() {
        return pending.values().stream().mapToLong(Long::longValue).sum() + unchecked.size();
    }

    /** Flushes counted views every {@code every}; they stay in memory and are retried when a flush fails. */
    public void start(Duration every) {
        flusher = Periodic.every(every, "view flush", this::flush);
    }

    /** Stops the timer and writes what is left, so a clean shutdown loses nothing. */
    public void stop() {
        Periodic p = flusher;
        if (p != null) p.close();
        flush();
    }
}
