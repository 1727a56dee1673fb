package org.nashir.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Who gets the server when it is saturated. Anonymous work that no cache answers (searches, comment posts, archive
 * pages; routes marked {@link Route#sheddable()}) has a few places of its own and is turned away first, with 503 and
 * {@code Retry-After}; the rest of the public site has all the threads but a reserve that only the back office and
 * the API's writers use, so editors can publish in the middle of a spike. Nothing waits long for a place: a request
 * that finds none within a moment is answered at once rather than queued behind the spike.
 */
public final class Admission {
    /** How long a request may wait for a place before it is told to come back. */
    static final long WAIT_MS = 250;
    /** What the 503 tells clients to wait, in seconds. */
    public static final int RETRY_AFTER = 5;

    private final Semaphore sheddable;
    private final Semaphore publicWork;

    /**
     * @param sheddable anonymous uncached requests at once
     * @param threads the server's threads
     * @param reserved threads the public site may not take (kept for the back office and API writes)
     */
    public Admission(int sheddable, int threads, int reserved) {
        this.sheddable = new Semaphore(sheddable);
        this.publicWork = new Semaphore(Math.max(1, threads - reserved));
    }

    /** A place for a public request ({@code sheddable}: one no cache answers); false when there is none. */
    boolean enter(boolean sheddable) {
        try {
            if (!publicWork.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS)) return false;
            if (sheddable && !this.sheddable.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS)) {
                publicWork.release();
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void leave(boolean sheddable) {
        if (sheddable) this.sheddable.release();
        publicWork.release();
    }
}
