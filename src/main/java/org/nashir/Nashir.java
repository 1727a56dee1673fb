package org.nashir;

import io.javalin.Javalin;
import org.nashir.article.ArchiveRoutes;
import org.nashir.article.ArticleRoutes;
import org.nashir.article.ArticleStore;
import org.nashir.article.Publishing;
import org.nashir.section.SectionRoutes;
import org.nashir.section.SectionStore;
import org.nashir.site.HomeRoutes;
import org.nashir.site.PageCache;
import org.nashir.site.Site;
import org.nashir.site.Templates;
import org.nashir.site.WebServer;
import org.nashir.storage.ChangeFeed;
import org.nashir.storage.Database;
import org.nashir.views.ViewCounter;
import org.nashir.views.ViewRoutes;
import org.nashir.views.ViewStore;

import java.time.Clock;
import java.time.Duration;

/**
 * One running Nashir: the database, the stores, the change feed and the web server, wired by hand in one
 * place. The CLI commands and the tests build it the same way.
 */
public final class Nashir implements AutoCloseable {
    public final Settings settings;
    public final Clock clock;
    public final Database db;
    public final ChangeFeed changes;
    public final SectionStore sections;
    public final ArticleStore articles;
    public final Publishing publishing;
    public final ViewStore viewStore;
    public final ViewCounter views;
    public final PageCache pages;
    private Javalin server;

    public Nashir(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.db = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        this.changes = new ChangeFeed(db, clock);
        this.sections = new SectionStore(db.jdbi());
        this.articles = new ArticleStore(db.jdbi(), clock);
        this.publishing = new Publishing(db.jdbi(), articles, sections, changes, clock);
        this.viewStore = new ViewStore(db.jdbi(), clock);
        this.views = new ViewCounter(viewStore, clock);
        this.pages = new PageCache(settings.pageCacheSeconds());
        // Every visible change can touch the home page, listings and navigation, so all cached pages go.
        changes.subscribe(change -> pages.invalidateAll());
    }

    /** Starts the web server, the change-feed tailer and the view flusher; returns the bound port. */
    public int start() {
        Site site = new Site(settings, sections, clock);
        Templates templates = new Templates();
        server = WebServer.create(site, templates,
            new HomeRoutes(articles, sections, viewStore, site, templates, pages),
            new ArticleRoutes(articles, sections, site, templates, pages),
            new ArchiveRoutes(articles, site, templates, pages),
            new SectionRoutes(sections, articles, site, templates, pages),
            new ViewRoutes(views));
        server.start(settings.port());
        changes.start(Duration.ofMillis(500));
        views.start(Duration.ofSeconds(settings.viewFlushSeconds()));
        return server.port();
    }

    @Override
    public void close() {
        if (server != null) server.stop();
        changes.close();
        views.stop();
        db.close();
    }
}
