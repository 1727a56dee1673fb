package org.nashir.account;

import org.nashir.storage.Counters;

import java.time.Duration;

/**
 * Failed sign-ins per account and per address in fixed 15-minute windows of the site's clock. Past the limit, sign-in
 * is refused (429) until the window ends, whether or not the password is right, so guessing is slow and a correct
 * guess tells nothing. Counted in {@link Counters}: on PostgreSQL every node shares the counts, so five wrong
 * passwords lock an account whichever nodes they reach.
 */
public final class Throttle {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;

    private final Counters failures;

    public Throttle(Counters failures) {
        this.failures = failures;
    }

    /** Seconds to wait before trying again, or 0 when a try is allowed now. */
    public long retryAfterSeconds(String email, String address) {
        boolean blocked = failures.count(account(email), WINDOW) >= PER_ACCOUNT || failures.count("sign-in-address:" + address, WINDOW) >= PER_ADDRESS;
        return blocked ? failures.secondsLeft(WINDOW) : 0;
    }

    public void failed(String email, String address) {
        failures.increment(account(email), WINDOW);
        failures.increment("sign-in-address:" + address, WINDOW);
    }

    public void succeeded(String email) {
        failures.reset(account(email), WINDOW);
    }

    private static String account(String email) {
        return "sign-in-account:" + AccountStore.normalizeEmail(email);
    }
}
