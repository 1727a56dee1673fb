package org.nashir.account;

import io.javalin.http.Context;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.Optional;

/** Signing in and out of the back office. */
public final class SignInRoutes {
    /** The sign-in page: the address to return to, what was typed, and what went wrong. */
    public record SignInPage(AdminFrame frame, String next, String email, String error) {}

    /** The second step's page: the code field, the address to return to, and what went wrong. */
    public record CodePage(AdminFrame frame, String next, String error) {}

    /** The half-done sign-in between the password and the code: account, until when, signed and bound to the browser. */
    static final String TWO_STEP_COOKIE = "nashir_two_step";
    static final java.time.Duration TWO_STEP_TIME = java.time.Duration.ofMinutes(5);

    private final AccountStore accounts;
    private final AuditLog audit;
    private final Throttle throttle;
    private final Guard guard;
    private final Site site;
    private final Templates templates;
    private final TwoStep twoStep;
    private final java.time.Clock clock;

    public SignInRoutes(AccountStore accounts, AuditLog audit, Throttle throttle, Guard guard, TwoStep twoStep, Site site, Templates templates,
                        java.time.Clock clock) {
        this.twoStep = twoStep;
        this.clock = clock;
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
        if (twoStep.enabled(account.get().id())) {
            // Not signed in yet: the failures counted so far stay counted until the code is right, or the password
            // would reset the count of wrong codes each time it is typed again.
            String payload = account.get().id() + ":" + clock.instant().plus(TWO_STEP_TIME).toEpochMilli();
            guard.setCookie(ctx, TWO_STEP_COOKIE, payload + ":" + guard.sign(payload + ":" + Guard.browserCookie(ctx)), (int) TWO_STEP_TIME.toSeconds());
            ctx.redirect("/admin/sign-in/code?next=" + java.net.URLEncoder.encode(safeNext(next), java.nio.charset.StandardCharsets.UTF_8),
                io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        throttle.succeeded(email);
        start(ctx, account.get(), next, null);
    }

    /** {@code GET /admin/sign-in/code}: the second step, after a right password. */
    public void codeForm(Context ctx) {
        if (halfSignedIn(ctx).isEmpty()) {
            ctx.redirect("/admin/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        renderCode(ctx, 200, ctx.queryParam("next"), null);
    }

    /** {@code POST /admin/sign-in/code} with {@code code}: six digits from the app or a recovery code. */
    public void code(Context ctx) {
        String next = ctx.formParam("next");
        Optional<Account> account = halfSignedIn(ctx);
        if (account.isEmpty()) {
            render(ctx, 401, next, "", site.messages().get("two-step.error.expired"));
            return;
        }
        Account a = account.get();
        long wait = throttle.retryAfterSeconds(a.email(), ctx.ip());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            renderCode(ctx, 429, next, site.messages().get("sign-in.throttled", site.fmt().number(Math.max(1, wait / 60))));
            return;
        }
        TwoStep.Result result = twoStep.verify(a.id(), ctx.formParam("code"));
        if (result == TwoStep.Result.WRONG) {
            throttle.failed(a.email(), ctx.ip());
            audit.record(a.id(), "two-step.failed", a.email(), "sign-in");
            renderCode(ctx, 401, next, site.messages().get("two-step.error.code"));
            return;
        }
        throttle.succeeded(a.email());
        guard.setCookie(ctx, TWO_STEP_COOKIE, "", 0);
        if (result == TwoStep.Result.RECOVERY_CODE) {
            audit.record(a.id(), "two-step.recovery-code-used", a.email(), twoStep.recoveryCodesLeft(a.id()) + " left");
        }
        start(ctx, a, next, "two-step");
    }

    private void start(Context ctx, Account account, String next, String how) {
        guard.signOut(ctx);
        guard.signIn(ctx, accounts.startSession(account.id(), SessionRoutes.browser(ctx.header("User-Agent")), SessionRoutes.network(ctx.ip())));
        audit.record(account.id(), "sign-in", account.email(), how);
        ctx.redirect(safeNext(next), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** The account whose password was right in this browser less than five minutes ago, per the signed cookie. */
    private Optional<Account> halfSignedIn(Context ctx) {
        String cookie = ctx.cookie(TWO_STEP_COOKIE);
        if (cookie == null) return Optional.empty();
        String[] parts = cookie.split(":");
        if (parts.length != 3 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[0-9]{1,15}")) return Optional.empty();
        String expected = guard.sign(parts[0] + ":" + parts[1] + ":" + Guard.browserCookie(ctx));
        if (!java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8), parts[2].getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        if (Long.parseLong(parts[1]) < clock.millis()) return Optional.empty();
        return accounts.findById(Long.parseLong(parts[0])).filter(a -> !a.disabled());
    }

    private void renderCode(Context ctx, int status, String next, String error) {
        templates.send(ctx, status, "admin/sign-in-code.jte",
            new CodePage(AdminFrame.of(site, ctx, site.messages().get("two-step.title"), "sign-in"), next == null ? "" : next, error));
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
