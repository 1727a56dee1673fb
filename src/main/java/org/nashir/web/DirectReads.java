package org.nashir.web;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
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
 * draining node asks clients to close their connections.
 */
final class DirectReads extends Handler.Wrapper {
    private final PageCache cache;
    private final List<HttpField> common;
    private final Metrics metrics;
    private final java.util.function.BooleanSupplier draining;
    private static final HttpField CLOSE = new org.eclipse.jetty.http.PreEncodedHttpField(HttpHeader.CONNECTION, "close");

    DirectReads(PageCache cache, List<HttpField> common, Metrics metrics, java.util.function.BooleanSupplier draining) {
        this.cache = cache;
        this.common = common;
        this.metrics = metrics;
        this.draining = draining;
        cache.answerDirectly(common.stream().map(HttpField::getName).collect(java.util.stream.Collectors.toSet()));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long started = System.nanoTime();
        // A stopping node closes each connection after its answer, so a balancer's kept-alive connections are gone
        // before the server stops taking requests (one sent on them then would be refused with a 503).
        if (draining.getAsBoolean()) response.getHeaders().put(CLOSE);
        if (!HttpMethod.GET.is(request.getMethod()) || request.getHeaders().contains(HttpHeader.AUTHORIZATION)) {
            return super.handle(request, response, callback);
        }
        var uri = request.getHttpURI();
        String query = uri.getQuery();
        PageCache.Address[] where = new PageCache.Address[1];
        PageCache.Page page = cache.fresh(query == null ? uri.getPath() : uri.getPath() + "?" + query, where);
        if (page == null) return super.handle(request, response, callback);
        PageCache.Address address = where[0];
        var headers = response.getHeaders();
        for (HttpField f : common) headers.add(f);
        Encoding encoding = Encoding.pick(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING), page.brotli() != null);
        int status = 200;
        String sent = encoding.token;
        if (PageCache.describe(page, encoding, address.cacheControl(), request.getHeaders().get(HttpHeader.IF_NONE_MATCH), headers::add)) {
            status = 304;
            sent = null;
            response.setStatus(304);
            response.write(true, null, callback);
        } else {
            byte[] body = page.bytes(encoding);
            headers.add(address.contentType());
            headers.put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
        metrics.request("GET", uri.getPath(), address.route(), status, (System.nanoTime() - started) / 1e6f, sent, false);
        return true;
    }
}
