package org.nashir.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Who gets the server when it is saturated. Cached reads never wait here: they cost little and are what a spike
 * is made of. Anonymous work that no cache answers is limited instead, in two pools: routes marked
 * {@link Route#sheddable()} (searches, comment posts, archive pages), and renders of public pages that are not cached
 * (a crawler walking old articles; {@link PageCache} asks before rendering, and serves the previous version instead
 * when it has one). A request that finds no place waits a moment only when few others wait; otherwise it gets 503
 * with {@code Retry-After}, for a shed-first route after a pause that holds no thread. Both pools
 * together stay below the server's threads by a reserve that only the back office and the API's writers can use,
 * so editors can publish in the middle of a spike.
 */
public final class Admission {
    /** How long a refused request waits, without a thread, before its 503 or 429, unless configured otherwise. */
    public static final long PAUSE_MS = 2_000;
    /** What the 503 tells clients to wait, in seconds. */
    public static final int RETRY_AFTER = 5;

    /** How long a request may wait for a place, when few others wait. */
    static final long WAIT_MS = 250;

    private final Semaphore sheddable;
    private final Semaphore renders;
    private final int sheddableWaiters;
    private final int renderWaiters;
    private final long pauseMillis;
    private final java.util.concurrent.Executor pause;

    /**
     * @param sheddable anonymous requests of shed-first routes at once
     * @param threads the server's threads
     * @param reserved threads that public uncached work may not take (kept for the back office and API writes)
     */
    public Admission(int sheddable, int threads, int reserved) {
        this(sheddable, threads, reserved, PAUSE_MS);
    }

    /** With refusals answered after {@code pauseMillis} (see {@link #pause()}). */
    public Admission(int sheddable, int threads, int reserved, long pauseMillis) {
        this.pauseMillis = pauseMillis;
        this.pause = CompletableFuture.delayedExecutor(pauseMillis, TimeUnit.MILLISECONDS);
        int forPublicWork = Math.max(2, threads - reserved);
        int shed = Math.min(sheddable, forPublicWork / 2);
        int render = Math.max(1, forPublicWork - shed);
        this.sheddable = new Semaphore(shed);
        this.renders = new Semaphore(render);
        // As many may wait as run (a few for renders), so waiting never takes more than a handful of threads.
        this.sheddableWaiters = shed;
        this.renderWaiters = Math.min(render, 4);
    }

    /** No limits: for caches built without a server (tools, tests). */
    static final Admission UNLIMITED = new Admission(Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 2, 0);

    /** How long a refused request waits, holding no thread, before its answer. */
    long pauseMillis() {
        return pauseMillis;
    }

    /** Runs what it is given after the pause, on no server thread: where refusals wait. */
    java.util.concurrent.Executor pause() {
        return pause;
    }

    /** A place for a shed-first request; false when there is none. */
    boolean enter() {
        return acquire(sheddable, sheddableWaiters);
    }

    void leave() {
        sheddable.release();
    }

    /**
     * Whether a shed-first request arriving now would be refused: no place free and as many waiting as may wait. Asked
     * before the request reaches the routes ({@link DirectReads}), so that most of a flood is refused before the
     * framework builds anything for it; one that passes still takes its place with {@link #enter()}.
     */
    boolean crowded() {
        return sheddable.availablePermits() == 0 && sheddable.getQueueLength() >= sheddableWaiters;
    }

    /** A place to render a public page no cache holds; false when there is none. */
    boolean startRender() {
        return acquire(renders, renderWaiters);
    }

    void endRender() {
        renders.release();
    }

    /**
     * A place now, or after a short wait when few others wait already: a burst of ordinary traffic is served, while
     * a flood is refused at once (a waiting request holds a server thread, and with 500 waiting the cached readers
     * queued behind them for seconds: bench/flood.sh).
     */
    private static boolean acquire(Semaphore s, int mayWait) {
        if (s.tryAcquire()) return true;
        if (s.getQueueLength() >= mayWait) return false;
        try {
            return s.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Thrown when there is no place: the server answers 503 with {@code Retry-After}. */
    public static final class Overloaded extends RuntimeException {
        public Overloaded(String what) {
            super(what, null, false, false);
        }
    }
}
