package org.nashir.views;

import io.javalin.http.Context;

import java.util.Base64;

/**
 * The view beacon. Article pages are cached (by us and by CDNs), so the count cannot happen while rendering:
 * the page's script posts here once it is shown, and a {@code <noscript>} image asks for the pixel instead.
 */
public final class ViewRoutes {
    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private final ViewCounter counter;

    public ViewRoutes(ViewCounter counter) {
        this.counter = counter;
    }

    public void beacon(Context ctx) {
        count(ctx);
        ctx.header("Cache-Control", "no-store").status(204);
    }

    public void pixel(Context ctx) {
        count(ctx);
        ctx.header("Cache-Control", "no-store").contentType("image/gif").result(PIXEL);
    }

    private void count(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.matches("[0-9]{1,18}")) counter.record(Long.parseLong(id), ctx.ip(), ctx.header("User-Agent"));
    }
}
