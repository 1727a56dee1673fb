package org.nashir.views;

import org.nashir.web.Input;
import org.nashir.web.RateLimit;
import io.javalin.http.Context;

import java.util.Base64;

/**
 * The view beacon. Article pages are cached (by us and by CDNs), so the count cannot happen while rendering:
 * the page's script posts here once it is shown, and a {@code <noscript>} image asks for the pixel instead.
 */
public final class ViewRoutes {
    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private final ViewCounter counter;
    private final RateLimit limit;

    public ViewRoutes(ViewCounter counter, RateLimit limit) {
        this.counter = counter;
        this.limit = limit;
    }

    public void beacon(Context ctx) {
        count(ctx);
        ctx.header("Cache-Control", "no-store").status(204);
    }

    public void pixel(Context ctx) {
        count(ctx);
        ctx.header("Cache-Control", "no-store").contentType("image/gif").result(PIXEL);
    }

    /** A flood from one address is answered like any beacon (nothing to learn from it) but not counted. */
    private void count(Context ctx) {
        if (!limit.allow(ctx.ip())) return;
        String id = ctx.pathParam("id");
        if (Input.isId(id)) counter.record(Input.id(id), ctx.ip(), ctx.header("User-Agent"));
    }
}
