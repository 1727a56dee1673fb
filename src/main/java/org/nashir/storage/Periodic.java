package org.nashir.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Database work repeated on a virtual thread until stopped: tailing the change feed, flushing counted views,
 * publishing scheduled articles. A round that fails is logged with what was being done and tried again on the
 * next one; nothing else stops the loop.
 */
public final class Periodic implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private final Thread thread;

    private Periodic(Thread thread) {
        this.thread = thread;
    }

    /** Runs {@code work} every {@code every} (first after one interval); {@code doing} names it in the log. */
    public static Periodic every(Duration every, String doing, Runnable work) {
        return new Periodic(Thread.ofVirtual().name(doing).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every);
                    work.run();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("{} failed; retrying in {}", doing, every, e);
                }
            }
        }));
    }

    /** Stops the loop and waits up to five seconds for a round in progress to end. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
