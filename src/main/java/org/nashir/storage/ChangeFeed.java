package org.nashir.storage;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@code change} table: every write readers can see appends a row in the same transaction as the write,
 * and every node tails the table to update what it derived from the database (cached pages, the search index).
 * Replaying from the last applied sequence means nothing is lost between "committed" and "applied". On PostgreSQL a
 * commit also notifies the other nodes ({@code NOTIFY}), which apply it at once; the periodic tail is the safety net.
 * Rows every live node has applied and older than {@link #KEEP} are pruned, so the table does not grow for ever: a
 * node whose search index is older than the feed rebuilds it from the articles.
 */
public final class ChangeFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    /** One visible change: its kind (such as {@link ChangeKind#ARTICLE_PUBLISHED}) and the entity it is about. */
    public record Change(long seq, ChangeKind kind, long entityId) {
        public ChangeKind.Entity entity() {
            return kind.entity();
        }
    }

    /** Changes are kept at least this long, whatever the nodes have applied: a node down for less catches up. */
    public static final Duration KEEP = Duration.ofDays(7);
    /** A node not heard from for this long no longer holds pruning back. */
    static final Duration LIVE = Duration.ofMinutes(10);
    private static final String CHANNEL = "nashir_change";

    private final Jdbi jdbi;
    /** This process, in {@code feed_position}. */
    private final String node = java.util.UUID.randomUUID().toString();
    private volatile boolean closed;
    private volatile Thread listener;
    private volatile Periodic housekeeper;
    private final Dialect dialect;
    private final Clock clock;
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> afterPoll = new CopyOnWriteArrayList<>();
    /** Transactions that appended a change and will poll once when they commit. */
    private final Set<Handle> pollOnCommit = ConcurrentHashMap.newKeySet();
    private volatile long applied;
    private final java.util.concurrent.atomic.LongAdder appliedCount = new java.util.concurrent.atomic.LongAdder();
    private volatile long lagMillis;
    private volatile Periodic tailer;

    public ChangeFeed(Database db, Clock clock) {
        this.jdbi = db.jdbi();
        this.dialect = db.dialect();
        this.clock = clock;
        this.applied = latestSeq();
    }

    /**
     * Appends a change inside the caller's transaction, and applies it on this node as soon as that transaction
     * commits (other nodes find it when they tail the table). This is the one way a writer tells the feed: there
     * is no separate call to forget after the commit, and a rolled-back write reports nothing.
     */
    public void append(Handle h, ChangeKind kind, long entityId) {
        if (!h.isInTransaction()) throw new IllegalStateException(kind.code() + " of " + entityId + " must be written in the transaction of the write it reports");
        if (dialect == Dialect.POSTGRESQL) {
            // A sequence hands out numbers in call order, not commit order; holding this lock until commit makes
            // the two agree, so a tailer that has seen seq N will never later find an N-1 committed behind it.
            h.execute("SELECT pg_advisory_xact_lock(7366)");
            // Delivered at commit, once per transaction however many changes it appends.
            h.execute("NOTIFY " + CHANNEL);
        }
        h.createUpdate("INSERT INTO change (kind, entity, entity_id, happened_at) VALUES (:kind, :entity, :id, :at)")
            .bind("kind", kind.code()).bind("entity", kind.entity().code()).bind("id", entityId).bind("at", clock.instant())
            .execute();
        if (pollOnCommit.add(h)) {
            h.afterRollback(() -> pollOnCommit.remove(h));
            h.afterCommit(() -> {
                pollOnCommit.remove(h);
                try {
                    poll();
                } catch (RuntimeException e) {
                    // The write itself is committed; the tailer applies its change on its next round.
                    log.warn("applying changes after a commit failed; the tailer will retry", e);
                }
            });
        }
    }

    public void subscribe(Consumer<Change> listener) {
        listeners.add(listener);
    }

    /** Runs after every poll, with or without changes: where a subscriber commits what the changes did. */
    public void afterEachPoll(Runnable action) {
        afterPoll.add(action);
    }

    /** Applies every change committed since the last call; returns how many. Safe to call from any thread. */
    public synchronized int poll() {
        record Row(Change change, Instant at) {}
        List<Row> rows = jdbi.withHandle(h -> h.createQuery(
                "SELECT seq, kind, entity_id, happened_at FROM change WHERE seq > :after ORDER BY seq LIMIT 1000")
            .bind("after", applied)
            .map((rs, ctx) -> new Row(new Change(rs.getLong(1), ChangeKind.of(rs.getString(2)), rs.getLong(3)),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, 4, ctx)))
            .list());
        for (Row r : rows) {
            for (Consumer<Change> l : listeners) l.accept(r.change());
            applied = r.change().seq();
            appliedCount.increment();
            lagMillis = Math.max(0, clock.millis() - r.at().toEpochMilli());
        }
        for (Runnable r : afterPoll) r.run();
        return rows.size();
    }

    /**
     * The feed as gauges: changes applied here, and how long after it was committed the last one was applied (on
     * one node, milliseconds; on several, the tailer's interval plus the clocks' difference).
     */
    public void bindTo(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.FunctionCounter.builder("nashir.changes.applied", appliedCount, java.util.concurrent.atomic.LongAdder::sum)
            .register(registry);
        io.micrometer.core.instrument.Gauge.builder("nashir.changes.lag", this, f -> f.lagMillis / 1000.0).baseUnit("seconds")
            .description("from the commit of the last applied change to its application on this node").register(registry);
    }

    public long appliedSeq() {
        return applied;
    }

    /** Changes after {@code seq}, oldest first, at most {@code limit}: for a subscriber catching up from its own position. */
    public List<Change> listAfter(long seq, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, kind, entity_id FROM change WHERE seq > :after ORDER BY seq LIMIT :limit")
            .bind("after", seq).bind("limit", limit)
            .map((rs, ctx) -> new Change(rs.getLong(1), ChangeKind.of(rs.getString(2)), rs.getLong(3)))
            .list());
    }

    public long latest() {
        return latestSeq();
    }

    private long latestSeq() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM change").mapTo(Long.class).one());
    }

    /** The oldest change kept (0 when there is none): an index stamped before it has missed pruned changes. */
    public long oldest() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MIN(seq), 0) FROM change").mapTo(Long.class).one());
    }

    /**
     * Tails the table every {@code every} on a virtual thread, so writes made by other nodes reach this one; on
     * PostgreSQL also listens for their notifications. Once a minute, records how far this node has applied the feed
     * and prunes what every live node has applied and is older than {@link #KEEP}.
     */
    public void start(Duration every) {
        tailer = Periodic.every(every, "change feed poll", this::poll);
        housekeeper = Periodic.every(Duration.ofMinutes(1), "change feed position and pruning", this::prune);
        if (dialect == Dialect.POSTGRESQL) listener = Thread.ofVirtual().name("change feed listener").start(this::listen);
    }

    /**
     * Keeps a connection listening for other nodes' commits and applies them as they come; reconnects after a
     * second when the database goes away (the tail keeps working meanwhile, or fails just the same).
     */
    private void listen() {
        while (!closed) {
            try (Handle h = jdbi.open()) {
                h.execute("LISTEN " + CHANNEL);
                org.postgresql.PGConnection pg = h.getConnection().unwrap(org.postgresql.PGConnection.class);
                while (!closed) {
                    org.postgresql.PGNotification[] got = pg.getNotifications(1000);
                    if (got != null && got.length > 0) poll();
                }
            } catch (Exception e) {
                if (closed) return;
                log.debug("change feed listener: {}; reconnecting", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Records this node's position, forgets nodes long gone, and deletes the changes no live node still needs. */
    public void prune() {
        long now = clock.millis();
        long applied = this.applied;
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE feed_position SET seq = :seq, seen_at = :now WHERE node = :node")
                .bind("seq", applied).bind("now", now).bind("node", node).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO feed_position (node, seq, seen_at) VALUES (:node, :seq, :now)")
                    .bind("node", node).bind("seq", applied).bind("now", now).execute();
            }
            h.createUpdate("DELETE FROM feed_position WHERE seen_at < :gone").bind("gone", now - 7 * LIVE.toMillis()).execute();
            // The newest row always stays: a new node's index compares its stamp with the oldest row kept.
            h.createUpdate("""
                    DELETE FROM change WHERE seq < (SELECT MIN(seq) FROM feed_position WHERE seen_at >= :live)
                      AND seq < (SELECT MAX(seq) FROM change) AND happened_at < :keep""")
                .bind("live", now - LIVE.toMillis()).bind("keep", clock.instant().minus(KEEP)).execute();
        });
    }

    @Override
    public void close() {
        closed = true;
        Periodic t = tailer;
        if (t != null) t.close();
        Periodic k = housekeeper;
        if (k != null) k.close();
        Thread l = listener;
        if (l != null) {
            l.interrupt();
            try {
                l.join(Duration.ofSeconds(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
