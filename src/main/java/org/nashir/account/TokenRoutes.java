package org.nashir.account;

import org.nashir.web.Input;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.web.NotFound;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.List;
import java.util.Optional;

/** {@code /admin/tokens}: each person's own API tokens (create, shown once; revoke). */
public final class TokenRoutes {
    public record TokensPage(AdminFrame frame, List<ApiTokenStore.Token> tokens, String created, String error, String name, java.time.Instant now) {}

    static final int NAME_MAX = 100;

    private final ApiTokenStore tokens;
    private final AuditLog audit;
    private final Site site;
    private final Templates templates;

    /** The ends a token may be given, in days ("" for none): the choices of the form. */
    static final java.util.List<String> LIFETIMES = java.util.List.of("", "30", "90", "365");
    private final java.time.Clock clock;

    public TokenRoutes(ApiTokenStore tokens, AuditLog audit, Site site, Templates templates, java.time.Clock clock) {
        this.clock = clock;
        this.tokens = tokens;
        this.audit = audit;
        this.site = site;
        this.templates = templates;
    }

    public void list(Context ctx) {
        render(ctx, 200, null, null, "");
    }

    public void create(Context ctx) {
        Account me = Guard.required(ctx).account();
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        if (name.isEmpty()) {
            render(ctx, 422, null, site.messages().get("tokens.error.name"), name);
            return;
        }
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            render(ctx, 422, null, site.messages().get("editor.error.too-long", NAME_MAX), name);
            return;
        }
        String days = Optional.ofNullable(ctx.formParam("days")).orElse("");
        if (!LIFETIMES.contains(days)) {
            render(ctx, 422, null, site.messages().get("tokens.error.days"), name);
            return;
        }
        java.time.Instant expires = days.isEmpty() ? null : clock.instant().plus(java.time.Duration.ofDays(Long.parseLong(days)));
        String token = tokens.create(me.id(), name, expires);
        audit.record(me.id(), "token.created", "account:" + me.id(), days.isEmpty() ? name : name + " (" + days + " days)");
        // Shown on this answer only, never stored in clear: the page is not cached and not redirected to.
        render(ctx, 201, token, null, "");
    }

    public void revoke(Context ctx) {
        Account me = Guard.required(ctx).account();
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw) || !tokens.revoke(me.id(), Input.id(raw))) throw new NotFound("no token " + raw + " of " + me.email(), "error.page-not-found");
        audit.record(me.id(), "token.revoked", "account:" + me.id(), "token " + raw);
        ctx.redirect("/admin/tokens", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, String created, String error, String name) {
        Account me = Guard.required(ctx).account();
        templates.send(ctx, status, "admin/tokens.jte",
            new TokensPage(AdminFrame.of(site, ctx, site.messages().get("admin.tokens"), "tokens"), tokens.listFor(me.id()), created, error, name, clock.instant()));
    }
}
