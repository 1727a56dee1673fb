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
            String lastFailure = null;
            long lastLogged = 0;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every);
                    work.run();
                    if (lastFailure != null) log.info("{} works again", doing);
                    lastFailure = null;
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // The same failure again (a database that is down) is logged once a minute, not twice a second.
                    Throwable root = e;
                    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
                    String failure = root.getClass().getName();
                    long now = System.nanoTime();
                    if (!failure.equals(lastFailure)) log.warn("{} failed; retrying every {}", doing, every, e);
                    else if (now - lastLogged > 60_000_000_000L) log.warn("{} still fails: {}", doing, root.toString());
                    else continue;
                    lastFailure = failure;
                    lastLogged = now;
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
