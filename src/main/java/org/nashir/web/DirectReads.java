package org.nashir.web;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Answers a GET for a fresh cached page in front of the servlet layer, with the same bytes and header fields its
 * route would send: a breaking story is read tens of thousands of times between two changes, and for each of those
 * reads matching the routes (the before-handlers, then the route, then its path parameters) and the servlet
 * request's wrappers cost as much as sending the page (bench/compressed.sh: about half of nginx's rate through
 * Javalin). The page cache learns which address answers which kept page from the routes themselves
 * ({@link PageCache#send}), so this knows no route; anything else (a stale page, credentials, another method, an
 * address never answered) goes on to Javalin unchanged. Every request passes here, so this is also where a
 * draining node asks clients to close their connections, and where a request for a shed-first route is refused while
 * {@link Admission} is crowded, before the framework spends anything on it.
 */
final class DirectReads extends Handler.Wrapper {
    private final PageCache cache;
    private final List<HttpField> common;
    private final Metrics metrics;
    private final java.util.function.BooleanSupplier draining;
    private final long maxBody;
    private final java.util.function.Supplier<UriCompliance> compliance;
    private final ServerErrors errors;
    private final Admission admission;
    private final org.eclipse.jetty.server.LocalConnector local;
    private final List<ShedFirst> shedFirst;
    private static final String SESSION = WebServer.SESSION_COOKIE + "=";
    private static final HttpField CLOSE = new org.eclipse.jetty.http.PreEncodedHttpField(HttpHeader.CONNECTION, "close");
    private static final HttpField RETRY_AFTER = new org.eclipse.jetty.http.PreEncodedHttpField(HttpHeader.RETRY_AFTER, Integer.toString(Admission.RETRY_AFTER));

    /** A shed-first route's address as a pattern ("{id}" is one path segment), with the route it names in metrics. */
    record ShedFirst(String method, java.util.regex.Pattern path, String route) {
        static List<ShedFirst> of(List<Route> routes) {
            return routes.stream().filter(Route::sheddable).map(r -> new ShedFirst(r.method().toUpperCase(java.util.Locale.ROOT),
                java.util.regex.Pattern.compile(java.util.Arrays.stream(r.path().split("/", -1))
                    .map(segment -> segment.startsWith("{") ? "[^/]+" : java.util.regex.Pattern.quote(segment))
                    .collect(java.util.stream.Collectors.joining("/")) + "/?"), r.path())).toList();
        }
    }

    DirectReads(PageCache cache, List<HttpField> common, Metrics metrics, java.util.function.BooleanSupplier draining, long maxBody,
                java.util.function.Supplier<UriCompliance> compliance, ServerErrors errors, Admission admission, List<Route> routes,
                org.eclipse.jetty.server.LocalConnector local) {
        this.local = local;
        this.admission = admission;
        this.shedFirst = ShedFirst.of(routes);
        this.errors = errors;
        this.maxBody = maxBody;
        this.compliance = compliance;
        this.cache = cache;
        this.common = common;
        this.metrics = metrics;
        this.draining = draining;
        cache.answerDirectly(common.stream().map(HttpField::getName).collect(java.util.stream.Collectors.toSet()), this::revalidate);
    }

    /**
     * Renders the page at {@code address} again in the background: a GET of it through {@code local}, an in-process
     * connector no client can reach, which passes here to its route like any request and leaves the new version in
     * the cache; {@code done} when it is answered (or failed: the previous version stays, the next reader asks again).
     */
    private void revalidate(String address, Runnable done) {
        Thread.ofVirtual().name("page-revalidate").start(() -> {
            try {
                local.getResponse("GET " + address + " HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n", 30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(DirectReads.class).warn("rendering {} again in the background failed: {}", address, e.toString());
            } finally {
                done.run();
            }
        });
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // From when the request arrived, not when this handler was reached: a request that waited for a thread
        // waited as the reader sees it, and the latency histograms must show it.
        long started = request.getBeginNanoTime();
        // A stopping node closes each connection after its answer, so a balancer's kept-alive connections are gone
        // before the server stops taking requests (one sent on them then would be refused with a 503).
        if (draining.getAsBoolean()) response.getHeaders().put(CLOSE);
        // A body announced over the limit is refused before anyone waits for it (a client that announces 200 MB and
        // sends nothing would otherwise hold a thread until the idle timeout).
        if (request.getLength() > maxBody) {
            response.setStatus(413);
            response.getHeaders().put(CLOSE);
            return errors.answer(request, response, callback, 413);
        }
        var target = request.getHttpURI();
        if (target.hasViolations() && !compliance.get().getAllowed().containsAll(target.getViolations())) {
            // The connector lets every address through (WebServer) so that what its compliance refuses is refused
            // here with the site's own 400, and a link cut in the middle of a letter (a share that lost its end)
            // reaches its page without the broken letter.
            // (Not an address too long for a Location field: the answer would not fit in its header.)
            String repaired = (HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod())) && target.getPathQuery().length() <= 4000
                ? untruncated(target.getPath()) : null;
            if (repaired == null) {
                response.setStatus(400);
                return errors.answer(request, response, callback, 400);
            }
            response.setStatus(301);
            response.getHeaders().put(HttpHeader.LOCATION, target.getQuery() == null ? repaired : repaired + "?" + target.getQuery());
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=3600");
            response.write(true, null, callback);
            return true;
        }
        if (admission.crowded()) {
            String route = shedFirst(request.getMethod(), target.getPath());
            if (route != null) return refuse(request, response, callback, route, started);
        }
        // A background render (revalidate) goes to its route: it is what makes the page fresh.
        if (!HttpMethod.GET.is(request.getMethod()) || request.getHeaders().contains(HttpHeader.AUTHORIZATION)
            || request.getConnectionMetaData().getConnector() == local) {
            return super.handle(request, response, callback);
        }
        var uri = request.getHttpURI();
        String query = uri.getQuery();
        PageCache.Address[] where = new PageCache.Address[1];
        String address = query == null ? uri.getPath() : uri.getPath() + "?" + query;
        PageCache.Page page = cache.fresh(address, where, revalidates(request, address));
        if (page == null) return super.handle(request, response, callback);
        PageCache.Address known = where[0];
        var headers = response.getHeaders();
        for (HttpField f : common) headers.add(f);
        Encoding encoding = Encoding.pick(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING), page.brotli() != null);
        int status = 200;
        String sent = encoding.token;
        if (PageCache.describe(page, encoding, known.cacheControl(), request.getHeaders().get(HttpHeader.IF_NONE_MATCH), headers::add)) {
            status = 304;
            sent = null;
            response.setStatus(304);
            response.write(true, null, callback);
        } else {
            byte[] body = page.bytes(encoding);
            headers.add(known.contentType());
            headers.put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
        metrics.request("GET", uri.getPath(), known.route(), status, (System.nanoTime() - started) / 1e6f, sent, false);
        return true;
    }

    /**
     * Whether a stale page may be answered to this request while it is rendered again in the background. Not to a
     * signed-in member of the newsroom, who has just changed something and reloads to see it: their request renders
     * the page at once. Nor for an address that would not fit on a request line as it is.
     */
    private static boolean revalidates(Request request, String address) {
        // Every Cookie field (HTTP/2 clients may send one per cookie), and the name whole: not "xnashir_session=".
        for (HttpField f : request.getHeaders()) {
            if (f.getHeader() != HttpHeader.COOKIE) continue;
            String cookies = f.getValue();
            for (int at = cookies.indexOf(SESSION); at >= 0; at = cookies.indexOf(SESSION, at + 1)) {
                if (at == 0 || cookies.charAt(at - 1) == ' ' || cookies.charAt(at - 1) == ';') return false;
            }
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= ' ' || c >= 0x7f) return false;
        }
        return true;
    }

    /** The shed-first route {@code method} and {@code path} go to, or null. */
    private String shedFirst(String method, String path) {
        if (path == null) return null;
        for (ShedFirst s : shedFirst) if (s.method().equals(method) && s.path().matcher(path).matches()) return s.route();
        return null;
    }

    /**
     * A shed-first request while its places are taken and its waiters many: 503 with {@code Retry-After} after the
     * same pause the routes give (parked on the scheduler, holding no thread), decided here before the framework
     * builds its request, context and wrappers. Parked for two seconds, those outlived the young collections and were
     * promoted: 250 refusals a second filled the old generation and a full collection stopped every reader every few
     * seconds (bench/flood.sh, GC log).
     */
    private boolean refuse(Request request, Response response, Callback callback, String route, long started) {
        response.setStatus(503);
        response.getHeaders().put(RETRY_AFTER);
        request.getComponents().getScheduler().schedule(() -> {
            errors.answer(request, response, callback, 503);
            metrics.request(request.getMethod(), request.getHttpURI().getPath(), route, 503, (System.nanoTime() - started) / 1e6f, null, true);
        }, admission.pauseMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return true;
    }

    /**
     * {@code raw} (a percent-encoded path) without the letter cut off at its end, or null when its end is not the
     * beginning of a UTF-8 letter (a lead byte C2–F4 followed by fewer continuation bytes than it announces, or a
     * lone {@code %} or {@code %D}) or what is left does not decode: other bad encodings are not repaired.
     */
    static String untruncated(String raw) {
        String cut = raw.replaceFirst("%[0-9A-Fa-f]?$", "");
        int[] tail = new int[4];
        int n = 0;
        int end = cut.length();
        while (n < 4 && end >= 3 && cut.charAt(end - 3) == '%' && cut.substring(end - 2, end).matches("[0-9A-Fa-f]{2}")) {
            tail[n++] = java.util.HexFormat.fromHexDigits(cut, end - 2, end);
            end -= 3;
        }
        // tail[0] is the last byte. Continuation bytes first, then the lead byte that announced more than followed.
        int continuations = 0;
        while (continuations < n && (tail[continuations] & 0xC0) == 0x80) continuations++;
        if (continuations < n) {
            int lead = tail[continuations];
            int wanted = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : -1;
            if (wanted > continuations) {
                String repaired = cut.substring(0, cut.length() - 3 * (continuations + 1));
                return decodes(repaired) ? repaired : null;
            }
        }
        return !cut.equals(raw) && decodes(cut) ? cut : null;
    }

    private static boolean decodes(String raw) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) return false;
                int v = java.util.HexFormat.fromHexDigits(raw, i + 1, i + 3);
                bytes.write(v);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException | IllegalArgumentException e) {
            return false;
        }
    }
}
