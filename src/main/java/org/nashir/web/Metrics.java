package org.nashir.web;

import io.javalin.http.Context;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What operators watch: {@code /metrics} in Prometheus's text format (requests by route and status with latency
 * histograms, the page cache, the database pool, the JVM), the access log (one line per request, text or JSON) and
 * the slow-request log. {@code /metrics} answers a bearer token when {@code NASHIR_METRICS_TOKEN} is set, and only
 * this machine otherwise.
 */
public final class Metrics {
    /** The route a request matched, set by the server before its handler runs; absent for static files and 404s. */
    public static final String ROUTE = "nashir.route";
    /** Set on a request refused after a deliberate pause (see {@link Admission}): not slow, so not in the slow log. */
    static final String PAUSED = "nashir.paused";
    private static final Logger access = LoggerFactory.getLogger("nashir.access");
    private static final Logger slow = LoggerFactory.getLogger("nashir.slow");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Request timers by route, method and status (a few hundred at most: routes are the table's), found without a builder per request. */
    private final java.util.concurrent.ConcurrentHashMap<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();
    private final byte[] token;
    private final org.nashir.config.TrustedProxies proxies;
    private final String accessLog;
    private final int slowMillis;

    public Metrics(String token, org.nashir.config.TrustedProxies proxies, String accessLog, int slowMillis) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.proxies = proxies;
        this.accessLog = accessLog;
        this.slowMillis = slowMillis;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The page cache's work: fresh hits, previous versions served, renders (and their time), waits, failures, bytes. */
    public void bind(PageCache cache) {
        FunctionCounter.builder("nashir.page.cache.requests", cache, c -> c.counts().fresh()).tag("result", "hit").register(registry);
        FunctionCounter.builder("nashir.page.cache.requests", cache, c -> c.counts().stale()).tag("result", "stale").register(registry);
        FunctionCounter.builder("nashir.page.cache.requests", cache, c -> c.counts().missed()).tag("result", "miss").register(registry);
        FunctionCounter.builder("nashir.page.cache.requests", cache, c -> c.counts().coalesced()).tag("result", "coalesced").register(registry);
        FunctionCounter.builder("nashir.page.cache.revalidations", cache, c -> c.counts().revalidations())
            .description("stale pages rendered again in the background while their readers got the previous version").register(registry);
        FunctionCounter.builder("nashir.page.cache.direct", cache, c -> c.counts().direct())
            .description("kept pages answered before routing (DirectReads): fresh ones, and previous versions while the page is rendered again; included in result=hit or result=stale").register(registry);
        FunctionCounter.builder("nashir.page.cache.render.failures", cache, c -> c.counts().failures())
            .description("renders that failed while a previous version was served instead").register(registry);
        FunctionTimer.builder("nashir.page.render", cache, c -> c.renders(), c -> c.counts().renderNanos(), TimeUnit.NANOSECONDS).register(registry);
        Gauge.builder("nashir.page.cache.bytes", cache, c -> c.counts().bytes()).description("all forms of all kept pages").baseUnit("bytes").register(registry);
        Gauge.builder("nashir.page.cache.pages", cache, c -> c.counts().pages()).register(registry);
    }

    /** Called by the server after each request (static files and errors included): the timer, the logs. */
    public void request(Context ctx, float millis) {
        String route = ctx.attribute(ROUTE);
        if (route == null) route = ctx.path().startsWith("/static/") || ctx.path().startsWith("/webjars/") || ctx.path().startsWith("/media/")
            ? "static" : "unmatched";
        request(ctx.method().name(), ctx.path(), route, ctx.statusCode(), millis, ctx.res().getHeader("Content-Encoding"), ctx.attribute(PAUSED) != null);
    }

    /** A request answered with {@code status} in {@code millis} ({@code encoding}: its Content-Encoding, or null). */
    void request(String method, String path, String route, int status, float millis, String encoding, boolean paused) {
        long nanos = (long) (millis * 1_000_000L);
        timers.computeIfAbsent(route + ' ' + method + ' ' + status, k -> Timer.builder("http.server.requests").tag("route", route).tag("method", method)
                .tag("status", Integer.toString(status)).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry))
            .record(nanos, TimeUnit.NANOSECONDS);
        if (!accessLog.equals("off")) {
            if (accessLog.equals("json")) {
                access.info("{\"method\":\"{}\",\"path\":\"{}\",\"route\":\"{}\",\"status\":{},\"ms\":{},\"encoding\":\"{}\"}", method,
                    json(path), json(route), status, String.format(java.util.Locale.ROOT, "%.1f", millis), encoding == null ? "" : encoding);
            } else {
                access.info("{} {} {} {} ms{}", method, path, status, String.format(java.util.Locale.ROOT, "%.1f", millis),
                    encoding == null ? "" : " " + encoding);
            }
        }
        if (slowMillis > 0 && millis >= slowMillis && !paused) slow.warn("slow request: {} {} (route {}) answered {} in {} ms", method, path, route, status,
            String.format(java.util.Locale.ROOT, "%.0f", millis));
    }

    /** {@code GET /metrics}. */
    public void handle(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!allowed(ctx)) {
            ctx.status(token == null ? 403 : 401);
            if (token != null) ctx.header("WWW-Authenticate", "Bearer");
            ctx.contentType("text/plain; charset=utf-8").result(token == null
                ? "المقاييس تُقرأ من هذا الجهاز وحده؛ اضبط NASHIR_METRICS_TOKEN لقراءتها من غيره.\n"
                : "قراءة المقاييس تحتاج إلى الرمز: Authorization: Bearer $NASHIR_METRICS_TOKEN\n");
            return;
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    private boolean allowed(Context ctx) {
        if (token != null) {
            String header = ctx.header("Authorization");
            if (header == null || !header.startsWith("Bearer ")) return false;
            return MessageDigest.isEqual(token, header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8));
        }
        // Behind a proxy on this machine every request comes from loopback: one a proxy forwarded is not local.
        if (ctx.header("X-Forwarded-For") != null && proxies.contains(ctx.req().getRemoteAddr())) return false;
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.toString();
    }
}
