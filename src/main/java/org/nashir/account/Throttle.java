package org.nashir.account;

import org.nashir.config.HeapShare;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed sign-ins per account and per address within a window. Past the limit, sign-in is refused (429) until
 * the window has passed, whether or not the password is right, so guessing is slow and a correct guess tells
 * nothing. Kept in memory per node: each node of a cluster allows its own share.
 */
public final class Throttle {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;

    private final Cache<String, AtomicInteger> failures;

    public Throttle(Clock clock) {
        this.failures = Caffeine.newBuilder().maximumSize(HeapShare.entries(0.02, 160, 200_000)).expireAfterWrite(WINDOW)
            .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** Seconds to wait before trying again, or 0 when a try is allowed now. */
    public long retryAfterSeconds(String email, String address) {
        boolean blocked = count("e:" + AccountStore.normalizeEmail(email)) >= PER_ACCOUNT || count("a:" + address) >= PER_ADDRESS;
        return blocked ? WINDOW.toSeconds() : 0;
    }

    public void failed(String email, String address) {
        failures.get("e:" + AccountStore.normalizeEmail(email), k -> new AtomicInteger()).incrementAndGet();
        failures.get("a:" + address, k -> new AtomicInteger()).incrementAndGet();
    }

    public void succeeded(String email) {
        failures.invalidate("e:" + AccountStore.normalizeEmail(email));
    }

    private int count(String key) {
        AtomicInteger n = failures.getIfPresent(key);
        return n == null ? 0 : n.get();
    }
}
