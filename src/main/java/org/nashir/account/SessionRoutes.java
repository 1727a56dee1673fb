package org.nashir.account;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.web.NotFound;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.List;

/** "Where you are signed in": one's own sessions, each with its start, last use, browser and network; end one or all others. */
public final class SessionRoutes {
    public record SessionsPage(AdminFrame frame, List<AccountStore.SessionInfo> sessions, String current) {}

    private final AccountStore accounts;
    private final AuditLog audit;
    private final Site site;
    private final Templates templates;

    public SessionRoutes(AccountStore accounts, AuditLog audit, Site site, Templates templates) {
        this.accounts = accounts;
        this.audit = audit;
        this.site = site;
        this.templates = templates;
    }

    /** {@code GET /admin/sessions}. */
    public void list(Context ctx) {
        Account me = Guard.required(ctx).account();
        templates.send(ctx, 200, "admin/sessions.jte", new SessionsPage(AdminFrame.of(site, ctx, site.messages().get("sessions.title"), "sessions"),
            accounts.listSessions(me.id()), AccountStore.handleOf(ctx.cookie(Guard.SESSION_COOKIE))));
    }

    /** {@code POST /admin/sessions/end} with {@code session} = a session's handle, or {@code others}. */
    public void end(Context ctx) {
        Account me = Guard.required(ctx).account();
        String which = String.valueOf(ctx.formParam("session"));
        if (which.equals("others")) {
            int ended = accounts.endOtherSessions(me.id(), ctx.cookie(Guard.SESSION_COOKIE));
            audit.record(me.id(), "session.ended", "account:" + me.id(), "all others (" + ended + ")");
        } else {
            if (!accounts.endSession(me.id(), which)) throw new NotFound("no session " + which + " of " + me.email(), "error.page-not-found");
            audit.record(me.id(), "session.ended", "account:" + me.id(), which);
        }
        ctx.redirect("/admin/sessions?done=session-ended", HttpStatus.SEE_OTHER);
    }

    /** A browser's user agent in a few words ("Chrome، Android"), all a person needs to recognise a session. */
    static String browser(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) return "";
        String ua = userAgent;
        String browser = ua.contains("Edg/") ? "Edge" : ua.contains("OPR/") ? "Opera" : ua.contains("SamsungBrowser") ? "Samsung Internet"
            : ua.contains("Firefox/") ? "Firefox" : ua.contains("Chrome/") ? "Chrome" : ua.contains("Safari/") ? "Safari" : "";
        String system = ua.contains("Android") ? "Android" : ua.contains("iPhone") || ua.contains("iPad") ? "iOS" : ua.contains("Windows") ? "Windows"
            : ua.contains("Mac OS X") ? "macOS" : ua.contains("Linux") ? "Linux" : "";
        String both = browser.isEmpty() ? system : system.isEmpty() ? browser : browser + "، " + system;
        return both.isEmpty() ? userAgent.substring(0, Math.min(60, userAgent.length())) : both;
    }

    /** The network an address is in (IPv4 /24, IPv6 /48): enough to recognise "the office" or "home", not to locate anyone. */
    static String network(String address) {
        if (address == null) return "";
        if (address.contains(":")) {
            String[] groups = address.split(":", -1);
            return groups.length >= 3 ? groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48" : address;
        }
        int last = address.lastIndexOf('.');
        return last > 0 ? address.substring(0, last) + ".0/24" : address;
    }
}
