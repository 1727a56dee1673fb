package org.nashir.account;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Who did what and when: sign-ins, publishing, deletions, role changes. Admins read it in the back office. */
public final class AuditLog {
    public record Entry(Instant at, String who, String action, String target, String detail) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void record(Long accountId, String action, String target, String detail) {
        jdbi.useHandle(h -> record(h, accountId, action, target, detail));
    }

    /** Inside the caller's transaction, so the entry exists exactly when the action happened. */
    public void record(Handle h, Long accountId, String action, String target, String detail) {
        h.createUpdate("INSERT INTO audit (at, account_id, action, target, detail) VALUES (:at, :a, :action, :target, :detail)")
            .bind("at", clock.instant()).bind("a", accountId).bind("action", action).bind("target", target).bind("detail", detail).execute();
    }

    public List<Entry> listLatest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT l.at, COALESCE(a.name, '—') AS who, l.action, l.target, l.detail
                FROM audit l LEFT JOIN account a ON a.id = l.account_id ORDER BY l.at DESC, l.id DESC LIMIT :limit""")
            .bind("limit", limit)
            .map((rs, ctx) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("who"), rs.getString("action"),
                rs.getString("target"), rs.getString("detail"))).list());
    }
}
