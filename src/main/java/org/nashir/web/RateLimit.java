package org.nashir.web;

import org.nashir.storage.Counters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * A limit per key (an address, an article) for anonymous, costly requests: at most {@code limit} in each fixed
 * {@code window} of the site's clock. Counted in {@link Counters}: shared by all nodes on PostgreSQL, so a cluster of
 * three allows what one node does, not three times as much.
 */
public final class RateLimit {
    private static final Logger log = LoggerFactory.getLogger(RateLimit.class);
    private final String name;
    private final int limit;
    private final Duration window;
    private final Counters counters;
    private volatile long warnedAt;

    /** {@code name} keeps this limit's counts apart from the others'. */
    public RateLimit(String name, int limit, Duration window, Counters counters) {
        this.name = name;
        this.limit = limit;
        this.window = window;
        this.counters = counters;
    }

    /** Counts a request for {@code key}; false when it is over the limit in this window. */
    public boolean allow(String key) {
        try {
            return counters.increment(name + ":" + key, window) <= limit;
        } catch (RuntimeException e) {
            // The shared counts are out of reach (the database is down): let readers through rather than refuse all.
            long now = System.nanoTime();
            if (now - warnedAt > 60_000_000_000L) {
                warnedAt = now;
                log.warn("{} limit not checked (counts unavailable): {}", name, e.toString());
            }
            return true;
        }
    }

    /** Seconds until the current window ends, for {@code Retry-After}. */
    public long retryAfterSeconds() {
        return counters.secondsLeft(window);
    }
}
