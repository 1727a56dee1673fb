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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live coverage (تغطية مباشرة): a published article that is live carries short timestamped entries, newest first,
 * with key events pinned above them, until an editor ends the coverage. Every change moves the article's
 * modification time and goes through the change feed, so the cached page and the entries readers poll for are
 * renewed on every node.
 */
public final class LiveStore {
    public static final int BODY_MAX = 2_000;
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    /** One entry; {@code bodyHtml} is sanitized HTML (paragraphs and links). */
    public record Entry(long id, long articleId, String bodyHtml, Long mediaId, boolean pinned, Instant createdAt, Instant updatedAt) {}

    private final Jdbi jdbi;
    private final ChangeFeed changes;
    private final AuditLog audit;
    private final Clock clock;

    public LiveStore(Jdbi jdbi, ChangeFeed changes, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts (or restarts) live coverage on a published article. */
    public void start(long articleId, Account by) {
        jdbi.useTransaction(h -> {
            Instant now = clock.instant();
            int rows = h.createUpdate("""
                    UPDATE article SET live_started_at = COALESCE(live_started_at, :now), live_ended_at = NULL, updated_at = :now
                    WHERE id = :id AND status = 'published'""")
                .bind("id", articleId).bind("now", now).execute();
            if (rows == 0) throw new DeskRefused("article " + articleId + " is not published", "live.error.not-published");
            changes.append(h, ChangeKind.ARTICLE_UPDATED, articleId);
            audit.record(h, Account.idOf(by), "live.started", "article:" + articleId, null);
        });
    }

    /** Ends the coverage: the entries stay, no new ones are taken. */
    public void end(long articleId, Account by) {
        jdbi.useTransaction(h -> {
            Instant now = clock.instant();
            int rows = h.createUpdate("UPDATE article SET live_ended_at = :now, updated_at = :now WHERE id = :id AND live_started_at IS NOT NULL AND live_ended_at IS NULL")
                .bind("id", articleId).bind("now", now).execute();
            if (rows == 0) throw new DeskRefused("article " + articleId + " is not live", "live.error.not-live");
            changes.append(h, ChangeKind.ARTICLE_UPDATED, articleId);
            audit.record(h, Account.idOf(by), "live.ended", "article:" + articleId, null);
        });
    }

    /** Adds an entry to live coverage in progress; refused when the article is not live or the coverage has ended. */
    public long add(long articleId, String text, Long mediaId, Account by) {
        String body = body(text);
        return jdbi.inTransaction(h -> {
            requireLive(h, articleId);
            requireMedia(h, mediaId);
            Instant now = clock.instant();
            long id = h.createUpdate("""
                    INSERT INTO live_entry (article_id, body, media_id, pinned, created_at, updated_at, created_by)
                    VALUES (:a, :b, :m, :pinned, :now, :now, :by)""")
                .bind("a", articleId).bind("b", body).bind("m", mediaId).bind("pinned", false).bind("now", now).bind("by", Account.idOf(by))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            touch(h, articleId, now);
            audit.record(h, Account.idOf(by), "live.entry-added", "article:" + articleId, "entry " + id);
            return id;
        });
    }

    /** Rewrites an entry's text (a typo, a figure updated); allowed after the coverage ended too. */
    public void edit(long articleId, long entryId, String text, Account by) {
        String body = body(text);
        jdbi.useTransaction(h -> {
            Instant now = clock.instant();
            if (h.createUpdate("UPDATE live_entry SET body = :b, updated_at = :now WHERE id = :id AND article_id = :a")
                .bind("b", body).bind("now", now).bind("id", entryId).bind("a", articleId).execute() == 0) {
                throw new DeskRefused("no entry " + entryId + " on " + articleId, "live.error.no-entry");
            }
            touch(h, articleId, now);
            audit.record(h, Account.idOf(by), "live.entry-edited", "article:" + articleId, "entry " + entryId);
        });
    }

    public void delete(long articleId, long entryId, Account by) {
        jdbi.useTransaction(h -> {
            if (h.createUpdate("DELETE FROM live_entry WHERE id = :id AND article_id = :a").bind("id", entryId).bind("a", articleId).execute() == 0) {
                throw new DeskRefused("no entry " + entryId + " on " + articleId, "live.error.no-entry");
            }
            touch(h, articleId, clock.instant());
            audit.record(h, Account.idOf(by), "live.entry-deleted", "article:" + articleId, "entry " + entryId);
        });
    }

    /** Pins a key event above the other entries, or takes it back among them. */
    public void pin(long articleId, long entryId, boolean pinned, Account by) {
        jdbi.useTransaction(h -> {
            if (h.createUpdate("UPDATE live_entry SET pinned = :p WHERE id = :id AND article_id = :a")
                .bind("p", pinned).bind("id", entryId).bind("a", articleId).execute() == 0) {
                throw new DeskRefused("no entry " + entryId + " on " + articleId, "live.error.no-entry");
            }
            touch(h, articleId, clock.instant());
            audit.record(h, Account.idOf(by), pinned ? "live.entry-pinned" : "live.entry-unpinned", "article:" + articleId, "entry " + entryId);
        });
    }

    /** The entries as readers see them: pinned key events first, then the newest first. */
    public List<Entry> listFor(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, article_id, body AS body_html, media_id, pinned, created_at, updated_at FROM live_entry
                WHERE article_id = :a ORDER BY pinned DESC, created_at DESC, id DESC""")
            .bind("a", articleId).map(ConstructorMapper.of(Entry.class)).list());
    }

    /**
     * Entry text as safe HTML: typed text becomes paragraphs with its web addresses linked; HTML (from the API or a
     * paste) goes through the article sanitizer. Empty or over {@link #BODY_MAX} characters is refused, never cut.
     */
    static String body(String text) {
        String t = text == null ? "" : text.replace("\r\n", "\n").strip();
        if (t.isEmpty()) throw new DeskRefused("empty live entry", "live.error.empty");
        if (t.codePointCount(0, t.length()) > BODY_MAX) throw new DeskRefused("live entry too long", "live.error.long");
        if (t.contains("<")) {
            String safe = BodyHtml.sanitize(t);
            if (org.jsoup.Jsoup.parse(safe).text().isBlank()) throw new DeskRefused("live entry without text", "live.error.empty");
            return safe;
        }
        List<String> paragraphs = new ArrayList<>();
        for (String p : t.split("\n\\s*\n|\n")) if (!p.isBlank()) paragraphs.add(linked(p.strip()));
        return BodyHtml.sanitize("<p>" + String.join("</p><p>", paragraphs) + "</p>");
    }

    /** Escapes the text and links the http(s) addresses in it. */
    private static String linked(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = URL.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(BodyHtml.escape(text.substring(last, m.start())));
            String url = m.group();
            out.append("<a href=\"").append(BodyHtml.escape(url)).append("\">").append(BodyHtml.escape(url)).append("</a>");
            last = m.end();
        }
        return out.append(BodyHtml.escape(text.substring(last))).toString();
    }

    private static void requireLive(Handle h, long articleId) {
        var state = h.createQuery("SELECT live_started_at IS NOT NULL AS started, live_ended_at IS NOT NULL AS ended FROM article WHERE id = :id")
            .bind("id", articleId).map((rs, ctx) -> new boolean[] {rs.getBoolean("started"), rs.getBoolean("ended")}).findOne()
            .orElseThrow(() -> new DeskRefused("no article " + articleId, "error.article-not-found"));
        if (!state[0]) throw new DeskRefused("article " + articleId + " is not live", "live.error.not-live");
        if (state[1]) throw new DeskRefused("coverage of " + articleId + " has ended", "live.error.ended");
    }

    private static void requireMedia(Handle h, Long mediaId) {
        if (mediaId != null && h.createQuery("SELECT COUNT(*) FROM media WHERE id = :id").bind("id", mediaId).mapTo(Integer.class).one() == 0) {
            throw new DeskRefused("no media " + mediaId, "error.media-not-found");
        }
    }

    /** The article's modification time moves with its coverage, and its pages are renewed. */
    private void touch(Handle h, long articleId, Instant now) {
        h.createUpdate("UPDATE article SET updated_at = :now WHERE id = :id").bind("now", now).bind("id", articleId).execute();
        changes.append(h, ChangeKind.ARTICLE_UPDATED, articleId);
    }
}
