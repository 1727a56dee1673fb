package org.nashir.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts by key in fixed windows (a window of 15 minutes is 09:00–09:15, 09:15–09:30… by the site's clock): what rate
 * limits and sign-in throttles need. On PostgreSQL the counts are rows every node of a cluster shares, incremented by
 * an atomic upsert, so five wrong passwords lock an account whichever nodes they reach; on SQLite (one node) they
 * stay in memory. Rows of windows that ended are deleted once a minute.
 */
public final class Counters {
    private final Database db;
    private final Clock clock;
    private final boolean shared;
    /** The in-memory counts (one node), each kept until its window ends. */
    private final Cache<String, AtomicInteger> local;
    private volatile Periodic sweeper;

    /** {@code maxLocal}: how many in-memory counts one node keeps at most (they are the first thing a flood fills). */
    public Counters(Database db, Clock clock, long maxLocal) {
        this(db, clock, maxLocal, db.dialect() == Dialect.POSTGRESQL);
    }

    /**
     * Counts kept in this node's memory whatever the database: for limits that guard one node's own work and would
     * cost more shared than they save (the view beacon's, hit on every read).
     */
    public static Counters local(Clock clock, long maxLocal) {
        return new Counters(null, clock, maxLocal, false);
    }

    private Counters(Database db, Clock clock, long maxLocal, boolean shared) {
        this.db = db;
        this.clock = clock;
        this.shared = shared;
        this.local = Caffeine.newBuilder().maximumSize(maxLocal)
            .expireAfter(new com.github.benmanes.caffeine.cache.Expiry<String, AtomicInteger>() {
                public long expireAfterCreate(String key, AtomicInteger n, long now) {
                    return Math.max(0, (windowEnd(key) - clock.millis()) * 1_000_000L);
                }

                public long expireAfterUpdate(String key, AtomicInteger n, long now, long left) {
                    return left;
                }

                public long expireAfterRead(String key, AtomicInteger n, long now, long left) {
                    return left;
                }
            }).ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** Whether the counts are shared by every node (PostgreSQL). */
    public boolean shared() {
        return shared;
    }

    /** Counts one more for {@code name} in the current {@code window}; returns the window's count with it. */
    public int increment(String name, Duration window) {
        String key = key(name, window);
        if (!shared) return local.get(key, k -> new AtomicInteger()).incrementAndGet();
        return db.jdbi().inTransaction(h -> {
            // A count lost in a crash costs nothing: no need to wait for the disk on each search.
            h.execute("SET LOCAL synchronous_commit TO OFF");
            return h.createQuery("INSERT INTO counter (key, count, expires_at) VALUES (:key, 1, :expires) "
                    + "ON CONFLICT (key) DO UPDATE SET count = counter.count + 1 RETURNING count")
                .bind("key", key).bind("expires", windowEnd(key)).mapTo(Integer.class).one();
        });
    }

    /** The count of {@code name} in the current {@code window}. */
    public int count(String name, Duration window) {
        String key = key(name, window);
        if (!shared) {
            AtomicInteger n = local.getIfPresent(key);
            return n == null ? 0 : n.get();
        }
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count FROM counter WHERE key = :key").bind("key", key)
            .mapTo(Integer.class).findOne().orElse(0));
    }

    /** Forgets {@code name}'s count in the current {@code window} (a right password after wrong ones). */
    public void reset(String name, Duration window) {
        String key = key(name, window);
        if (!shared) {
            local.invalidate(key);
            return;
        }
        db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM counter WHERE key = :key").bind("key", key).execute());
    }

    /** Seconds until the current {@code window} ends, for {@code Retry-After}. */
    public long secondsLeft(Duration window) {
        long ms = window.toMillis();
        return Math.max(1, (ms - Math.floorMod(clock.millis(), ms) + 999) / 1000);
    }

    /** Deletes the shared counts of windows that ended, every minute (any node may; they agree on what ended). */
    public void start() {
        if (!shared) return;
        sweeper = Periodic.every(Duration.ofMinutes(1), "expired counters", () -> {
            long now = clock.millis();
            db.jdbi().useHandle(h -> {
                h.createUpdate("DELETE FROM counter WHERE expires_at < :now").bind("now", now).execute();
                h.createUpdate("DELETE FROM view_seen WHERE expires_at < :now").bind("now", now).execute();
            });
        });
    }

    public void stop() {
        Periodic p = sweeper;
        if (p != null) p.close();
    }

    /**
     * {@code name@window-length@window-number}: a new window is a new key, so no count is ever reset by time.
     * Names longer than the column are hashed (an address or an e-mail never is that long, but a caller's input may be).
     */
    private String key(String name, Duration window) {
        long ms = window.toMillis();
        String key = name + "@" + ms + "@" + Math.floorDiv(clock.millis(), ms);
        if (key.length() <= 200) return key;
        return Integer.toHexString(name.hashCode()) + ":" + name.substring(0, 100) + "@" + ms + "@" + Math.floorDiv(clock.millis(), ms);
    }

    /** The end of the window a key names, in epoch milliseconds. */
    private static long windowEnd(String key) {
        int last = key.lastIndexOf('@');
        int before = key.lastIndexOf('@', last - 1);
        long ms = Long.parseLong(key.substring(before + 1, last));
        return (Long.parseLong(key.substring(last + 1)) + 1) * ms;
    }
}
