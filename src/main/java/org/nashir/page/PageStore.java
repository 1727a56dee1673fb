package org.nashir.page;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.nashir.account.Account;
import org.nashir.arabic.Slug;
import org.nashir.article.BodyHtml;
import org.nashir.storage.ChangeFeed;
import org.nashir.storage.ChangeKind;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Static pages: من نحن، هيئة التحرير، اتصل بنا، سياسة الخصوصية، أعلن معنا. A page lives at {@code /page/{slug}}, or
 * one level down under another page; every save is a revision and goes through the change feed (menus and the
 * sitemap show pages). Pages are not news: they are in the sitemap, never in feeds or search.
 */
public final class PageStore {
    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    static final int TITLE_MAX = 200, BODY_MAX = 200_000;

    /** A page as stored; {@code parentSlug} is its parent's slug, or null for a page at the top. */
    public record Page(long id, Long parentId, String parentSlug, String slug, String title, String body, String status, int version,
                       Instant createdAt, Instant updatedAt) {
        public String path() {
            String enc = java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8);
            return parentSlug == null ? "/page/" + enc : "/page/" + java.net.URLEncoder.encode(parentSlug, java.nio.charset.StandardCharsets.UTF_8) + "/" + enc;
        }

        public boolean published() {
            return PUBLISHED.equals(status);
        }
    }

    /** A save's fields as submitted; {@code parentId} 0 for a page at the top. */
    public record PageForm(String title, String body, long parentId, String status, int expectedVersion) {
        /** Field → message key; empty when the page can be saved. */
        public Map<String, String> check() {
            Map<String, String> errors = new LinkedHashMap<>();
            if (title.isBlank()) errors.put("title", "page.error.title");
            else if (title.codePointCount(0, title.length()) > TITLE_MAX) errors.put("title", "page.error.title-long");
            if (org.jsoup.Jsoup.parse(BodyHtml.sanitize(body)).text().isBlank()) errors.put("body", "page.error.body");
            else if (body.length() > BODY_MAX) errors.put("body", "page.error.body-long");
            if (!DRAFT.equals(status) && !PUBLISHED.equals(status)) errors.put("status", "page.error.status");
            return errors;
        }
    }

    /** A save refused for a reason the editor can fix: a message key. Nothing was written. */
    public static final class Refused extends RuntimeException {
        private final String messageKey;

        Refused(String english, String messageKey) {
            super(english, null, false, false);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private static final String SELECT = "SELECT p.id, p.parent_id, pp.slug AS parent_slug, p.slug, p.title, p.body, p.status, p.version, "
        + "p.created_at, p.updated_at FROM page p LEFT JOIN page pp ON pp.id = p.parent_id";

    private final Jdbi jdbi;
    private final ChangeFeed changes;
    private final Clock clock;

    public PageStore(Jdbi jdbi, ChangeFeed changes, Clock clock) {
        this.jdbi = jdbi;
        this.changes = changes;
        this.clock = clock;
    }

    /** Every page, top-level ones first and each followed by its children, by title. */
    public List<Page> listAll() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " ORDER BY COALESCE(pp.title, p.title), p.parent_id IS NOT NULL, p.title")
            .map(ConstructorMapper.of(Page.class)).list());
    }

    public List<Page> listPublished() {
        return listAll().stream().filter(Page::published).filter(p -> p.parentId() == null || isPublished(p.parentId())).toList();
    }

    public Optional<Page> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE p.id = :id").bind("id", id).map(ConstructorMapper.of(Page.class)).findOne());
    }

    /** The published page at {@code /page/{parent}/{slug}} ({@code parent} null for a page at the top). */
    public Optional<Page> findPublished(String parentSlug, String slug) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE p.slug = :slug AND p.status = 'published' AND "
                + (parentSlug == null ? "p.parent_id IS NULL" : "pp.slug = :parent AND pp.parent_id IS NULL AND pp.status = 'published'"))
            .bind("slug", slug).bind("parent", parentSlug).map(ConstructorMapper.of(Page.class)).findOne());
    }

    /**
     * Creates ({@code id} null) or saves a page; returns its id. The slug is made from the title and kept unique among
     * its siblings; a stale version is refused; the parent must be a page at the top (one level of nesting).
     */
    public long save(Long id, PageForm f, Account by) {
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            Long parent = f.parentId() == 0 ? null : f.parentId();
            if (parent != null) {
                if (id != null && parent.equals(id)) throw new Refused("page " + id + " under itself", "page.error.parent");
                // A top-level parent's own parent_id is NULL, which findOne would not tell from a missing row: count instead.
                int topLevel = h.createQuery("SELECT COUNT(*) FROM page WHERE id = :id AND parent_id IS NULL").bind("id", parent).mapTo(Integer.class).one();
                if (topLevel == 0) throw new Refused("parent " + parent + " is missing or itself nested", "page.error.parent");
                if (id != null && h.createQuery("SELECT COUNT(*) FROM page WHERE parent_id = :id").bind("id", id).mapTo(Integer.class).one() > 0) {
                    throw new Refused("page " + id + " has pages under it", "page.error.parent");
                }
            }
            String title = f.title().strip();
            String body = BodyHtml.sanitize(f.body());
            long pageId;
            int version;
            if (id == null) {
                pageId = h.createUpdate("""
                        INSERT INTO page (parent_id, slug, title, body, status, version, created_at, updated_at)
                        VALUES (:parent, :slug, :title, :body, :status, 1, :now, :now)""")
                    .bind("parent", parent).bind("slug", uniqueSlug(h, parent, title, null)).bind("title", title).bind("body", body)
                    .bind("status", f.status()).bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                version = 1;
            } else {
                int rows = h.createUpdate("""
                        UPDATE page SET parent_id = :parent, slug = :slug, title = :title, body = :body, status = :status,
                               version = version + 1, updated_at = :now
                        WHERE id = :id AND version = :expected""")
                    .bind("parent", parent).bind("slug", uniqueSlug(h, parent, title, id)).bind("title", title).bind("body", body)
                    .bind("status", f.status()).bind("now", now).bind("id", id).bind("expected", f.expectedVersion()).execute();
                if (rows == 0) throw new Refused("page " + id + " was saved since version " + f.expectedVersion(), "page.error.stale");
                pageId = id;
                version = f.expectedVersion() + 1;
            }
            h.createUpdate("INSERT INTO page_revision (page_id, version, title, body, account_id, saved_at) VALUES (:p, :v, :t, :b, :a, :now)")
                .bind("p", pageId).bind("v", version).bind("t", title).bind("b", body).bind("a", Account.idOf(by)).bind("now", now).execute();
            changes.append(h, ChangeKind.PAGE_SAVED, pageId);
            return pageId;
        });
    }

    /** Remembers an address the page had on the old site (a {@code LegacyPaths} key); a key already taken stays. */
    public void addLegacyPath(String key, long pageId) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO page_legacy_path (path, page_id) VALUES (:p, :id) ON CONFLICT (path) DO NOTHING")
            .bind("p", key).bind("id", pageId).execute());
    }

    /** The published page an old address belongs to. */
    public Optional<Page> findByLegacyPath(String key) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " JOIN page_legacy_path l ON l.page_id = p.id WHERE l.path = :key AND p.status = 'published'")
            .bind("key", key).map(ConstructorMapper.of(Page.class)).findOne());
    }

    /** Whether an old address is already known (an import run again leaves its pages alone). */
    public boolean hasLegacyPath(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM page_legacy_path WHERE path = :key").bind("key", key).mapTo(Integer.class).one()) > 0;
    }

    /** How many revisions a page has (each save is one). */
    public int countRevisions(long pageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM page_revision WHERE page_id = :p").bind("p", pageId).mapTo(Integer.class).one());
    }

    private boolean isPublished(long id) {
        return findById(id).map(Page::published).orElse(false);
    }

    /** The title's slug, with -2, -3… when a sibling already has it. */
    private static String uniqueSlug(Handle h, Long parent, String title, Long self) {
        String base = Slug.of(title);
        if (base.isEmpty()) base = "page";
        String slug = base;
        for (int n = 2; taken(h, parent, slug, self); n++) slug = base + "-" + n;
        return slug;
    }

    private static boolean taken(Handle h, Long parent, String slug, Long self) {
        return h.createQuery("SELECT COUNT(*) FROM page WHERE COALESCE(parent_id, 0) = :parent AND slug = :slug AND id <> :self")
            .bind("parent", parent == null ? 0L : parent).bind("slug", slug).bind("self", self == null ? -1L : self).mapTo(Integer.class).one() > 0;
    }
}
