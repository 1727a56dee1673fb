package org.nashir.account;

import org.nashir.web.Input;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.web.NotFound;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.List;
import java.util.Optional;

/** Accounts and the audit log: for admins only. */
public final class AccountRoutes {
    public record AccountsPage(AdminFrame frame, List<Account> accounts, List<Role> roles, String error, String name, String email, java.util.Set<Role> twoStepRoles) {}

    public record AuditPage(AdminFrame frame, List<AuditLog.Entry> entries) {}

    private final AccountStore accounts;
    private final AuditLog audit;
    private final Site site;
    private final Templates templates;

    private final TwoStep twoStep;

    public AccountRoutes(AccountStore accounts, AuditLog audit, TwoStep twoStep, Site site, Templates templates) {
        this.twoStep = twoStep;
        this.accounts = accounts;
        this.audit = audit;
        this.site = site;
        this.templates = templates;
    }

    public void list(Context ctx) {
        render(ctx, 200, null, "", "");
    }

    public void create(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        Optional<Role> role = parseRole(ctx.formParam("role"));
        if (role.isEmpty()) {
            render(ctx, 422, "الدور غير معروف", name, email);
            return;
        }
        try {
            long id = accounts.create(email, name, role.get(), password);
            audit.record(Guard.required(ctx).account().id(), "account.created", "account:" + id, email + " " + role.get().db());
        } catch (IllegalArgumentException e) {
            render(ctx, 422, e.getMessage(), name, email);
            return;
        }
        ctx.redirect("/admin/accounts?done=account-saved", HttpStatus.SEE_OTHER);
    }

    public void changeRole(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new NotFound("bad account id " + raw, "error.page-not-found");
        Account target = accounts.findById(Input.id(raw)).orElseThrow(() -> new NotFound("no account " + raw, "error.page-not-found"));
        Role role = parseRole(ctx.formParam("role")).orElseThrow(() -> new NotFound("bad role", "error.page-not-found"));
        accounts.setRole(target.id(), role);
        audit.record(Guard.required(ctx).account().id(), "account.role-changed", "account:" + target.id(),
            target.email() + ": " + target.role().db() + " → " + role.db());
        ctx.redirect("/admin/accounts?done=account-saved", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /admin/accounts/{id}/disable}: someone who left; they cannot sign in, their sessions and tokens stop. */
    public void disable(Context ctx) {
        Account me = Guard.required(ctx).account();
        Account target = target(ctx);
        if (target.id() == me.id()) {
            render(ctx, 422, site.messages().get("accounts.error.self"), "", "");
            return;
        }
        accounts.setDisabled(target.id(), true);
        audit.record(me.id(), "account.disabled", "account:" + target.id(), target.email());
        ctx.redirect("/admin/accounts?done=account-saved", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /admin/accounts/{id}/enable}: opens a closed account again (with its old password and role). */
    public void enable(Context ctx) {
        Account target = target(ctx);
        accounts.setDisabled(target.id(), false);
        audit.record(Guard.required(ctx).account().id(), "account.enabled", "account:" + target.id(), target.email());
        ctx.redirect("/admin/accounts?done=account-saved", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /admin/accounts/{id}/delete}: only an account that has left no trace; else the page says to close it. */
    public void delete(Context ctx) {
        Account me = Guard.required(ctx).account();
        Account target = target(ctx);
        if (target.id() == me.id()) {
            render(ctx, 422, site.messages().get("accounts.error.self"), "", "");
            return;
        }
        AccountStore.Traces t = accounts.deleteIfUnused(target.id());
        if (!t.none()) {
            var fmt = site.fmt();
            render(ctx, 409, site.messages().get("accounts.error.has-content", target.email(), fmt.number(t.articles()), fmt.number(t.revisions()),
                fmt.number(t.media()), fmt.number(t.auditEntries())), "", "");
            return;
        }
        audit.record(me.id(), "account.deleted", "account:" + target.id(), target.email());
        ctx.redirect("/admin/accounts?done=account-deleted", HttpStatus.SEE_OTHER);
    }

    private Account target(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new NotFound("bad account id " + raw, "error.page-not-found");
        return accounts.findById(Input.id(raw)).orElseThrow(() -> new NotFound("no account " + raw, "error.page-not-found"));
    }

    public void auditLog(Context ctx) {
        templates.send(ctx, 200, "admin/audit.jte",
            new AuditPage(AdminFrame.of(site, ctx, site.messages().get("admin.audit"), "audit"), audit.listLatest(500)));
    }

    private void render(Context ctx, int status, String error, String name, String email) {
        templates.send(ctx, status, "admin/accounts.jte",
            new AccountsPage(AdminFrame.of(site, ctx, site.messages().get("admin.accounts"), "accounts"), accounts.listAll(), List.of(Role.values()), error, name, email, twoStep.requiredRoles()));
    }

    static Optional<Role> parseRole(String raw) {
        if (raw == null) return Optional.empty();
        for (Role r : Role.values()) if (r.db().equals(raw)) return Optional.of(r);
        return Optional.empty();
    }
}
