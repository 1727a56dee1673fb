package org.nashir;

import org.nashir.web.Input;
import io.javalin.http.Context;
import org.nashir.account.AccountRoutes;
import org.nashir.account.PasswordRoutes;
import org.nashir.account.SessionRoutes;
import org.nashir.account.TwoStep;
import org.nashir.account.TwoStepRoutes;
import org.nashir.account.ApiDoor;
import org.nashir.account.Guard;
import org.nashir.account.SignInRoutes;
import org.nashir.account.Throttle;
import org.nashir.account.TokenRoutes;
import org.nashir.api.ApiDeskRoutes;
import org.nashir.api.ApiLiveRoutes;
import org.nashir.api.ApiRoutes;
import org.nashir.api.ApiWriteRoutes;
import org.nashir.article.ArchiveRoutes;
import org.nashir.article.ArticleRoutes;
import org.nashir.article.CorrectionRoutes;
import org.nashir.article.DashboardRoutes;
import org.nashir.article.DeskRoutes;
import org.nashir.article.EditorPages;
import org.nashir.article.EditorRoutes;
import org.nashir.article.LiveRoutes;
import org.nashir.article.OpinionRoutes;
import org.nashir.article.SectionAdminRoutes;
import org.nashir.article.SectionRoutes;
import org.nashir.article.TaxonomyRoutes;
import org.nashir.comment.CommentRoutes;
import org.nashir.comment.ModerationRoutes;
import org.nashir.feed.FeedRoutes;
import org.nashir.frontpage.HomeRoutes;
import org.nashir.media.MediaRoutes;
import org.nashir.page.MenuRoutes;
import org.nashir.page.PageRoutes;
import org.nashir.search.SearchRoutes;
import org.nashir.search.Searching;
import org.nashir.search.Suggesting;
import org.nashir.search.SearchStatsRoutes;
import org.nashir.search.NameRoutes;
import org.nashir.views.ViewRoutes;
import org.nashir.web.Access;
import org.nashir.web.RateLimit;
import org.nashir.web.Route;
import org.nashir.web.Health;
import org.nashir.web.Site;
import org.nashir.web.StaticFiles;
import org.nashir.web.Templates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.nashir.account.StaffOnly.ADMINS;
import static org.nashir.account.StaffOnly.EDITORS;
import static org.nashir.account.StaffOnly.EVERYONE;
import static org.nashir.account.StaffOnly.MODERATORS;
import static org.nashir.account.StaffOnly.NEWSROOM;
import static org.nashir.web.Access.ANYONE;
import static org.nashir.web.Route.before;
import static org.nashir.web.Route.delete;
import static org.nashir.web.Route.get;
import static org.nashir.web.Route.post;
import static org.nashir.web.Route.put;

/**
 * Every address of Nashir, declared once with its method, its access rule and its handler: the public site,
 * feeds, the back office, sign-in and the JSON API. The server registers this list as it is; the access tests,
 * the OpenAPI test and the README's address table are checked against it. To add an address, add a line here.
 *
 * @param unmatched offered every request no route answered, before the 404 page (old addresses of imported articles)
 */
public record RouteTable(List<Route> routes, Predicate<Context> unmatched) {

    static RouteTable of(Nashir n, Searching searching, Site site, Templates templates) {
        var clock = n.clock;
        Supplier<String> database = () -> n.db.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1 ? null : "unexpected answer";
        Supplier<String> disk = () -> {
            try {
                long free = java.nio.file.Files.getFileStore(n.settings.dataDir()).getUsableSpace();
                return free < 64L * 1024 * 1024 ? "the data folder's disk has " + free / (1024 * 1024) + " MB free; saving will fail when it is full" : null;
            } catch (java.io.IOException e) {
                return "cannot read the data folder's disk: " + e.getMessage();
            }
        };
        Health health = new Health(java.util.Map.of("database", database, "pages", n.pages::problem, "search", n.searchIndex()::problem, "disk", disk), java.util.Map.of(
            "database", database,
            "draining", () -> n.draining() ? "this node is stopping" : null,
            // A node that has not caught up with the feed would answer searches without the latest stories.
            "index", () -> {
                long behind = n.changes.latest() - n.searchIndex().seq();
                return behind > 100 ? "the search index is " + behind + " changes behind" : null;
            }));
        var settings = n.settings;
        Supplier<List<EditorPages.Picture>> pictures = () -> n.media.listLatest(200).stream()
            .map(m -> new EditorPages.Picture(m.id(), m.alt().isBlank() ? m.originalName() : m.alt(), m.srcNear(1024), Math.min(m.width(), 1024),
                m.heightAt(Math.min(m.width(), 1024)), m.caption(), m.credit())).toList();
        ArticleRoutes articles = new ArticleRoutes(n.articles, n.sections, site, templates, n.pages, n.media, searching::related, n.comments,
            n.corrections, n.previews, n.live,
            name -> n.names.of(name).map(e -> new ArticleRoutes.TagAlias(e.latin(), n.names.variantsOf(name))));
        HomeRoutes home = new HomeRoutes(n.articles, n.sections, n.viewStore, n.pins, n.media, site, templates, n.pages);
        ArchiveRoutes archive = new ArchiveRoutes(n.articles, site, templates, n.pages);
        SectionRoutes sections = new SectionRoutes(n.sections, n.articles, n.pins, site, templates, n.pages);
        CorrectionRoutes corrections = new CorrectionRoutes(n.corrections, site, templates, n.pages);
        PageRoutes staticPages = new PageRoutes(n.staticPages, site, templates, n.pages, pictures, n.media::srcsetFor);
        MenuRoutes menus = new MenuRoutes(n.menus, n.staticPages, n.sections::listNavigation, site, templates);
        OpinionRoutes opinion = new OpinionRoutes(n.articles, n.media, site, templates, n.pages);
        CommentRoutes comments = new CommentRoutes(n.comments, n.spam,
            new RateLimit("comments-per-address", settings.commentsPerAddress(), Duration.ofMinutes(10), n.counters), new RateLimit("comments-per-article", settings.commentsPerArticle(), Duration.ofMinutes(1), n.counters),
            id -> n.articles.findPublished(id).isPresent(), articles::render, site, settings.commentTrustAfter());
        StaticFiles files = new StaticFiles();
        ViewRoutes views = new ViewRoutes(n.views, new RateLimit("view-beacons", 600, Duration.ofMinutes(1),
            org.nashir.storage.Counters.local(clock, org.nashir.config.HeapShare.entries(0.03, 160, 200_000))));
        MediaRoutes media = new MediaRoutes(n.media, site, templates, settings.mediaMaxMegabytes());
        // Suggestions come as the reader types: a few a second for a while, so their limit is higher than searches'.
        NameRoutes names = new NameRoutes(n.names, n.searchIndex(), n.articles::listTagUse, site, templates);
        SearchRoutes search = new SearchRoutes(searching, n.searchStats, new Suggesting(n.searchIndex(), n.sections, n.articles, n.names), new RateLimit("searches", settings.searchesPerMinute(), Duration.ofMinutes(1), n.counters),
            new RateLimit("suggestions", settings.searchesPerMinute() * 5, Duration.ofMinutes(1), n.counters), n.sections, site, templates);
        FeedRoutes feeds = new FeedRoutes(n.articles, n.sections, n.media, n.ticker, n.staticPages, settings, n.pages, clock);
        TwoStep twoStep = new TwoStep(n.db.jdbi(), clock, n.secret, settings.siteName());
        Guard guard = new Guard(n.accounts, twoStep, settings.baseUrl().startsWith("https://"), n.secret, settings.baseUrl());
        SignInRoutes signIn = new SignInRoutes(n.accounts, n.audit, new Throttle(n.counters), guard, twoStep, site, templates, clock);
        DashboardRoutes dashboard = new DashboardRoutes(n.articles, n.comments::countPending, site, templates);
        LiveRoutes liveDesk = new LiveRoutes(n.live, n.articles, pictures, site, templates);
        DeskRoutes desk = new DeskRoutes(n.pins, n.ticker, n.corrections, n.articles, n.sections, site, templates, clock);
        EditorRoutes editor = new EditorRoutes(n.articles, n.revisions, n.sections, n.editing, n.corrections, n.previews, n.finder, pictures,
            id -> id != null && Input.isId(id) ? n.media.find(Input.id(id)).orElse(null) : null, n.media::srcsetFor, site, templates, clock);
        SectionAdminRoutes sectionAdmin = new SectionAdminRoutes(n.sections, site, templates);
        TaxonomyRoutes taxonomy = new TaxonomyRoutes(n.taxonomy, n.articles, pictures, site, templates);
        ModerationRoutes moderation = new ModerationRoutes(n.comments, site, templates);
        AccountRoutes accounts = new AccountRoutes(n.accounts, n.audit, twoStep, site, templates);
        SessionRoutes sessions = new SessionRoutes(n.accounts, n.audit, site, templates);
        TwoStepRoutes twoStepRoutes = new TwoStepRoutes(twoStep, n.accounts, n.audit, site, templates);
        PasswordRoutes passwords = new PasswordRoutes(n.accounts, twoStep, n.audit, new RateLimit("password-checks", 10, Duration.ofMinutes(15), n.counters), site, templates);
        TokenRoutes tokens = new TokenRoutes(n.tokens, n.audit, site, templates, clock);
        ApiDoor api = new ApiDoor(n.tokens, n.counters);
        ApiRoutes reads = new ApiRoutes(n.articles, n.sections, n.ticker, n.corrections, n.pages, settings.baseUrl(), settings.timeZone());
        ApiDeskRoutes deskApi = new ApiDeskRoutes(n.pins, n.ticker, n.corrections, n.articles, n.sections, site.messages(), clock);
        ApiLiveRoutes liveApi = new ApiLiveRoutes(n.live, n.articles, site.messages());
        ApiWriteRoutes writes = new ApiWriteRoutes(n.editing, n.articles, n.sections, reads, site.messages(), settings.baseUrl(), clock);

        // Addresses the site had before Nashir (imported articles and pages) answer with a 301 to where they are now.
        Predicate<Context> legacy = ctx -> articles.redirectLegacy(ctx) || staticPages.redirectLegacy(ctx);
        List<Route> routes = new ArrayList<>(List.of(
            // The public site; WordPress's own addresses (/?p=123, /?page_id=7) come to the home page first
            before("/", ctx -> {
                if (ctx.queryString() != null && legacy.test(ctx)) ctx.skipRemainingHandlers();
            }),
            get("/", ANYONE, home::home),
            get("/latest", ANYONE, archive::latest),
            get("/article/{id}", ANYONE, articles::show),
            get("/article/{id}/live", ANYONE, articles::liveEntries),
            get("/article/{id}/{slug}", ANYONE, articles::show),
            post("/article/{id}/comments", ANYONE, comments::submit).shedFirst(),
            get("/comments/token", ANYONE, comments::token),
            get("/section/{slug}", ANYONE, sections::show),
            get("/tag/{slug}", ANYONE, articles::tag),
            get("/author/{slug}", ANYONE, articles::byline),
            get("/archive/{year}", ANYONE, archive::year).shedFirst(),
            get("/archive/{year}/{month}", ANYONE, archive::month).shedFirst(),
            get("/archive/{year}/{month}/{day}", ANYONE, archive::day).shedFirst(),
            get("/media/{key}/{file}", ANYONE, media::serve),
            get("/search", ANYONE, search::page).shedFirst(),
            get("/corrections", ANYONE, corrections::list),
            get("/opinion", ANYONE, opinion::columnists),
            get("/page/{slug}", ANYONE, staticPages::show),
            get("/page/{parent}/{slug}", ANYONE, staticPages::show),
            get("/preview/{token}", ANYONE, articles::preview),
            post("/views/{id}", ANYONE, views::beacon),
            get("/views/{id}/pixel.gif", ANYONE, views::pixel),
            get("/favicon.ico", ANYONE, site::favicon),
            get("/static/<path>", ANYONE, files::site),
            get("/webjars/<path>", ANYONE, files::webJar),
            get("/health", ANYONE, health::handle),
            get("/ready", ANYONE, health::ready),
            get("/metrics", ANYONE, n.metrics::handle),

            // Feeds and sitemaps
            get("/robots.txt", ANYONE, feeds::robots),
            get("/sitemap.xml", ANYONE, feeds::sitemapIndex),
            get("/sitemap-pages.xml", ANYONE, feeds::sitemapPages),
            get("/sitemap-news.xml", ANYONE, feeds::sitemapNews),
            get("/sitemap-articles-{page}.xml", ANYONE, feeds::sitemapArticles)));
        for (String feed : List.of("/feed.xml", "/atom.xml", "/feed.json")) {
            routes.add(get(feed, ANYONE, feeds::feed));
            for (String scope : List.of("/section/{slug}", "/tag/{slug}", "/author/{slug}")) routes.add(get(scope + feed, ANYONE, feeds::feed));
        }
        routes.addAll(List.of(
            // The JSON API: reads for anyone, writes behind a token (ApiDoor), errors as JSON
            get("/api/v1/openapi.json", ANYONE, reads::openApi),
            get("/api/v1/search", ANYONE, search::api).shedFirst(),
            get("/api/v1/search/suggest", ANYONE, search::suggest).shedFirst(),
            get("/api/v1/articles", ANYONE, reads::articles),
            post("/api/v1/articles", api.required(), writes::create),
            get("/api/v1/articles/{id}", api.optional(), writes::read),
            put("/api/v1/articles/{id}", api.required(), writes::update),
            post("/api/v1/articles/{id}/publish", api.required(), writes::publish),
            post("/api/v1/articles/{id}/corrections", api.required(), deskApi::correct),
            get("/api/v1/articles/{id}/live", ANYONE, liveApi::list),
            post("/api/v1/articles/{id}/live", api.required(), liveApi::add),
            put("/api/v1/articles/{id}/live/coverage", api.required(), liveApi::coverage),
            put("/api/v1/articles/{id}/live/{entry}", api.required(), liveApi::update),
            delete("/api/v1/articles/{id}/live/{entry}", api.required(), liveApi::delete),
            get("/api/v1/ticker", ANYONE, deskApi::listTicker),
            post("/api/v1/ticker", api.required(), deskApi::addTicker),
            delete("/api/v1/ticker/{id}", api.required(), deskApi::endTicker),
            get("/api/v1/pins", ANYONE, deskApi::listPins),
            post("/api/v1/pins", api.required(), deskApi::pin),
            delete("/api/v1/pins/{article}", api.required(), deskApi::unpin),
            get("/api/v1/sections", ANYONE, reads::sections),
            get("/api/v1/tags", ANYONE, reads::tags),
            get("/api/v1/authors", ANYONE, reads::authors),

            // The back office: the door (session, CSRF on POST) runs first, then each route's roles
            before("/admin", guard::before),
            before("/admin/*", guard::before),
            get("/admin/sign-in", ANYONE, signIn::form),
            post("/admin/sign-in", ANYONE, signIn::signIn),
            get("/admin/sign-in/code", ANYONE, signIn::codeForm),
            post("/admin/sign-in/code", ANYONE, signIn::code),
            post("/admin/sign-out", ANYONE, signIn::signOut),
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
            get("/admin/searches", EDITORS, new SearchStatsRoutes(n.searchStats, site, templates)::show),
            get("/admin/names", EDITORS, names::show),
            post("/admin/names", EDITORS, names::add),
            post("/admin/names/{id}", EDITORS, names::update),
            post("/admin/names/{id}/delete", EDITORS, names::delete),
            post("/admin/tags/merge", EDITORS, taxonomy::mergeTags),
            post("/admin/tags/{id}", EDITORS, taxonomy::renameTag),
            get("/admin/bylines", EDITORS, taxonomy::bylines),
            post("/admin/bylines/{id}", EDITORS, taxonomy::saveByline),
            get("/admin/media", EDITORS, media::list),
            post("/admin/media", EDITORS, media::upload),
            post("/admin/media/{id}", EDITORS, media::describe),
            get("/admin/comments", MODERATORS, moderation::queue),
            post("/admin/comments/bulk", MODERATORS, moderation::bulk),
            post("/admin/comments/{id}/edit", MODERATORS, moderation::edit),
            post("/admin/comments/{id}/ban", MODERATORS, moderation::ban),
            post("/admin/articles/{id}/comments", EDITORS, moderation::toggle),
            post("/admin/articles/{id}/corrections", EDITORS, desk::correct),
            post("/admin/articles/{id}/previews", EDITORS, editor::createPreview),
            get("/admin/articles/{id}/live", NEWSROOM, liveDesk::show),
            post("/admin/articles/{id}/live/start", EDITORS, liveDesk::start),
            post("/admin/articles/{id}/live/end", EDITORS, liveDesk::end),
            post("/admin/articles/{id}/live/entries", NEWSROOM, liveDesk::add),
            post("/admin/articles/{id}/live/entries/{entry}", NEWSROOM, liveDesk::change),
            post("/admin/articles/{id}/previews/{link}/revoke", EDITORS, editor::revokePreview),
            get("/admin/desk", EDITORS, desk::show),
            get("/admin/pages", EDITORS, staticPages::list),
            get("/admin/pages/new", EDITORS, staticPages::newForm),
            post("/admin/pages", EDITORS, staticPages::save),
            get("/admin/pages/{id}", EDITORS, staticPages::edit),
            post("/admin/pages/{id}", EDITORS, staticPages::save),
            get("/admin/menus", EDITORS, menus::show),
            post("/admin/menus", EDITORS, menus::add),
            post("/admin/menus/{id}", EDITORS, menus::change),
            post("/admin/desk/pins", EDITORS, desk::pin),
            post("/admin/desk/pins/move", EDITORS, desk::move),
            post("/admin/desk/pins/remove", EDITORS, desk::unpin),
            post("/admin/desk/ticker", EDITORS, desk::addTicker),
            post("/admin/desk/ticker/{id}/end", EDITORS, desk::endTicker),
            get("/admin/accounts", ADMINS, accounts::list),
            post("/admin/accounts", ADMINS, accounts::create),
            post("/admin/accounts/{id}/role", ADMINS, accounts::changeRole),
            post("/admin/accounts/{id}/disable", ADMINS, accounts::disable),
            post("/admin/accounts/{id}/enable", ADMINS, accounts::enable),
            post("/admin/accounts/{id}/delete", ADMINS, accounts::delete),
            post("/admin/accounts/{id}/password", ADMINS, passwords::reset),
            get("/admin/password", EVERYONE, passwords::form),
            post("/admin/password", EVERYONE, passwords::change),
            get("/admin/sessions", EVERYONE, sessions::list),
            post("/admin/sessions/end", EVERYONE, sessions::end),
            get("/admin/two-step", EVERYONE, twoStepRoutes::page),
            post("/admin/two-step/enable", EVERYONE, twoStepRoutes::enable),
            post("/admin/two-step/disable", EVERYONE, twoStepRoutes::disable),
            post("/admin/two-step/roles", ADMINS, twoStepRoutes::roles),
            get("/admin/audit", ADMINS, accounts::auditLog),
            get("/admin/tokens", NEWSROOM, tokens::list),
            post("/admin/tokens", NEWSROOM, tokens::create),
            post("/admin/tokens/{id}/revoke", NEWSROOM, tokens::revoke)));
        return new RouteTable(List.copyOf(routes), legacy);
    }

    /** The lines with this access rule's type, such as the back office's {@code StaffOnly} routes. */
    public <A extends Access> List<Route> withAccess(Class<A> kind) {
        return routes.stream().filter(r -> kind.isInstance(r.access())).toList();
    }

    /** The lines under a path prefix, filters excluded: {@code under("/api/")} is the API. */
    public List<Route> under(String prefix) {
        return routes.stream().filter(r -> !r.method().equals(Route.BEFORE) && r.path().startsWith(prefix)).toList();
    }
}
