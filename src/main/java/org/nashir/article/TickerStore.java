package org.nashir.article;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.nashir.account.Account;
import org.nashir.account.AuditLog;
import org.nashir.storage.ChangeFeed;
import org.nashir.storage.ChangeKind;
import org.nashir.web.NavLink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The عاجل ticker: urgent articles (shown by their title, linked) and short urgent lines with an optional link,
 * each until its expiry (two hours unless the editor says otherwise). Every public page shows the live lines,
 * newest first. Expiry is a scheduled change: the scheduler ends an expired line once, on whichever node gets
 * there first, and the change feed drops the cached pages that showed it.
 */
public final class TickerStore {
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(2);
    /** A line longer than a headline does not belong in a ticker. */
    public static final int TEXT_MAX = 200;
    /** How long a line may stay: a day; past that it is not breaking news any more. */
    public static final Duration LONGEST = Duration.ofHours(24);

    /** One line as the back office lists it; {@code text} is the article's title for an urgent article. */
    public record Line(long id, Long articleId, String text, String link, Instant createdAt, Instant expiresAt) {
        /** Where the line leads: the article, the editor's link, or nowhere. */
        public String href() {
            if (articleId != null) return Article.path(articleId);
            return link == null || link.isBlank() ? null : link;
        }
    }

    private static final String LIVE = "t.ended_at IS NULL AND t.expires_at > :now AND (t.article_id IS NULL OR (a.status = 'published' AND a.published_at <= :now))";
    private static final String LINE = "SELECT t.id, t.article_id, COALESCE(t.text, a.title) AS text, t.link, t.created_at, t.expires_at "
        + "FROM ticker t LEFT JOIN article a ON a.id = t.article_id";

    private final Jdbi jdbi;
    private final ChangeFeed changes;
    private final AuditLog audit;
    private final Clock clock;

    public TickerStore(Jdbi jdbi, ChangeFeed changes, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The live lines, newest first. */
    public List<Line> listLive() {
        return jdbi.withHandle(h -> h.createQuery(LINE + " WHERE " + LIVE + " ORDER BY t.created_at DESC, t.id DESC")
            .bind("now", clock.instant()).map(ConstructorMapper.of(Line.class)).list());
    }

    /** The live lines as the layout shows them on every page. */
    public List<NavLink> listLiveLinks() {
        return listLive().stream().map(l -> new NavLink(l.href(), l.text())).toList();
    }

    /** The articles urgent now, for feeds and the API to mark. */
    public Set<Long> listUrgentArticleIds() {
        return Set.copyOf(jdbi.withHandle(h -> h.createQuery("SELECT t.article_id FROM ticker t JOIN article a ON a.id = t.article_id WHERE " + LIVE)
            .bind("now", clock.instant()).mapTo(Long.class).list()));
    }

    /** The instant an article stops being urgent, if it is urgent now. */
    public java.util.Optional<Instant> findUrgentUntil(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(t.expires_at) FROM ticker t JOIN article a ON a.id = t.article_id WHERE t.article_id = :id AND " + LIVE)
            .bind("id", articleId).bind("now", clock.instant()).mapTo(Instant.class).findOne());
    }

    /** Marks a published article urgent until {@code expiresAt} (an article already urgent gets the new expiry). */
    public long addArticle(long articleId, Instant expiresAt, Account by) {
        checkExpiry(expiresAt);
        return jdbi.inTransaction(h -> {
            boolean published = h.createQuery("SELECT COUNT(*) FROM article WHERE id = :id AND status = 'published'")
                .bind("id", articleId).mapTo(Integer.class).one() > 0;
            if (!published) throw new DeskRefused("article " + articleId + " is not published", "desk.error.not-published");
            h.createUpdate("UPDATE ticker SET ended_at = :now WHERE article_id = :a AND ended_at IS NULL").bind("a", articleId).bind("now", clock.instant()).execute();
            long id = insert(h, articleId, null, null, expiresAt, by);
            audit.record(h, Account.idOf(by), "ticker.article", "article:" + articleId, "until " + expiresAt);
            return id;
        });
    }

    /** Adds a short urgent line, with an optional http(s) link, until {@code expiresAt}. */
    public long addLine(String text, String link, Instant expiresAt, Account by) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) throw new DeskRefused("empty ticker line", "desk.error.ticker-text");
        if (clean.codePointCount(0, clean.length()) > TEXT_MAX) throw new DeskRefused("ticker line too long", "desk.error.ticker-long");
        String url = link == null ? "" : link.strip();
        if (!url.isEmpty() && !url.matches("(?i)https?://\\S+") && !url.matches("/[^/\\s]\\S*")) {
            throw new DeskRefused("ticker link " + url, "desk.error.ticker-link");
        }
        checkExpiry(expiresAt);
        return jdbi.inTransaction(h -> {
            long id = insert(h, null, clean, url.isEmpty() ? null : url, expiresAt, by);
            audit.record(h, Account.idOf(by), "ticker.line", "ticker:" + id, clean);
            return id;
        });
    }

    /** Takes a line down before its time. */
    public void end(long id, Account by) {
        jdbi.useTransaction(h -> {
            if (h.createUpdate("UPDATE ticker SET ended_at = :now WHERE id = :id AND ended_at IS NULL").bind("id", id).bind("now", clock.instant()).execute() == 0) return;
            changes.append(h, ChangeKind.DESK_TICKER, id);
            audit.record(h, Account.idOf(by), "ticker.ended", "ticker:" + id, null);
        });
    }

    /**
     * Ends the lines whose time has come; returns how many. Every node runs this; each line ends once, by the one
     * transaction whose conditional UPDATE succeeds, which also writes the change row.
     */
    public int endDue() {
        Instant now = clock.instant();
        List<Long> due = jdbi.withHandle(h -> h.createQuery("SELECT id FROM ticker WHERE ended_at IS NULL AND expires_at <= :now")
            .bind("now", now).mapTo(Long.class).list());
        int ended = 0;
        for (long id : due) {
            boolean mine = jdbi.inTransaction(h -> {
                if (h.createUpdate("UPDATE ticker SET ended_at = expires_at WHERE id = :id AND ended_at IS NULL AND expires_at <= :now")
                    .bind("id", id).bind("now", now).execute() == 0) return false;
                changes.append(h, ChangeKind.DESK_TICKER, id);
                return true;
            });
            if (mine) ended++;
        }
        return ended;
    }

    private long insert(org.jdbi.v3.core.Handle h, Long articleId, String text, String link, Instant expiresAt, Account by) {
        long id = h.createUpdate("INSERT INTO ticker (article_id, text, link, created_at, expires_at, created_by) VALUES (:a, :t, :l, :now, :until, :by)")
            .bind("a", articleId).bind("t", text).bind("l", link).bind("now", clock.instant()).bind("until", expiresAt).bind("by", Account.idOf(by))
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        changes.append(h, ChangeKind.DESK_TICKER, id);
        return id;
    }

    private void checkExpiry(Instant expiresAt) {
        Instant now = clock.instant();
        if (expiresAt == null || !expiresAt.isAfter(now)) throw new DeskRefused("ticker expiry in the past: " + expiresAt, "desk.error.expiry-past");
        if (expiresAt.isAfter(now.plus(LONGEST))) throw new DeskRefused("ticker expiry beyond a day: " + expiresAt, "desk.error.expiry-far");
    }
}
