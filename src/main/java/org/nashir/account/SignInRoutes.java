package org.nashir.account;

import io.javalin.http.Context;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.Optional;

/** Signing in and out of the back office. */
public final class SignInRoutes {
    /** The sign-in page: the address to return to, what was typed, and what went wrong. */
    public record SignInPage(AdminFrame frame, String next, String email, String error) {}

    private final AccountStore accounts;
    private final AuditLog audit;
    private final Throttle throttle;
    private final Guard guard;
    private final Site site;
    private final Templates templates;

    public SignInRoutes(AccountStore accounts, AuditLog audit, Throttle throttle, Guard guard, Site site, Templates templates) {
        this.accounts = accounts;
        this.audit = audit;
        this.throttle = throttle;
        this.guard = guard;
        this.site = site;
        this.templates = templates;
    }

    public void form(Context ctx) {
        if (Guard.session(ctx).isPresent()) {
            ctx.redirect(safeNext(ctx.queryParam("next")));
            return;
        }
        render(ctx, 200, ctx.queryParam("next"), "", null);
    }

    public void signIn(Context ctx) {
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = ctx.formParam("next");
        long wait = throttle.retryAfterSeconds(email, ctx.ip());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            render(ctx, 429, next, email, site.messages().get("sign-in.throttled", site.fmt().number(Math.max(1, wait / 60))));
            return;
        }
        if (email.isEmpty() || password.isEmpty() || email.length() > 254 || password.length() > 1024) {
            render(ctx, 422, next, email, site.messages().get("sign-in.missing"));
            return;
        }
        Optional<Account> account = accounts.authenticate(email, password);
        if (account.isEmpty()) {
            throttle.failed(email, ctx.ip());
            audit.record(null, "sign-in.failed", email.length() > 100 ? email.substring(0, 100) : email, null);
            // One message for an unknown email and a wrong password: the page must not tell which accounts exist.
            render(ctx, 401, next, email, site.messages().get("sign-in.wrong"));
            return;
        }
        throttle.succeeded(email);
        guard.signOut(ctx);
        guard.signIn(ctx, accounts.startSession(account.get().id(), SessionRoutes.browser(ctx.header("User-Agent")), SessionRoutes.network(ctx.ip())));
        audit.record(account.get().id(), "sign-in", account.get().email(), null);
        ctx.redirect(safeNext(next), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    public void signOut(Context ctx) {
        Guard.session(ctx).ifPresent(s -> audit.record(s.account().id(), "sign-out", s.account().email(), null));
        guard.signOut(ctx);
        ctx.redirect("/admin/sign-in?done=signed-out", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, String next, String email, String error) {
        templates.send(ctx, status, "admin/sign-in.jte",
            new SignInPage(AdminFrame.of(site, ctx, site.messages().get("sign-in.title"), "sign-in"), next == null ? "" : next, email, error));
    }

    /** Only a path inside the back office: never an absolute URL someone slipped into the link. */
    static String safeNext(String next) {
        // Short enough for a Location field (an over-long one does not fit in the answer's header).
        return next != null && next.length() <= 300 && next.matches("/admin(/[\\p{L}\\p{N}/_.-]*)?") ? next : "/admin";
    }
}
