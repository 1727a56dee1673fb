package org.nashir.config;

/**
 * Bounds for the in-memory tables that anonymous traffic fills (rate-limit windows, repeat views, failed sign-ins,
 * recent searches), as a share of the heap the launcher gives. Fixed entry counts sized for a large heap let a flood
 * from many addresses fill a small server's 64 MB heap and stop it: 500,000 rate-limit windows alone take some
 * 75 MB. A full table evicts its least used entries, which costs a little precision (a repeat view counted twice,
 * an address's window forgotten), never the server.
 */
public final class HeapShare {
    private HeapShare() {}

    /** Entries of about {@code bytesPerEntry} that fit in {@code share} of the heap, between 1,000 and {@code atMost}. */
    public static long entries(double share, int bytesPerEntry, long atMost) {
        return Math.max(1_000, Math.min(atMost, bytes(share, Long.MAX_VALUE) / bytesPerEntry));
    }

    /** {@code share} of the heap in bytes, at most {@code atMost}. */
    public static long bytes(double share, long atMost) {
        return Math.min(atMost, (long) (Runtime.getRuntime().maxMemory() * share));
    }
}
