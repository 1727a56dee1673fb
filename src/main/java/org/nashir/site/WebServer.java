package org.nashir.site;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import org.nashir.api.ApiRoute;
import org.nashir.article.ArchiveRoutes;
import org.nashir.account.SignInRoutes;
import org.nashir.article.ArticleRoutes;
import org.nashir.comment.CommentRoutes;
import org.nashir.feed.FeedRoutes;
import org.nashir.media.MediaRoutes;
import org.nashir.search.SearchRoutes;
import org.nashir.section.SectionRoutes;
import org.nashir.views.ViewRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** The HTTP server: the one table of URLs, the error pages, and the headers every response carries. */
public final class WebServer {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final String NOT_FOUND_KEY = "nashir.notFoundKey";
    /** Set by a handler that wrote its own error answer (the API's JSON 404s), so the error pages leave it alone. */
    public static final String ANSWERED = "nashir.answered";

    private WebServer() {}

    public static Javalin create(Site site, Templates templates, HomeRoutes home, ArticleRoutes articles, CommentRoutes comments, ArchiveRoutes archive,
                                 SectionRoutes sections, ViewRoutes views, MediaRoutes media, SearchRoutes search, FeedRoutes feeds, List<ApiRoute> api, Guard guard, SignInRoutes signIn, List<AdminRoute> admin) {
        byte[] favicon = resource("/static/favicon.svg");
        String csp = site.contentSecurityPolicy();
        return Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            if (site.settings().behindProxy()) {
                // Behind one trusted proxy the reader is the address it appended last; anything before it is client-supplied.
                config.contextResolver.ip = ctx -> {
                    String forwarded = ctx.header("X-Forwarded-For");
                    if (forwarded == null || forwarded.isBlank()) return ctx.req().getRemoteAddr();
                    String[] hops = forwarded.split(",");
                    return hops[hops.length - 1].strip();
                };
            }
            config.http.generateEtags = false;
            // Article bodies and image uploads; the media routes check their own, smaller limit first.
            config.http.maxRequestSize = 40L * 1024 * 1024;
            // Room for a long query in the URL (10,000 Arabic letters are 60 KB percent-encoded) instead of a bare 414.
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(96 * 1024));
            config.jetty.multipartConfig.maxFileSize(36, io.javalin.config.SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(40, io.javalin.config.SizeUnit.MB);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "public, max-age=31536000, immutable");
            });

            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Content-Security-Policy", csp);
            });

            // WordPress's own addresses of a post (/?p=123) come to the home page: imported ones move on to the article.
            config.routes.before("/", ctx -> {
                if (ctx.queryString() != null && articles.redirectLegacy(ctx)) ctx.skipRemainingHandlers();
            });
            config.routes.get("/", home::home);
            config.routes.get("/latest", home::latest);
            config.routes.get("/article/{id}", articles::show);
            config.routes.get("/article/{id}/{slug}", articles::show);
            config.routes.post("/article/{id}/comments", comments::submit);
            config.routes.get("/comments/token", comments::token);
            config.routes.get("/section/{slug}", sections::show);
            config.routes.get("/tag/{slug}", articles::tag);
            config.routes.get("/author/{slug}", articles::byline);
            config.routes.get("/archive/{year}", archive::year);
            config.routes.get("/archive/{year}/{month}", archive::month);
            config.routes.get("/archive/{year}/{month}/{day}", archive::day);
            config.routes.get("/media/{key}/{file}", media::serve);
            config.routes.get("/search", search::page);
            // The JSON API's part of this table is the list Nashir builds (OpenApiTest holds the document to it).
            for (ApiRoute r : api) config.routes.addHttpHandler(io.javalin.http.HandlerType.findOrCreate(r.method()), r.path(), r.handler());
            config.routes.post("/views/{id}", views::beacon);
            config.routes.get("/views/{id}/pixel.gif", views::pixel);
            config.routes.get("/robots.txt", feeds::robots);
            for (String feed : List.of("/feed.xml", "/atom.xml", "/feed.json")) {
                config.routes.get(feed, feeds::feed);
                for (String scope : List.of("/section/{slug}", "/tag/{slug}", "/author/{slug}")) config.routes.get(scope + feed, feeds::feed);
            }
            config.routes.get("/sitemap.xml", feeds::sitemapIndex);
            config.routes.get("/sitemap-pages.xml", feeds::sitemapPages);
            config.routes.get("/sitemap-news.xml", feeds::sitemapNews);
            config.routes.get("/sitemap-articles-{page}.xml", feeds::sitemapArticles);
            config.routes.get("/favicon.ico", ctx -> ctx.header("Cache-Control", "public, max-age=604800").contentType("image/svg+xml").result(favicon));
            config.routes.get("/health", ctx -> ctx.header("Cache-Control", "no-store").json(java.util.Map.of("status", "ok")));

            // The back office: every request passes the guard (session, CSRF on POST); every route checks its roles.
            config.routes.before("/admin", guard::before);
            config.routes.before("/admin/*", guard::before);
            config.routes.get("/admin/sign-in", signIn::form);
            config.routes.post("/admin/sign-in", signIn::signIn);
            config.routes.post("/admin/sign-out", signIn::signOut);
            for (AdminRoute r : admin) {
                if (r.method().equals("GET")) config.routes.get(r.path(), guard.protect(r));
                else config.routes.post(r.path(), guard.protect(r));
            }

            config.routes.exception(Forbidden.class, (e, ctx) -> {
                log.info("403 {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                ctx.status(HttpStatus.FORBIDDEN);
                errorPage(ctx, site, templates, 403, "error.403.heading", site.messages().get(e.messageKey()));
            });
            config.routes.exception(TooManyRequests.class, (e, ctx) -> {
                ctx.status(HttpStatus.TOO_MANY_REQUESTS);
                errorPage(ctx, site, templates, 429, "error.429.heading", site.messages().get("error.429.message"));
            });
            config.routes.exception(Conflict.class, (e, ctx) -> {
                ctx.status(HttpStatus.CONFLICT);
                errorPage(ctx, site, templates, 409, "error.409.heading", site.messages().get(e.messageKey()));
            });
            config.routes.exception(NotFound.class, (e, ctx) -> {
                log.debug("404 {}: {}", ctx.path(), e.getMessage());
                ctx.attribute(NOT_FOUND_KEY, e.messageKey());
                ctx.status(HttpStatus.NOT_FOUND);
            });
            config.routes.exception(Redirect.class, (e, ctx) -> ctx.redirect(e.location(), HttpStatus.MOVED_PERMANENTLY));
            config.routes.exception(Exception.class, (e, ctx) -> {
                String id = UUID.randomUUID().toString().substring(0, 8);
                log.error("500 [{}] {} {}", id, ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
                errorPage(ctx, site, templates, 500, "error.500.heading", site.messages().get("error.500.message", id));
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(ANSWERED) != null) return;
                if (ctx.attribute(NOT_FOUND_KEY) == null && articles.redirectLegacy(ctx)) return;
                String key = ctx.attribute(NOT_FOUND_KEY);
                if (key == null) key = "error.page-not-found";
                errorPage(ctx, site, templates, 404, "error.404.heading", site.messages().get(key));
            });
            config.routes.error(405, ctx -> errorPage(ctx, site, templates, 405, "error.405.heading", site.messages().get("error.405.message")));
        });
    }

    private static void errorPage(Context ctx, Site site, Templates templates, int status, String headingKey, String message) {
        ctx.header("Cache-Control", "no-store");
        if (ctx.path().startsWith("/api/")) {
            String code = switch (status) {
                case 404 -> "not_found";
                case 405 -> "method_not_allowed";
                case 429 -> "rate_limited";
                default -> "server_error";
            };
            ctx.json(java.util.Map.of("error", java.util.Map.of("code", code, "message", message)));
            return;
        }
        String heading = site.messages().get(headingKey);
        byte[] html = templates.render("error.jte", new ErrorPage(site.errorFrame(heading, message, ctx.path()), status, heading, message));
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the class path");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
