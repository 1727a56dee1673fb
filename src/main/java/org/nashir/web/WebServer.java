package org.nashir.web;

import org.eclipse.jetty.http.UriCompliance;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The HTTP server: registers the route table it is given (it knows no feature), maps errors to Arabic pages or
 * JSON, and sets the headers every response carries.
 */
public final class WebServer {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final String NOT_FOUND_KEY = "nashir.notFoundKey";
    /** Set when an API error was answered as JSON, so the error pages leave it alone. */
    private static final String ANSWERED = "nashir.answered";

    private WebServer() {}

    /**
     * The server for {@code routes}, in their order. {@code unmatched} is offered every address no route answered
     * (old addresses of an imported site) before the 404 page; it returns true when it answered.
     */
    public static Javalin create(Site site, Templates templates, List<Route> routes, Predicate<Context> unmatched, Metrics metrics, Admission admission,
                                 PageCache pages, java.util.function.BooleanSupplier draining) {
        String csp = site.contentSecurityPolicy();
        return Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            var proxies = site.settings().trustedProxies();
            if (!proxies.isEmpty()) config.contextResolver.ip = ctx -> proxies.client(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
            config.jsonMapper(new io.javalin.json.JavalinJackson(Json.MAPPER, true));
            java.util.concurrent.atomic.AtomicReference<UriCompliance> uriCompliance = new java.util.concurrent.atomic.AtomicReference<>(UriCompliance.DEFAULT);
            config.http.generateEtags = false;
            // Cached pages come compressed already (PageCache); this is for the uncached answers (API, search, the
            // back office): quick levels, so compressing does not cost more than answering.
            var compression = new io.javalin.compression.CompressionStrategy(
                Encoding.BROTLI_AVAILABLE ? new io.javalin.compression.Brotli(4) : null, new io.javalin.compression.Gzip(5));
            compression.setPreferredCompressors(java.util.List.of(io.javalin.compression.CompressionType.BR, io.javalin.compression.CompressionType.GZIP));
            config.http.compressionStrategy = compression;
            // The buffer each other answer is copied through, new per response: Jetty's 32 KB made allocation, and so
            // collections, the main cost of a flood on a 64 MB heap; 8 KB holds most compressed pages.
            config.http.responseBufferSize = 8192;
            // Article bodies and image uploads; the media routes check their own, smaller limit first.
            config.http.maxRequestSize = MAX_BODY;
            // Room for a long query in the URL (10,000 Arabic letters are 60 KB percent-encoded) instead of a bare 414.
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(96 * 1024);
                // Each connection's parser builds a cache of the header fields it has seen, some 30 KB at Jetty's
                // default size: 600 flooding connections held half of a small server's heap in them.
                http.setHeaderCacheSize(64);
                // Every address reaches DirectReads, which refuses what this compliance would have refused, but with
                // the site's own 400 (JSON under /api/) rather than the parser's page, and repairs a link cut in the
                // middle of a letter.
                uriCompliance.set(http.getUriCompliance());
                http.setUriCompliance(UriCompliance.UNSAFE);
            });
            config.jetty.multipartConfig.maxFileSize(36, io.javalin.config.SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(40, io.javalin.config.SizeUnit.MB);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            config.startup.showJavalinBanner = false;
            // A bounded pool: each thread costs memory, and beyond a few dozen on a small server they only queue for
            // the CPU and the database.
            var threads = new org.eclipse.jetty.util.thread.QueuedThreadPool(site.settings().httpThreads(), Math.min(8, site.settings().httpThreads()), 60_000);
            threads.setName("nashir-http");
            config.jetty.threadPool = threads;
            // Every request, static files and errors included: its timer, the access log, the slow-request log.
            config.requestLogger.http(metrics::request);
            List<org.eclipse.jetty.http.HttpField> security = new java.util.ArrayList<>(List.of(
                new org.eclipse.jetty.http.PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
                new org.eclipse.jetty.http.PreEncodedHttpField("Referrer-Policy", "strict-origin-when-cross-origin"),
                new org.eclipse.jetty.http.PreEncodedHttpField("X-Frame-Options", "DENY"),
                new org.eclipse.jetty.http.PreEncodedHttpField("Content-Security-Policy", csp),
                // Powers a news page never needs, refused for it and for what it embeds (video players keep
                // fullscreen and picture-in-picture, which are not listed).
                new org.eclipse.jetty.http.PreEncodedHttpField("Permissions-Policy",
                    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), browsing-topics=()")));
            // Served over https, browsers are told to keep to https (a year; subdomains are the operator's to add).
            if (site.settings().baseUrl().startsWith("https://")) {
                security.add(new org.eclipse.jetty.http.PreEncodedHttpField("Strict-Transport-Security", "max-age=31536000"));
            }
            config.routes.before(ctx -> {
                for (var f : security) Encoding.addHeader(ctx, f);
            });
            // Fresh cached pages are answered before the servlet layer; Javalin puts its handler inside this one.
            // Stopping waits for the requests in flight (GracefulHandler counts them), for 20 s at most.
            ServerErrors serverErrors = new ServerErrors(site, templates, security);
            config.jetty.modifyServer(server -> {
                var graceful = new org.eclipse.jetty.server.handler.GracefulHandler();
                // In-process only: DirectReads renders stale pages again through it, in the background. Not among the
                // server's connectors (Javalin takes every one of them for a network connector): started and stopped
                // with the server.
                var local = new org.eclipse.jetty.server.LocalConnector(server);
                server.addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
                    @Override
                    public void lifeCycleStarted(org.eclipse.jetty.util.component.LifeCycle event) {
                        try {
                            local.start();
                        } catch (Exception e) {
                            throw new IllegalStateException("the in-process connector did not start", e);
                        }
                    }

                    @Override
                    public void lifeCycleStopping(org.eclipse.jetty.util.component.LifeCycle event) {
                        org.eclipse.jetty.util.component.LifeCycle.stop(local);
                    }
                });
                graceful.setHandler(new DirectReads(pages, security, metrics, draining, MAX_BODY, uriCompliance::get, serverErrors, admission, routes, local));
                server.setHandler(graceful);
                server.setStopTimeout(20_000);
                server.setErrorHandler(serverErrors.server);
            });
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(serverErrors.servlet));
            // A method an address does not take is 405 with Allow, not 404.
            config.http.prefer405over404 = true;

            for (Route r : routes) {
                if (r.method().equals(Route.BEFORE)) config.routes.before(r.path(), r.handler());
                else config.routes.addHttpHandler(HandlerType.findOrCreate(r.method()), r.path(), admitted(r, guarded(r), admission));
            }

            config.routes.exception(Forbidden.class, (e, ctx) -> {
                log.info("403 {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                ctx.status(HttpStatus.FORBIDDEN);
                // A session that ended (or a page left open too long) must not cost a writer the story they typed.
                boolean stale = e.messageKey().equals("error.sign-in-first") || e.messageKey().equals("error.csrf");
                errorPage(ctx, site, templates, 403, "error.403.heading", site.messages().get(e.messageKey()),
                    stale ? KeptForm.toCopy(ctx, site.messages()) : null);
            });
            BusyPage busy = new BusyPage(site, templates);
            config.routes.exception(Admission.Overloaded.class, (e, ctx) -> {
                if (ctx.path().startsWith("/api/")) {
                    unavailable(ctx, site, templates, Admission.RETRY_AFTER, "overloaded", "The server is busy; try again in a few seconds.", "error.503");
                } else {
                    ctx.header("Retry-After", Integer.toString(Admission.RETRY_AFTER)).status(HttpStatus.SERVICE_UNAVAILABLE);
                    PageCache.send(ctx, busy.get(), "text/html; charset=utf-8", "no-store");
                }
            });
            config.routes.exception(TooManyRequests.class, (e, ctx) -> {
                ctx.status(HttpStatus.TOO_MANY_REQUESTS);
                errorPage(ctx, site, templates, 429, "error.429.heading", site.messages().get(e.messageKey()),
                    e.back() == null ? null : KeptForm.toSendLater(ctx, site.messages(), e.back()));
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
            config.routes.exception(ApiError.class, (e, ctx) -> {
                ctx.attribute(ANSWERED, true);
                ctx.header("Cache-Control", "no-store").status(e.status()).json(e.body());
            });
            config.routes.exception(Redirect.class, (e, ctx) -> ctx.redirect(e.location(), HttpStatus.MOVED_PERMANENTLY));
            config.routes.exception(Exception.class, (e, ctx) -> {
                int refused = clientFault(e);
                if (refused > 0) {
                    // What the client sent could not be read (a body that is not the multipart it claims, over a
                    // limit) or the client left mid-request: its fault, not the server's; no 500, no stack trace.
                    log.info("{} {} {}: {}", refused, ctx.method(), ctx.path(), e.toString());
                    ctx.status(refused);
                    errorPage(ctx, site, templates, refused, "error." + (site.messages().has("error." + refused + ".heading") ? refused : 400) + ".heading",
                        site.messages().get("error." + (site.messages().has("error." + refused + ".message") ? refused : 400) + ".message"));
                    return;
                }
                StorageFailure failure = StorageFailure.of(e);
                if (failure != null) {
                    // Not a bug to report with an id: the database is down, the disk full; say so, when to retry, and
                    // give back what the person wrote.
                    log.warn("503 {} {}: {}: {}", ctx.method(), ctx.path(), failure.code, e.toString());
                    ctx.header("Retry-After", Integer.toString(failure.retryAfter)).status(HttpStatus.SERVICE_UNAVAILABLE);
                    String arabic = site.messages().get(failure.messages + ".message");
                    if (ctx.path().startsWith("/api/")) ctx.header("Cache-Control", "no-store").json(new ApiError(503, failure.code, failure.english, arabic).body());
                    else errorPage(ctx, site, templates, 503, failure.messages + ".heading", arabic, KeptForm.of(ctx, site.messages()));
                    return;
                }
                String id = UUID.randomUUID().toString().substring(0, 8);
                log.error("500 [{}] {} {}", id, ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
                errorPage(ctx, site, templates, 500, "error.500.heading", site.messages().get("error.500.message", id));
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(ANSWERED) != null) return;
                if (ctx.attribute(NOT_FOUND_KEY) == null && unmatched.test(ctx)) return;
                String key = ctx.attribute(NOT_FOUND_KEY);
                if (key == null) key = "error.page-not-found";
                errorPage(ctx, site, templates, 404, "error.404.heading", site.messages().get(key));
            });
            config.routes.error(405, ctx -> errorPage(ctx, site, templates, 405, "error.405.heading", site.messages().get("error.405.message")));
        });
    }

    /** The largest body taken: article bodies and image uploads (the media routes check their own, smaller limit first). */
    static final long MAX_BODY = 40L * 1024 * 1024;

    /** The cookie of a signed-in member of the newsroom (set by the account package; known here to DirectReads). */
    public static final String SESSION_COOKIE = "nashir_session";

    /** Shed-first routes take a place from {@link Admission} first; the others go straight in. */
    private static Handler admitted(Route r, Handler handler, Admission admission) {
        if (!r.sheddable()) return handler;
        return ctx -> {
            if (!admission.enter()) {
                ctx.attribute(Metrics.ROUTE, r.path());
                ctx.attribute(Metrics.PAUSED, true);
                // Refused after a pause that holds no thread: a flooding client sends its next request only then, so
                // its connections stop filling the queue cached readers wait in (answered at once, 600 flooding
                // connections kept 600 requests ahead of every reader: readers' p99 129 ms at once, 63 ms after
                // 500 ms, 45 ms after 2 s; bench/flood.sh).
                ctx.future(() -> CompletableFuture.runAsync(() -> {
                    throw new Admission.Overloaded(r.describe());
                }, admission.pause()));
                return;
            }
            // Run on a thread of the lowest priority (the launcher lets the JVM set it: ThreadPriorityPolicy), which
            // the system runs when cached readers leave it time: a search flood then slows itself, not the readers.
            ctx.future(() -> CompletableFuture.runAsync(() -> {
                try {
                    handler.handle(ctx);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                } finally {
                    admission.leave();
                }
            }, SHED_WORK).exceptionallyCompose(e -> {
                // A client over its limit is told so after the same pause: answered at once, a flood comes straight
                // back (100 connections posting comments got 850 refusals a second, each a page: bench/flood.sh).
                Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                if (!(cause instanceof TooManyRequests limited)) return CompletableFuture.failedFuture(cause);
                ctx.attribute(Metrics.PAUSED, true);
                return CompletableFuture.runAsync(() -> {
                    throw limited;
                }, admission.pause());
            }));
        };
    }

    /** The threads shed-first work runs on: as many as {@link Admission} lets in, at the lowest priority. */
    private static final java.util.concurrent.ExecutorService SHED_WORK = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "nashir-shed-first");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    /**
     * The common fork-join pool's threads, at normal priority whoever starts them ({@link org.nashir.cli.Main} names
     * this class in {@code java.util.concurrent.ForkJoinPool.common.threadFactory}). A new thread takes the priority of
     * the one that starts it, and a cache written on a shed-first thread starts the pool's worker that way: the
     * caches' upkeep (the page cache's eviction among it) then ran at nice 19 for as long as that worker lived.
     */
    public static final class CommonPoolThreads implements java.util.concurrent.ForkJoinPool.ForkJoinWorkerThreadFactory {
        @Override
        public java.util.concurrent.ForkJoinWorkerThread newThread(java.util.concurrent.ForkJoinPool pool) {
            java.util.concurrent.ForkJoinWorkerThread t = new java.util.concurrent.ForkJoinWorkerThread(null, pool, true) {};
            t.setPriority(Thread.NORM_PRIORITY);
            return t;
        }
    }

    /**
     * 503 with {@code Retry-After}: the API's error shape ({@link ApiError}) under {@code /api/}, else the Arabic page
     * whose heading and message are {@code messages}{@code .heading}/{@code .message}.
     */
    private static void unavailable(Context ctx, Site site, Templates templates, int retryAfter, String code, String english, String messages) {
        ctx.header("Retry-After", Integer.toString(retryAfter)).status(HttpStatus.SERVICE_UNAVAILABLE);
        String arabic = site.messages().get(messages + ".message");
        if (ctx.path().startsWith("/api/")) ctx.header("Cache-Control", "no-store").json(new ApiError(503, code, english, arabic).body());
        else errorPage(ctx, site, templates, 503, messages + ".heading", arabic);
    }

    /**
     * The page of a request shed under overload, rendered and compressed once a minute at most: under a flood it is
     * most of what the server answers, and rendering and compressing it for each took a sixth of the CPU the cached
     * readers needed (bench/flood.sh).
     */
    private static final class BusyPage {
        private final Site site;
        private final Templates templates;
        private volatile PageCache.Page page;
        private volatile long madeAt;

        BusyPage(Site site, Templates templates) {
            this.site = site;
            this.templates = templates;
        }

        PageCache.Page get() {
            PageCache.Page p = page;
            long now = System.nanoTime();
            if (p == null || now - madeAt > 60_000_000_000L) {
                String heading = site.messages().get("error.503.heading");
                String message = site.messages().get("error.503.message");
                byte[] html = templates.render("error.jte", new ErrorPage(site.errorFrame(heading, message, "/"), 503, heading, message));
                p = PageCache.Page.of(null, html, java.util.Set.of());
                page = p;
                madeAt = now;
            }
            return p;
        }
    }

    /**
     * The status for a failure that is the client's doing, or 0: a request the server could not parse (Jetty's
     * {@code BadMessageException} carries the status: bad multipart 400, too large 413) or a client that closed the
     * connection before sending all it announced.
     */
    static int clientFault(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof org.eclipse.jetty.http.BadMessageException b) return b.getCode() >= 400 && b.getCode() < 500 ? b.getCode() : 400;
            if (t instanceof org.eclipse.jetty.io.EofException || t.getClass().getName().endsWith("HttpEofException")) return 400;
            if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().contains("Form is larger than max length")) return 413;
            if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().contains("Too many form keys")) return 413;
        }
        return 0;
    }

    /** The route's handler behind its access check. */
    private static Handler guarded(Route r) {
        if (r.access() == Access.ANYONE) return ctx -> {
            ctx.attribute(Metrics.ROUTE, r.path());
            r.handler().handle(ctx);
        };
        return ctx -> {
            ctx.attribute(Metrics.ROUTE, r.path());
            if (r.access().check(ctx)) r.handler().handle(ctx);
        };
    }

    private static void errorPage(Context ctx, Site site, Templates templates, int status, String headingKey, String message) {
        errorPage(ctx, site, templates, status, headingKey, message, null);
    }

    private static void errorPage(Context ctx, Site site, Templates templates, int status, String headingKey, String message, KeptForm kept) {
        ctx.header("Cache-Control", "no-store");
        if (ctx.path().startsWith("/api/")) {
            ApiError e = switch (status) {
                case 404 -> new ApiError(404, "not_found", "no such address in the API", message);
                case 403 -> new ApiError(403, "forbidden", "not allowed", message);
                case 409 -> new ApiError(409, "conflict", "the request conflicts with the current state", message);
                case 405 -> new ApiError(405, "method_not_allowed", "this address does not take that method", message);
                case 429 -> new ApiError(429, "rate_limited", "too many requests; try again later", message);
                default -> new ApiError(status, "server_error", "the server failed; the log has the details", message);
            };
            ctx.json(e.body());
            return;
        }
        String heading = site.messages().get(headingKey);
        byte[] html = templates.render("error.jte", new ErrorPage(site.errorFrame(heading, message, ctx.path()), status, heading, message, kept));
        ctx.contentType("text/html; charset=utf-8").result(html);
    }
}
