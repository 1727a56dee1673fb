package org.nashir.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;

/**
 * The answers the server itself gives before any route runs: a request line or header fields too long (414, 431), a
 * body over the limit (413), an address that cannot be decoded (400). Jetty's own are English pages naming Jetty;
 * these are the site's Arabic error page, or the API's JSON error under {@code /api/} when the address could be read.
 */
final class ServerErrors {
    private final Site site;
    private final Templates templates;
    /** For errors outside any context (the parser's, a request no handler took). */
    final org.eclipse.jetty.server.handler.ErrorHandler server = new Core();
    /** For errors inside the servlet context (an address the servlet layer refuses to decode). */
    final org.eclipse.jetty.ee10.servlet.ErrorHandler servlet = new Servlet();

    private final List<org.eclipse.jetty.http.HttpField> security;

    /** {@code security}: the header fields every answer carries (CSP, nosniff, …), these included. */
    ServerErrors(Site site, Templates templates, List<org.eclipse.jetty.http.HttpField> security) {
        this.security = List.copyOf(security);
        this.site = site;
        this.templates = templates;
        for (var h : List.of(server, servlet)) {
            h.setShowStacks(false);
            h.setShowMessageInTitle(false);
        }
    }

    private final class Core extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                     List<Charset> charsets, int code, String message, Throwable cause) {
            return answer(request, response, callback, code);
        }

        /** Errors found while parsing, before there is a request to look at: the Arabic page. */
        @Override
        @SuppressWarnings("removal")
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            return bad(status, fields);
        }
    }

    private final class Servlet extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                     List<Charset> charsets, int code, String message, Throwable cause) {
            return answer(request, response, callback, code);
        }

        @Override
        @SuppressWarnings("removal")
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            return bad(status, fields);
        }
    }

    /** Writes the site's answer for {@code code}: the API's JSON error under /api/, else the Arabic page. */
    boolean answer(Request request, Response response, Callback callback, int code) {
        boolean api = false;
        try {
            String path = request.getHttpURI().getPath();
            api = path != null && path.startsWith("/api/");
        } catch (RuntimeException unreadable) {
            // an address that cannot be decoded: answered as a page
        }
        byte[] body = api ? json(code) : page(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, api ? "application/json; charset=utf-8" : "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        for (var f : security) response.getHeaders().put(f);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private ByteBuffer bad(int status, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        for (var f : security) fields.put(f);
        return ByteBuffer.wrap(page(status));
    }

    private String key(int status) {
        String key = "error." + status;
        return site.messages().has(key + ".message") ? key : "error.400";
    }

    /** A page made, and when: kept a minute, as the navigation it shows changes rarely. */
    private record Made(byte[] html, long at) {}

    private final java.util.concurrent.ConcurrentHashMap<Integer, Made> pages = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The Arabic page for {@code status}, rendered once a minute at most: a client sending garbage as fast as it can
     * gets these answers only, and rendering each one was most of the work of answering it.
     */
    byte[] page(int status) {
        long now = System.nanoTime();
        Made made = pages.get(status);
        if (made == null || now - made.at() > 60_000_000_000L) {
            String key = key(status);
            String heading = site.messages().get(key + ".heading");
            String message = site.messages().get(key + ".message");
            made = new Made(templates.render("error.jte", new ErrorPage(site.errorFrame(heading, message, "/"), status, heading, message)), now);
            pages.put(status, made);
        }
        return made.html();
    }

    private byte[] json(int status) {
        String code = switch (status) {
            case 413 -> "body_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            case 405 -> "method_not_allowed";
            case 404 -> "not_found";
            case 503 -> "overloaded";
            default -> "bad_request";
        };
        String english = switch (status) {
            case 413 -> "the request body is larger than the server accepts";
            case 414 -> "the address is longer than the server accepts";
            case 431 -> "the request's header fields are larger than the server accepts";
            case 503 -> "The server is busy; try again in a few seconds.";
            default -> "the request could not be read";
        };
        try {
            return Json.MAPPER.writeValueAsBytes(new ApiError(status, code, english, site.messages().get(key(status) + ".message")).body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
