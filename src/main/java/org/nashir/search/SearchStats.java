package org.nashir.search;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.nashir.arabic.ArabicStemmer;
import org.nashir.storage.Periodic;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What readers search for, so editors can add names and synonyms: each search is counted in memory under its folded
 * form and written as one row per query and day every few seconds. Nothing about the reader is kept. A flood of
 * distinct queries cannot grow the table without bound: a day keeps at most {@link #QUERIES_PER_DAY} queries (after
 * that only those already counted go on counting), and days older than {@link #KEEP_DAYS} are deleted.
 */
public final class SearchStats {
    static final int QUERIES_PER_DAY = 5_000;
    static final int KEEP_DAYS = 30;
    static final int MAX_CHARS = 200;
    /** Distinct queries held between two writes at most; more are not counted (and said so in the log's totals). */
    static final int PENDING_MAX = 20_000;

    public record Line(String shown, long searches, long empty) {}

    private record Count(String shown, LongAdder searches, LongAdder empty) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final ZoneId zone;
    private final ConcurrentHashMap<String, Count> pending = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();
    private volatile Periodic writer;

    public SearchStats(Jdbi jdbi, Clock clock, ZoneId zone) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.zone = zone;
    }

    /** Counts one search of {@code typed} that found {@code total} articles. */
    public void record(String typed, long total) {
        String shown = SearchQuery.clean(typed).strip().replaceAll("\\s+", " ");
        if (shown.isEmpty()) return;
        if (shown.length() > MAX_CHARS) shown = shown.substring(0, MAX_CHARS);
        String folded = ArabicStemmer.foldPhrase(shown);
        if (folded.isEmpty()) return;
        if (folded.length() > MAX_CHARS) folded = folded.substring(0, MAX_CHARS);
        Count c = pending.get(folded);
        if (c == null) {
            if (pending.size() >= PENDING_MAX) {
                dropped.increment();
                return;
            }
            String first = shown;
            c = pending.computeIfAbsent(folded, k -> new Count(first, new LongAdder(), new LongAdder()));
        }
        c.searches().increment();
        if (total == 0) c.empty().increment();
    }

    public void start(Duration every) {
        writer = Periodic.every(every, "search statistics", this::flush);
    }

    /** Stops writing; what is still counted is written now, or lost with a log line if the database cannot take it. */
    public void stop() {
        if (writer != null) writer.close();
        try {
            flush();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SearchStats.class).warn("search statistics of the last seconds not written: {}", e.toString());
        }
    }

    /** Writes what was counted since the last write, and forgets days past {@link #KEEP_DAYS}. */
    public void flush() {
        if (pending.isEmpty()) return;
        Map<String, Count> batch = new java.util.HashMap<>();
        for (String key : new ArrayList<>(pending.keySet())) {
            Count c = pending.remove(key);
            if (c != null) batch.put(key, c);
        }
        if (batch.isEmpty()) return;
        long day = today();
        jdbi.useTransaction(h -> {
            PreparedBatch known = h.prepareBatch("UPDATE search_stat SET searches = searches + :n, empty = empty + :e WHERE day = :day AND folded = :folded");
            for (var e : batch.entrySet()) {
                known.bind("n", e.getValue().searches().sum()).bind("e", e.getValue().empty().sum()).bind("day", day).bind("folded", e.getKey()).add();
            }
            int[] updated = known.execute();
            long room = QUERIES_PER_DAY - h.createQuery("SELECT COUNT(*) FROM search_stat WHERE day = :day").bind("day", day).mapTo(Long.class).one();
            PreparedBatch fresh = h.prepareBatch("""
                INSERT INTO search_stat (day, folded, shown, searches, empty) VALUES (:day, :folded, :shown, :n, :e)
                ON CONFLICT (day, folded) DO UPDATE SET searches = search_stat.searches + excluded.searches, empty = search_stat.empty + excluded.empty""");
            int i = 0, added = 0;
            for (var e : batch.entrySet()) {
                if (updated[i++] > 0) continue;
                if (added++ >= room) {
                    dropped.add(e.getValue().searches().sum());
                    continue;
                }
                fresh.bind("day", day).bind("folded", e.getKey()).bind("shown", e.getValue().shown())
                    .bind("n", e.getValue().searches().sum()).bind("e", e.getValue().empty().sum()).add();
            }
            if (fresh.size() > 0) fresh.execute();
            h.createUpdate("DELETE FROM search_stat WHERE day < :old").bind("old", day - KEEP_DAYS).execute();
        });
    }

    /** Searches not counted (a flood of distinct queries past the day's or the memory's bound). */
    public long dropped() {
        return dropped.sum();
    }

    private long today() {
        return LocalDate.ofInstant(clock.instant(), zone).toEpochDay();
    }

    /** The most searched queries of the last {@code days} days (today included). */
    public List<Line> top(int days, int limit) {
        return lines(days, limit, "searches");
    }

    /** The queries that most often found nothing in the last {@code days} days. */
    public List<Line> unanswered(int days, int limit) {
        return lines(days, limit, "empty");
    }

    private List<Line> lines(int days, int limit, String by) {
        String order = by.equals("empty") ? "SUM(empty)" : "SUM(searches)";
        return jdbi.withHandle(h -> h.createQuery("SELECT MIN(shown) AS shown, SUM(searches) AS searches, SUM(empty) AS empty FROM search_stat WHERE day > :since"
                + " GROUP BY folded" + (by.equals("empty") ? " HAVING SUM(empty) > 0" : "") + " ORDER BY " + order + " DESC, MIN(shown) LIMIT :limit")
            .bind("since", today() - days).bind("limit", limit).map(ConstructorMapper.of(Line.class)).list());
    }
}
