package org.nashir.account;

import io.javalin.http.Context;
import org.nashir.web.Access;
import org.nashir.web.Forbidden;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * The access rule of a back-office route: signed-in staff whose role is one of {@code roles}, checked on the
 * server for every request. A reader who is not signed in is sent to sign-in from a GET and refused on a POST.
 */
public record StaffOnly(Set<Role> roles) implements Access {
    public static final StaffOnly EVERYONE = new StaffOnly(EnumSet.allOf(Role.class));
    public static final StaffOnly NEWSROOM = new StaffOnly(EnumSet.of(Role.ADMIN, Role.EDITOR, Role.WRITER));
    public static final StaffOnly EDITORS = new StaffOnly(EnumSet.of(Role.ADMIN, Role.EDITOR));
    public static final StaffOnly ADMINS = new StaffOnly(EnumSet.of(Role.ADMIN));
    public static final StaffOnly MODERATORS = new StaffOnly(EnumSet.of(Role.ADMIN, Role.EDITOR, Role.MODERATOR));

    public StaffOnly {
        roles = Set.copyOf(roles);
    }

    @Override
    public boolean check(Context ctx) {
        AccountStore.Session s = Guard.session(ctx).orElse(null);
        if (s == null) {
            if (ctx.method().name().equals("GET")) {
                // Back to this address after signing in, unless it is too long to carry in a header field (no
                // back-office address is; a made-up one overflowed the answer's header and gave a 500).
                String next = ctx.path().length() <= 300 ? ctx.path() : "/admin";
                ctx.redirect("/admin/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                return false;
            }
            throw new Forbidden("anonymous " + ctx.method() + " " + ctx.path(), "error.sign-in-first");
        }
        if (!roles.contains(s.account().role())) {
            throw new Forbidden(s.account().email() + " (" + s.account().role() + ") on " + ctx.path(), "error.forbidden");
        }
        return true;
    }
}
