package org.nashir.account;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.web.Input;
import org.nashir.web.NotFound;
import org.nashir.web.RateLimit;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.Optional;

/**
 * Passwords in the back office: anyone changes their own (the current one required; every other session of theirs
 * ends), an admin resets someone's (a new one generated and shown once; every session of that account ends).
 * What a password must be is {@link Passwords#problem}.
 */
public final class PasswordRoutes {
    public record PasswordPage(AdminFrame frame, String error) {}

    public record ResetPage(AdminFrame frame, Account account, String password) {}

    private final AccountStore accounts;
    private final AuditLog audit;
    private final RateLimit checks;
    private final Site site;
    private final Templates templates;

    /** {@code checks}: tries of the current password per account (a stolen session must not make a guessing machine). */
    private final TwoStep twoStep;

    public PasswordRoutes(AccountStore accounts, TwoStep twoStep, AuditLog audit, RateLimit checks, Site site, Templates templates) {
        this.twoStep = twoStep;
        this.accounts = accounts;
        this.audit = audit;
        this.checks = checks;
        this.site = site;
        this.templates = templates;
    }

    /** {@code GET /admin/password}. */
    public void form(Context ctx) {
        render(ctx, 200, null);
    }

    /** {@code POST /admin/password} with {@code current}, {@code password}, {@code password_again}. */
    public void change(Context ctx) {
        Account me = Guard.required(ctx).account();
        String current = Optional.ofNullable(ctx.formParam("current")).orElse("");
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String again = Optional.ofNullable(ctx.formParam("password_again")).orElse("");
        if (!checks.allow("account:" + me.id())) {
            ctx.header("Retry-After", Long.toString(checks.retryAfterSeconds()));
            render(ctx, 429, site.messages().get("password.error.throttled"));
            return;
        }
        if (!accounts.passwordMatches(me.id(), current)) {
            audit.record(me.id(), "password.change-refused", "account:" + me.id(), "wrong current password");
            render(ctx, 422, site.messages().get("password.error.current"));
            return;
        }
        if (!password.equals(again)) {
            render(ctx, 422, site.messages().get("password.error.again"));
            return;
        }
        Optional<String> problem = Passwords.problem(password, me.email());
        if (problem.isPresent()) {
            render(ctx, 422, problem.get());
            return;
        }
        accounts.setPassword(me.id(), password, ctx.cookie(Guard.SESSION_COOKIE));
        audit.record(me.id(), "password.changed", "account:" + me.id(), "other sessions ended");
        ctx.redirect("/admin/password?done=password-changed", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /admin/accounts/{id}/password}: a new password for someone who forgot theirs, shown once to the admin. */
    public void reset(Context ctx) {
        Account me = Guard.required(ctx).account();
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new NotFound("bad account id " + raw, "error.page-not-found");
        Account target = accounts.findById(Input.id(raw)).orElseThrow(() -> new NotFound("no account " + raw, "error.page-not-found"));
        String password = Passwords.generate();
        accounts.setPassword(target.id(), password, null);
        audit.record(me.id(), "password.reset", "account:" + target.id(), target.email() + ": every session ended");
        // Someone locked out has often lost the phone too: the reset turns two-step off, and a role that requires
        // it leads them to set it up again at their next sign-in.
        if (twoStep.enabled(target.id())) {
            twoStep.disable(target.id());
            audit.record(me.id(), "two-step.disabled", "account:" + target.id(), target.email() + ": with the password reset");
        }
        // Shown on this answer only (not cached, not redirected to); the admin hands it over, the person changes it.
        templates.send(ctx, 200, "admin/password-reset.jte",
            new ResetPage(AdminFrame.of(site, ctx, site.messages().get("password.reset.title"), "accounts"), target, password));
    }

    private void render(Context ctx, int status, String error) {
        templates.send(ctx, status, "admin/password.jte", new PasswordPage(AdminFrame.of(site, ctx, site.messages().get("password.title"), "password"), error));
    }
}
