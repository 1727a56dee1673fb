package org.nashir;

import io.javalin.Javalin;
import org.nashir.account.AccountStore;
import org.nashir.account.ApiTokenStore;
import org.nashir.account.AuditLog;
import org.nashir.article.ArticleImport;
import org.nashir.article.ArticleFinder;
import org.nashir.search.SearchStats;
import org.nashir.search.Names;
import org.nashir.article.ArticleStore;
import org.nashir.article.CorrectionStore;
import org.nashir.article.LiveStore;
import org.nashir.article.PinStore;
import org.nashir.article.PreviewStore;
import org.nashir.article.ScheduledChanges;
import org.nashir.article.TaxonomyStore;
import org.nashir.article.TickerStore;
import org.nashir.article.Editing;
import org.nashir.article.EmbedTitles;
import org.nashir.article.Embeds;
import org.nashir.article.RevisionStore;
import org.nashir.article.SectionStore;
import org.nashir.comment.CommentStore;
import org.nashir.comment.SpamGuard;
import org.nashir.config.Settings;
import org.nashir.config.SiteSecret;
import org.nashir.media.MediaStore;
import org.nashir.page.MenuStore;
import org.nashir.page.PageStore;
import org.nashir.search.SearchIndex;
import org.nashir.search.Searching;
import org.nashir.storage.ChangeFeed;
import org.nashir.storage.Database;
import org.nashir.storage.Periodic;
import org.nashir.views.ViewCounter;
import org.nashir.views.ViewStore;
import org.nashir.web.Admission;
import org.nashir.web.Metrics;
import org.nashir.web.PageCache;
import org.nashir.web.Purge;
import org.nashir.web.Site;
import org.nashir.web.Templates;
import org.nashir.web.WebServer;

import java.time.Clock;
import java.time.Duration;

/**
 * One running Nashir: the database, the stores, the change feed and the web server, wired by hand in one
 * place. The CLI commands and the tests build it the same way.
 */
public final class Nashir implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Nashir.class);
    public final Settings settings;
    /** The site's key (NASHIR_SECRET_FILE): the same on every node, for what must be signed or keyed alike. */
    final byte[] secret;
    public final Clock clock;
    public final Database db;
    /** Requests, the page cache, the database pool and the JVM, for /metrics. */
    public final Metrics metrics;
    /** Which requests get the server when it is saturated. */
    public final Admission admission;
    public final ChangeFeed changes;
    public final SectionStore sections;
    public final ArticleStore articles;
    public final ArticleFinder finder;
    public final SearchStats searchStats;
    public final Names names;
    public final RevisionStore revisions;
    public final ArticleImport imports;
    public final ViewStore viewStore;
    public final ViewCounter views;
    public final PageCache pages;
    /** Rate-limit and throttle counts: shared by every node on PostgreSQL. */
    public final org.nashir.storage.Counters counters;
    private volatile boolean draining;
    public final AccountStore accounts;
    public final AuditLog audit;
    public final Editing editing;
    public final MediaStore media;
    public final CommentStore comments;
    public final SpamGuard spam;
    public final ApiTokenStore tokens;
    public final PinStore pins;
    public final TickerStore ticker;
    public final CorrectionStore corrections;
    public final PreviewStore previews;
    public final LiveStore live;
    public final TaxonomyStore taxonomy;
    public final PageStore staticPages;
    public final MenuStore menus;
    public final ScheduledChanges scheduled;
    private Javalin server;
    private SearchIndex index;
    private Searching searching;
    private RouteTable routes;
    private Periodic scheduler;

    public Nashir(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.db = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword(),
            Duration.ofMillis(settings.dbWaitMillis()), Duration.ofMillis(settings.dbStatementMillis()));
        this.changes = new ChangeFeed(db, clock);
        this.sections = new SectionStore(db.jdbi(), changes);
        this.articles = new ArticleStore(db.jdbi(), clock);
        this.finder = new ArticleFinder(db.jdbi());
        this.searchStats = new SearchStats(db.jdbi(), clock, settings.timeZone());
        this.names = new Names(db.jdbi());
        this.revisions = new RevisionStore(db.jdbi());
        this.imports = new ArticleImport(db.jdbi(), articles, sections, changes, clock);
        this.counters = new org.nashir.storage.Counters(db, clock, org.nashir.config.HeapShare.entries(0.05, 160, 500_000));
        this.viewStore = new ViewStore(db.jdbi(), clock);
        this.secret = SiteSecret.load(settings.secretFile());
        this.views = new ViewCounter(viewStore, clock, secret, db.dialect() == org.nashir.storage.Dialect.POSTGRESQL);
        this.admission = new Admission(settings.shedConcurrency(), settings.httpThreads(), settings.backOfficeThreads(), settings.shedPauseMillis());
        this.pages = new PageCache(settings.pageCacheSeconds(), admission,
            () -> db.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1);
        this.accounts = new AccountStore(db.jdbi(), clock, settings.sessionLifetime(), settings.sessionIdle());
        this.audit = new AuditLog(db.jdbi(), clock);
        this.comments = new CommentStore(db.jdbi(), changes, clock);
        this.spam = new SpamGuard(secret, clock, settings.commentBlocklist(), settings.commentOutcomes(), comments);
        this.tokens = new ApiTokenStore(db.jdbi(), clock);
        this.media = new MediaStore(db.jdbi(), mediaFiles(settings), clock);
        this.editing = new Editing(db.jdbi(), articles, revisions, changes, audit, new EmbedTitles(settings.embedTitles()), media::posterOf, clock);
        this.pins = new PinStore(db.jdbi(), changes, audit, clock);
        this.ticker = new TickerStore(db.jdbi(), changes, audit, clock);
        this.corrections = new CorrectionStore(db.jdbi(), revisions, changes, audit, clock);
        this.previews = new PreviewStore(db.jdbi(), articles, audit, clock);
        this.live = new LiveStore(db.jdbi(), changes, audit, clock);
        this.taxonomy = new TaxonomyStore(db.jdbi(), changes);
        this.staticPages = new PageStore(db.jdbi(), changes, clock);
        this.menus = new MenuStore(db.jdbi(), changes);
        this.scheduled = new ScheduledChanges(editing, pins, ticker);
        // Each change drops the cached pages that show what changed (PageInvalidation says which).
        changes.subscribe(new PageInvalidation(pages, articles, new Purge(settings.purgeUrl(), settings.purgeToken()))::apply);
        this.metrics = new Metrics(settings.metricsToken(), settings.trustedProxies(), settings.accessLog(), settings.slowRequestMillis());
        metrics.bind(pages);
        db.bindTo(metrics.registry());
        changes.bindTo(metrics.registry());
        views.bindTo(metrics.registry());
    }

    /** Starts the web server, the change-feed tailer, the view flusher and the scheduler; returns the bound port. */
    public int start() {
        // Only the server holds the index (one writer per folder); commands leave their changes in the feed.
        index = new SearchIndex(settings.dataDir().resolve("index"), articles, changes);
        index.bindTo(metrics.registry());
        searching = new Searching(index, clock, names);
        Site site = new Site(settings, sections::listNavigation, ticker::listLiveLinks, menus::tree, Embeds.FRAME_HOSTS, clock);
        Templates templates = new Templates();
        routes = RouteTable.of(this, searching, site, templates);
        server = WebServer.create(site, templates, routes.routes(), routes.unmatched(), metrics, admission, pages, this::draining);
        server.start(settings.port());
        changes.start(Duration.ofMillis(settings.feedPollMillis()));
        views.start(Duration.ofSeconds(settings.viewFlushSeconds()));
        counters.start();
        searchStats.start(Duration.ofSeconds(10));
        scheduler = Periodic.every(Duration.ofSeconds(5), "scheduled changes (publishing, pins, ticker)", scheduled::runDue);
        // Articles from before the back office's search (or imported by an older version) get their terms now, a
        // batch at a time beside the running site; on several nodes they share the work harmlessly.
        Thread.ofVirtual().name("nashir-article-terms").start(() -> {
            try {
                while (finder.fillMissingTerms(500) > 0) {
                    // one batch a transaction, so the site's own writes get the database between batches
                }
            } catch (RuntimeException e) {
                log.warn("article search terms not filled in (the back office's search misses older articles until the next start): {}", e.toString());
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

    /** Every address the running server answers, with its access rule (null before {@link #start}). */
    public RouteTable routes() {
        return routes;
    }

    /** Where media files live: the configured bucket, or {@code <data>/media}. */
    public static org.nashir.media.MediaFiles mediaFiles(Settings settings) {
        Settings.S3 s3 = settings.s3();
        if (s3 == null) return new org.nashir.media.DiskFiles(settings.dataDir().resolve("media"));
        return new org.nashir.media.BucketFiles(s3.endpoint(), s3.bucket(), s3.region(), s3.accessKey(), s3.secretKey());
    }

    /** True from the start of {@link #drain} on: {@code /ready} then answers 503. */
    public boolean draining() {
        return draining;
    }

    /**
     * Stops as a node behind a balancer should: {@code /ready} answers 503 at once, requests are served as usual for
     * {@code grace} (long enough for the balancer's checks to move readers to other nodes), then the server stops
     * taking requests and finishes those in flight, the views counted are written and the index committed.
     */
    public void drain(Duration grace) {
        draining = true;
        if (!grace.isZero()) log.info("draining: /ready answers 503; serving {} s more before stopping", grace.toSeconds());
        try {
            Thread.sleep(grace);
            // Stop taking connections first (a balancer's next try goes to another node), then give the connections
            // just accepted a moment for their one request (draining answers close them), then stop: what is still in
            // flight then finishes, instead of a request that came a millisecond late being refused with a 503.
            if (server != null) {
                for (var c : server.jettyServer().server().getConnectors()) {
                    if (c instanceof org.eclipse.jetty.server.NetworkConnector n) n.close();
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    @Override
    public void close() {
        if (scheduler != null) scheduler.close();
        if (server != null) server.stop();
        changes.close();
        if (index != null) index.close();
        views.stop();
        counters.stop();
        searchStats.stop();
        if (media.files() instanceof org.nashir.media.BucketFiles bucket) bucket.close();
        db.close();
    }
}
