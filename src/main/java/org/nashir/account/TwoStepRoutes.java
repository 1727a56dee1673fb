package org.nashir.account;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turning two-step sign-in on and off for oneself ({@code /admin/two-step}), and the roles that must use it (admins).
 * Turning it on needs a code from the app (so a mistyped secret cannot lock anyone out); turning it off needs the
 * password and a code, and is refused where one's role requires it.
 */
public final class TwoStepRoutes {
    /**
     * @param on whether two-step is on; then {@code since} and {@code codesLeft} describe it
     * @param setup the secret being set up (its QR code as {@code qrSvg}), when off
     * @param recoveryCodes the codes just made, shown once
     * @param required whether the person's role requires two-step
     */
    public record TwoStepPage(AdminFrame frame, boolean on, java.time.Instant since, int codesLeft, TwoStep.Setup setup, String qrSvg,
                              List<String> recoveryCodes, boolean required, String error) {}

    private final TwoStep twoStep;
    private final AccountStore accounts;
    private final AuditLog audit;
    private final Site site;
    private final Templates templates;

    public TwoStepRoutes(TwoStep twoStep, AccountStore accounts, AuditLog audit, Site site, Templates templates) {
        this.twoStep = twoStep;
        this.accounts = accounts;
        this.audit = audit;
        this.site = site;
        this.templates = templates;
    }

    /** {@code GET /admin/two-step}. */
    public void page(Context ctx) {
        render(ctx, 200, null, null);
    }

    /** {@code POST /admin/two-step/enable} with {@code code} from the app. */
    public void enable(Context ctx) {
        Account me = Guard.required(ctx).account();
        Optional<List<String>> codes = twoStep.confirm(me.id(), ctx.formParam("code"));
        if (codes.isEmpty()) {
            audit.record(me.id(), "two-step.failed", "account:" + me.id(), "setting up");
            render(ctx, 422, site.messages().get("two-step.error.code"), null);
            return;
        }
        audit.record(me.id(), "two-step.enabled", "account:" + me.id(), null);
        render(ctx, 200, null, codes.get());
    }

    /** {@code POST /admin/two-step/disable} with {@code password} and {@code code}. */
    public void disable(Context ctx) {
        Account me = Guard.required(ctx).account();
        if (twoStep.requiredRoles().contains(me.role())) {
            render(ctx, 422, site.messages().get("two-step.error.required"), null);
            return;
        }
        if (!accounts.passwordMatches(me.id(), Optional.ofNullable(ctx.formParam("password")).orElse(""))
            || twoStep.verify(me.id(), ctx.formParam("code")) == TwoStep.Result.WRONG) {
            audit.record(me.id(), "two-step.failed", "account:" + me.id(), "turning off");
            render(ctx, 422, site.messages().get("two-step.error.off"), null);
            return;
        }
        twoStep.disable(me.id());
        audit.record(me.id(), "two-step.disabled", "account:" + me.id(), null);
        ctx.redirect("/admin/two-step?done=two-step-off", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /admin/two-step/roles} with a {@code role} field per role that must use two-step (admins). */
    public void roles(Context ctx) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : ctx.formParams("role")) AccountRoutes.parseRole(r).ifPresent(roles::add);
        twoStep.setRequiredRoles(roles);
        audit.record(Guard.required(ctx).account().id(), "two-step.roles", "roles", roles.stream().map(Role::db).sorted().toList().toString());
        ctx.redirect("/admin/accounts?done=two-step-roles", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, String error, List<String> recoveryCodes) {
        Account me = Guard.required(ctx).account();
        boolean on = twoStep.enabled(me.id());
        TwoStep.Setup setup = on ? null : twoStep.pending(me).orElseGet(() -> twoStep.begin(me));
        String qr = setup == null ? null : QrSvg.of(setup.uri(), site.messages().get("two-step.qr"));
        templates.send(ctx, status, "admin/two-step.jte", new TwoStepPage(AdminFrame.of(site, ctx, site.messages().get("two-step.title"), "two-step"),
            on, on ? twoStep.enabledAt(me.id()) : null, on ? twoStep.recoveryCodesLeft(me.id()) : 0, setup, qr, recoveryCodes,
            twoStep.requiredRoles().contains(me.role()), error));
    }
}
