package org.nashir;

import io.javalin.Javalin;
import org.nashir.account.AccountRoutes;
import org.nashir.account.AccountStore;
import org.nashir.account.AuditLog;
import org.nashir.account.SignInRoutes;
import org.nashir.account.Throttle;
import org.nashir.api.ApiRoute;
import org.nashir.api.ApiRoutes;
import org.nashir.api.ApiWriteRoutes;
import org.nashir.article.ArchiveRoutes;
import org.nashir.article.ArticleRoutes;
import org.nashir.article.ArticleStore;
import org.nashir.article.EditorPages;
import org.nashir.article.Editing;
import org.nashir.article.TaxonomyRoutes;
import org.nashir.comment.CommentRoutes;
import org.nashir.feed.FeedRoutes;
import org.nashir.comment.CommentStore;
import org.nashir.comment.ModerationRoutes;
import org.nashir.comment.SpamGuard;
import org.nashir.media.MediaRoutes;
import org.nashir.media.MediaStore;
import org.nashir.section.SectionAdminRoutes;
import org.nashir.article.EditorRoutes;
import org.nashir.article.Publishing;
import org.nashir.article.RevisionStore;
import org.nashir.search.SearchIndex;
import org.nashir.search.SearchRoutes;
import org.nashir.search.Searching;
import org.nashir.section.SectionRoutes;
import org.nashir.section.SectionStore;
import org.nashir.site.AdminRoute;
import org.nashir.site.DashboardRoutes;
import org.nashir.site.Guard;
import org.nashir.site.HomeRoutes;
import org.nashir.site.PageCache;
import org.nashir.site.RateLimit;
import org.nashir.site.Site;
import org.nashir.site.Templates;
import org.nashir.site.WebServer;
import org.nashir.storage.ChangeFeed;
import org.nashir.storage.Database;
import org.nashir.views.ViewCounter;
import org.nashir.views.ViewRoutes;
import org.nashir.views.ViewStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.nashir.site.AdminRoute.EDITORS;
import static org.nashir.site.AdminRoute.ADMINS;
import static org.nashir.site.AdminRoute.EVERYONE;
import static org.nashir.site.AdminRoute.MODERATORS;
import static org.nashir.site.AdminRoute.NEWSROOM;
import static org.nashir.site.AdminRoute.get;
import static org.nashir.site.AdminRoute.post;

/**
 * One running Nashir: the database, the stores, the change feed and the web server, wired by hand in one
 * place. The CLI commands and the tests build it the same way.
 */
public final class Nashir implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Nashir.class);

    public final Settings settings;
    public final Clock clock;
    public final Database db;
    public final ChangeFeed changes;
    public final SectionStore sections;
    public final ArticleStore articles;
    public final RevisionStore revisions;
    public final Publishing publishing;
    public final ViewStore viewStore;
    public final ViewCounter views;
    public final PageCache pages;
    public final AccountStore accounts;
    public final AuditLog audit;
    public final Editing editing;
    public final MediaStore media;
    public final CommentStore comments;
    public final SpamGuard spam;
    public final org.nashir.account.ApiTokenStore tokens;
    private Javalin server;
    private SearchIndex index;
    private Searching searching;
    private List<AdminRoute> adminRoutes = List.of();
    private List<ApiRoute> apiRoutes = List.of();
    private Thread scheduler;

    public Nashir(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.db = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        this.changes = new ChangeFeed(db, clock);
        this.sections = new SectionStore(db.jdbi());
        this.articles = new ArticleStore(db.jdbi(), clock);
        this.revisions = new RevisionStore(db.jdbi());
        this.publishing = new Publishing(db.jdbi(), articles, sections, changes, clock);
        this.viewStore = new ViewStore(db.jdbi(), clock);
        this.views = new ViewCounter(viewStore, clock);
        this.pages = new PageCache(settings.pageCacheSeconds());
        this.accounts = new AccountStore(db.jdbi(), clock);
        this.audit = new AuditLog(db.jdbi(), clock);
        this.comments = new CommentStore(db.jdbi(), changes, clock);
        this.spam = new SpamGuard(secret(settings.dataDir()), clock, settings.commentBlocklist(), settings.commentOutcomes(), comments);
        this.tokens = new org.nashir.account.ApiTokenStore(db.jdbi(), clock);
        this.media = new MediaStore(db.jdbi(), settings.dataDir().resolve("media"), clock);
        this.editing = new Editing(db.jdbi(), articles, revisions, changes, audit, clock, settings.timeZone());
        // Every visible change can touch the home page, listings and navigation, so all cached pages go.
        changes.subscribe(change -> pages.invalidateAll());
    }

    /** Starts the web server, the change-feed tailer, the view flusher and the scheduler; returns the bound port. */
    public int start() {
        // Only the server holds the index (one writer per folder); commands leave their changes in the feed.
        index = new SearchIndex(settings.dataDir().resolve("index"), articles, changes);
        searching = new Searching(index, clock);
        Site site = new Site(settings, sections, clock);
        Templates templates = new Templates();
        Guard guard = new Guard(accounts, settings.baseUrl().startsWith("https://"));
        Supplier<List<EditorPages.Picture>> pictures = () -> media.listLatest(200).stream()
            .map(m -> new EditorPages.Picture(m.id(), m.alt().isBlank() ? m.originalName() : m.alt())).toList();
        EditorRoutes editor = new EditorRoutes(articles, revisions, sections, editing, pictures,
            id -> id != null && id.matches("[0-9]{1,18}") ? media.find(Long.parseLong(id)).orElse(null) : null, site, templates, clock);
        SectionAdminRoutes sectionAdmin = new SectionAdminRoutes(sections, changes, site, templates);
        TaxonomyRoutes taxonomy = new TaxonomyRoutes(db.jdbi(), articles, changes, pictures, site, templates);
        MediaRoutes mediaRoutes = new MediaRoutes(media, site, templates, settings.mediaMaxMegabytes());
        ModerationRoutes moderation = new ModerationRoutes(comments, site, templates);
        DashboardRoutes dashboard = new DashboardRoutes(articles, comments::countPending, site, templates);
        AccountRoutes accountRoutes = new AccountRoutes(accounts, audit, site, templates);
        org.nashir.account.TokenRoutes tokenRoutes = new org.nashir.account.TokenRoutes(tokens, audit, site, templates);
        adminRoutes = List.of(
            get("/admin", EVERYONE, dashboard::show),
            get("/admin/articles", NEWSROOM, editor::list),
            get("/admin/articles/new", NEWSROOM, editor::newForm),
            post("/admin/articles", NEWSROOM, editor::create),
            post("/admin/articles/preview", NEWSROOM, editor::preview),
            get("/admin/articles/{id}", NEWSROOM, editor::edit),
            post("/admin/articles/{id}", NEWSROOM, editor::save),
            post("/admin/articles/{id}/delete", EDITORS, editor::delete),
            get("/admin/articles/{id}/revisions", NEWSROOM, editor::revisionList),
            get("/admin/articles/{id}/revisions/{version}", NEWSROOM, editor::compare),
            post("/admin/articles/{id}/revisions/{version}/restore", NEWSROOM, editor::restore),
            get("/admin/sections", EDITORS, sectionAdmin::list),
            post("/admin/sections", EDITORS, sectionAdmin::create),
            post("/admin/sections/{id}", EDITORS, sectionAdmin::rename),
            post("/admin/sections/{id}/move", EDITORS, sectionAdmin::move),
            get("/admin/tags", EDITORS, taxonomy::tags),
            post("/admin/tags/merge", EDITORS, taxonomy::mergeTags),
            post("/admin/tags/{id}", EDITORS, taxonomy::renameTag),
            get("/admin/bylines", EDITORS, taxonomy::bylines),
            post("/admin/bylines/{id}", EDITORS, taxonomy::saveByline),
            get("/admin/media", EDITORS, mediaRoutes::list),
            post("/admin/media", EDITORS, mediaRoutes::upload),
            post("/admin/media/{id}", EDITORS, mediaRoutes::describe),
            get("/admin/comments", MODERATORS, moderation::queue),
            post("/admin/comments/bulk", MODERATORS, moderation::bulk),
            post("/admin/comments/{id}/edit", MODERATORS, moderation::edit),
            post("/admin/comments/{id}/ban", MODERATORS, moderation::ban),
            post("/admin/articles/{id}/comments", EDITORS, moderation::toggle),
            get("/admin/accounts", ADMINS, accountRoutes::list),
            post("/admin/accounts", ADMINS, accountRoutes::create),
            post("/admin/accounts/{id}/role", ADMINS, accountRoutes::changeRole),
            get("/admin/audit", ADMINS, accountRoutes::auditLog),
            get("/admin/tokens", NEWSROOM, tokenRoutes::list),
            post("/admin/tokens", NEWSROOM, tokenRoutes::create),
            post("/admin/tokens/{id}/revoke", NEWSROOM, tokenRoutes::revoke));
        ArticleRoutes articleRoutes = new ArticleRoutes(articles, sections, site, templates, pages, media, searching::related, comments);
        CommentRoutes commentRoutes = new CommentRoutes(comments, spam, new RateLimit(5, clock), new RateLimit(30, clock),
            id -> articles.findPublished(id).isPresent(), articleRoutes::render, site, settings.commentTrustAfter());
        SearchRoutes searchRoutes = new SearchRoutes(searching, new RateLimit(settings.searchesPerMinute(), clock), sections, site, templates);
        ApiRoutes api = new ApiRoutes(articles, sections, pages, settings.baseUrl(), settings.timeZone());
        ApiWriteRoutes writes = new ApiWriteRoutes(tokens, editing, articles, sections, api, site.messages(), settings.timeZone(), settings.baseUrl(), clock);
        apiRoutes = List.of(
            new ApiRoute("GET", "/api/v1/openapi.json", api::openApi),
            new ApiRoute("GET", "/api/v1/search", searchRoutes::api),
            new ApiRoute("GET", "/api/v1/articles", api::articles),
            new ApiRoute("POST", "/api/v1/articles", writes::create),
            new ApiRoute("GET", "/api/v1/articles/{id}", writes::read),
            new ApiRoute("PUT", "/api/v1/articles/{id}", writes::update),
            new ApiRoute("POST", "/api/v1/articles/{id}/publish", writes::publish),
            new ApiRoute("GET", "/api/v1/sections", api::sections),
            new ApiRoute("GET", "/api/v1/tags", api::tags),
            new ApiRoute("GET", "/api/v1/authors", api::authors));
        server = WebServer.create(site, templates,
            new HomeRoutes(articles, sections, viewStore, site, templates, pages),
            articleRoutes, commentRoutes,
            new ArchiveRoutes(articles, site, templates, pages),
            new SectionRoutes(sections, articles, site, templates, pages),
            new ViewRoutes(views, new RateLimit(600, clock)),
            mediaRoutes, searchRoutes,
            new FeedRoutes(articles, sections, media, settings, pages, clock),
            apiRoutes, guard, new SignInRoutes(accounts, audit, new Throttle(clock), guard, site, templates), adminRoutes);
        server.start(settings.port());
        changes.start(Duration.ofMillis(500));
        views.start(Duration.ofSeconds(settings.viewFlushSeconds()));
        scheduler = Thread.ofVirtual().name("scheduler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(Duration.ofSeconds(5));
                    editing.publishDue();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("publishing scheduled articles failed; retrying", e);
                }
            }
        });
        return server.port();
    }

    /** The search of the running server (null before {@link #start}). */
    public Searching searching() {
        return searching;
    }

    public SearchIndex searchIndex() {
        return index;
    }

    /**
     * The key for comment tokens and address hashes: {@code <data>/secret.key}, made on first start. Nodes of one
     * site must share it (copy the file), or tokens fetched from one node fail on another.
     */
    static byte[] secret(java.nio.file.Path dataDir) {
        java.nio.file.Path file = dataDir.resolve("secret.key");
        try {
            if (java.nio.file.Files.exists(file)) return java.nio.file.Files.readAllBytes(file);
            java.nio.file.Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            java.nio.file.Files.write(file, key, java.nio.file.StandardOpenOption.CREATE_NEW);
            try {
                java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.info("{} is readable as the file system allows; restrict it by hand", file);
            }
            return key;
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            return secret(dataDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /** The JSON API's routes, as the server registers them (and the OpenAPI document must describe them). */
    public List<ApiRoute> apiRoutes() {
        return apiRoutes;
    }

    /** The back office's routes and their roles, as the server enforces them. */
    public List<AdminRoute> adminRoutes() {
        return adminRoutes;
    }

    @Override
    public void close() {
        if (scheduler != null) scheduler.interrupt();
        if (server != null) server.stop();
        changes.close();
        if (index != null) index.close();
        views.stop();
        db.close();
    }
}
