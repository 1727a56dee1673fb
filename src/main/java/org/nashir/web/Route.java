package org.nashir.web;

import io.javalin.http.Handler;

import java.util.Set;

/**
 * One line of the route table: a method and path, who may use it, and the handler. {@code BEFORE} lines are
 * filters that run ahead of every route under their path (the back-office door). The server registers the list
 * it is given and knows no feature; tests walk the same list.
 */
public record Route(String method, String path, Access access, Handler handler, boolean sheddable) {
    public static final String BEFORE = "BEFORE";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", BEFORE);

    public Route {
        if (!METHODS.contains(method)) throw new IllegalArgumentException("route " + path + ": unknown method " + method);
        if (!path.startsWith("/")) throw new IllegalArgumentException("route path must start with /: " + path);
    }

    public Route(String method, String path, Access access, Handler handler) {
        this(method, path, access, handler, false);
    }

    /**
     * This route with anonymous work no cache answers (a search, a comment post): under overload it is turned away
     * first ({@link Admission}).
     */
    public Route shedFirst() {
        return new Route(method, path, access, handler, true);
    }

    public static Route get(String path, Access access, Handler handler) {
        return new Route("GET", path, access, handler);
    }

    public static Route post(String path, Access access, Handler handler) {
        return new Route("POST", path, access, handler);
    }

    public static Route put(String path, Access access, Handler handler) {
        return new Route("PUT", path, access, handler);
    }

    public static Route delete(String path, Access access, Handler handler) {
        return new Route("DELETE", path, access, handler);
    }

    public static Route before(String path, Handler handler) {
        return new Route(BEFORE, path, Access.ANYONE, handler);
    }

    /** {@code GET /x} as the README and the tests write it. */
    public String describe() {
        return method + " " + path;
    }
}
