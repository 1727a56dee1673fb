package org.nashir.article;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.nashir.account.Account;
import org.nashir.account.AuditLog;
import org.nashir.storage.ChangeFeed;
import org.nashir.storage.ChangeKind;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the desk puts first on a page: the lead story (الخبر الرئيسي) and up to {@link #MAX_PINNED} pinned stories
 * after it, on the home page or on one section's page. A pin may lapse at a set time; the scheduler removes it
 * then, once, on whichever node gets there first. Every change goes through the change feed and the audit log.
 */
public final class PinStore {
    /** Pinned stories a page may carry after its lead. */
    public static final int MAX_PINNED = 6;
    public static final String HOME = "home";

    /** A pin as the back office lists it; position 0 is the lead. */
    public record Pin(long id, String scope, long articleId, int position, Instant lapsesAt, String title, String status) {
        public boolean lead() {
            return position == 0;
        }
    }

    private final Jdbi jdbi;
    private final ChangeFeed changes;
    private final AuditLog audit;
    private final Clock clock;

    public PinStore(Jdbi jdbi, ChangeFeed changes, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The scope of a section's page. */
    public static String section(long sectionId) {
        return "section:" + sectionId;
    }

    /** The pins of a page for the back office, lead first, lapsed or not yet visible ones included. */
    public List<Pin> list(String scope) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT p.id, p.scope, p.article_id, p.position, p.lapses_at, a.title, a.status FROM pin p JOIN article a ON a.id = p.article_id
                WHERE p.scope = :scope ORDER BY p.position""")
            .bind("scope", scope).map(ConstructorMapper.of(Pin.class)).list());
    }

    /**
     * What readers see first on a page: the lead (if one is set and visible) and the pinned stories, in the desk's
     * order. A pin past its time or on an article readers cannot see is left out, whether or not the scheduler
     * has removed it yet.
     */
    public Pinned listVisible(String scope) {
        Instant now = clock.instant();
        List<PinnedTeaser> rows = jdbi.withHandle(h -> h.createQuery("SELECT p.position, " + ArticleStore.TEASER_COLUMNS + " " + """
                 FROM pin p JOIN article a ON a.id = p.article_id JOIN section s ON s.id = a.section_id
                 WHERE p.scope = :scope AND (p.lapses_at IS NULL OR p.lapses_at > :now)
                   AND a.status = 'published' AND a.published_at <= :now
                 ORDER BY p.position""")
            .bind("scope", scope).bind("now", now)
            .map((rs, ctx) -> new PinnedTeaser(rs.getInt("position"), ArticleStore.TEASER.map(rs, ctx))).list());
        Teaser lead = null;
        List<Teaser> pinned = new ArrayList<>();
        for (PinnedTeaser r : rows) {
            if (r.position() == 0) lead = r.teaser();
            else pinned.add(r.teaser());
        }
        return new Pinned(lead, List.copyOf(pinned));
    }

    private record PinnedTeaser(int position, Teaser teaser) {}

    /** The lead story (null when none) and the pinned stories of a page. */
    public record Pinned(Teaser lead, List<Teaser> pinned) {
        public static final Pinned NONE = new Pinned(null, List.of());

        /** Whether the page shows this article among its pins already (so the rest of the page leaves it out). */
        public boolean shows(long articleId) {
            return (lead != null && lead.id() == articleId) || pinned.stream().anyMatch(t -> t.id() == articleId);
        }
    }

    /**
     * Pins a published article on a page: as its lead (the former lead becomes the first pinned story) or after
     * the pinned ones. Pinning an article already there moves it. Refused when the article is not published, the
     * time to lapse is not in the future, or the page already has {@link #MAX_PINNED} pinned stories.
     */
    public void pin(String scope, long articleId, boolean lead, Instant lapsesAt, Account by) {
        Instant now = clock.instant();
        if (lapsesAt != null && !lapsesAt.isAfter(now)) throw new DeskRefused("pin lapsing in the past: " + lapsesAt, "desk.error.lapse-past");
        jdbi.useTransaction(h -> {
            boolean published = h.createQuery("SELECT COUNT(*) FROM article WHERE id = :id AND status = 'published'")
                .bind("id", articleId).mapTo(Integer.class).one() > 0;
            if (!published) throw new DeskRefused("article " + articleId + " is not published", "desk.error.not-published");
            h.createUpdate("DELETE FROM pin WHERE scope = :scope AND article_id = :a").bind("scope", scope).bind("a", articleId).execute();
            List<Long> order = slots(h, scope);
            if (lead) {
                Long former = order.set(0, articleId);
                if (former != null) order.add(1, former);
            } else {
                order.add(articleId);
            }
            long pinnedCount = order.size() - 1;
            if (pinnedCount > MAX_PINNED) throw new DeskRefused("page " + scope + " has " + MAX_PINNED + " pinned stories", "desk.error.too-many");
            h.createUpdate("INSERT INTO pin (scope, article_id, position, lapses_at, created_at) VALUES (:scope, :a, :pos, :lapses, :now)")
                .bind("scope", scope).bind("a", articleId).bind("pos", -1).bind("lapses", lapsesAt).bind("now", now).execute();
            renumber(h, scope, order);
            changes.append(h, ChangeKind.DESK_PINS, sectionOf(scope));
            audit.record(h, Account.idOf(by), lead ? "desk.lead" : "desk.pin", "article:" + articleId, scope);
        });
    }

    /** Takes an article off a page's pins; a lead taken off leaves the page without one. */
    public void unpin(String scope, long articleId, Account by) {
        jdbi.useTransaction(h -> {
            List<Long> order = slots(h, scope);
            int i = order.indexOf(articleId);
            if (i < 0) return;
            if (i == 0) order.set(0, null);
            else order.remove(i);
            h.createUpdate("DELETE FROM pin WHERE scope = :scope AND article_id = :a").bind("scope", scope).bind("a", articleId).execute();
            renumber(h, scope, order);
            changes.append(h, ChangeKind.DESK_PINS, sectionOf(scope));
            audit.record(h, Account.idOf(by), "desk.unpin", "article:" + articleId, scope);
        });
    }

    /** Moves a pinned story one place up or down among the pinned ones (the lead is set by pinning as lead). */
    public void move(String scope, long articleId, boolean up, Account by) {
        jdbi.useTransaction(h -> {
            List<Long> order = slots(h, scope);
            int i = order.indexOf(articleId);
            int j = up ? i - 1 : i + 1;
            if (i < 1 || j < 1 || j >= order.size()) return;
            order.set(i, order.get(j));
            order.set(j, articleId);
            renumber(h, scope, order);
            changes.append(h, ChangeKind.DESK_PINS, sectionOf(scope));
            audit.record(h, Account.idOf(by), "desk.move", "article:" + articleId, scope);
        });
    }

    /**
     * Removes the pins whose time has come; returns how many. Every node runs this, and each pin goes once: the
     * DELETE succeeds for one transaction only, which writes the change row.
     */
    public int lapseDue() {
        Instant now = clock.instant();
        List<Pin> due = jdbi.withHandle(h -> h.createQuery("""
                SELECT p.id, p.scope, p.article_id, p.position, p.lapses_at, a.title, a.status FROM pin p JOIN article a ON a.id = p.article_id
                WHERE p.lapses_at <= :now""")
            .bind("now", now).map(ConstructorMapper.of(Pin.class)).list());
        int lapsed = 0;
        for (Pin p : due) {
            boolean mine = jdbi.inTransaction(h -> {
                if (h.createUpdate("DELETE FROM pin WHERE id = :id AND lapses_at <= :now").bind("id", p.id()).bind("now", now).execute() == 0) return false;
                changes.append(h, ChangeKind.DESK_PINS, sectionOf(p.scope()));
                audit.record(h, null, "desk.lapsed", "article:" + p.articleId(), p.scope());
                return true;
            });
            if (mine) lapsed++;
        }
        return lapsed;
    }

    /** The page's pins in order as slots: index 0 is the lead (null when there is none), then the pinned stories. */
    private static List<Long> slots(Handle h, String scope) {
        List<Long> order = new ArrayList<>();
        order.add(null);
        for (var row : h.createQuery("SELECT article_id, position FROM pin WHERE scope = :scope AND position >= 0 ORDER BY position")
                .bind("scope", scope).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getInt(2)}).list()) {
            if (row[1] == 0) order.set(0, row[0]);
            else order.add(row[0]);
        }
        return order;
    }

    /** Writes positions 0..n-1 in {@code order}; a null first entry leaves position 0 (the lead) empty. */
    private static void renumber(Handle h, String scope, List<Long> order) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) == null) continue;
            h.createUpdate("UPDATE pin SET position = :p WHERE scope = :scope AND article_id = :a")
                .bind("p", i).bind("scope", scope).bind("a", order.get(i)).execute();
        }
    }

    private static long sectionOf(String scope) {
        return scope.startsWith("section:") ? Long.parseLong(scope.substring("section:".length())) : 0;
    }
}
