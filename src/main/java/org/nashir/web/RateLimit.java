package org.nashir.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.nashir.config.HeapShare;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed-window limit per address for anonymous, costly requests (search, the view beacon): at most
 * {@code perMinute} in each minute. In memory, per node; a cluster behind a balancer allows each node its share.
 */
public final class RateLimit {
    private final int perMinute;
    private final Clock clock;
    private final Cache<String, AtomicInteger> windows;

    public RateLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.windows = Caffeine.newBuilder().maximumSize(HeapShare.entries(0.05, 160, 500_000)).expireAfterWrite(Duration.ofMinutes(2)).build();
    }

    /** Counts a request from {@code address}; false when it is over the limit for this minute. */
    public boolean allow(String address) {
        long minute = clock.millis() / 60_000;
        return windows.get(address + "@" + minute, k -> new AtomicInteger()).incrementAndGet() <= perMinute;
    }

    /** Seconds until the current window ends, for {@code Retry-After}. */
    public long retryAfterSeconds() {
        return 60 - (clock.millis() / 1000) % 60;
    }
}
