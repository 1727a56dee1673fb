package org.nashir.site;

import io.javalin.http.Handler;
import org.nashir.account.Role;

import java.util.EnumSet;
import java.util.Set;

/**
 * One back-office URL and the roles allowed on it. The whole list is the back office's access policy: the server
 * checks it on every request, and a test walks it so that a route without a rule cannot exist.
 */
public record AdminRoute(String method, String path, Set<Role> roles, Handler handler) {
    public static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    public static final Set<Role> NEWSROOM = EnumSet.of(Role.ADMIN, Role.EDITOR, Role.WRITER);
    public static final Set<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.EDITOR);
    public static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);
    public static final Set<Role> MODERATORS = EnumSet.of(Role.ADMIN, Role.EDITOR, Role.MODERATOR);

    public static AdminRoute get(String path, Set<Role> roles, Handler handler) {
        return new AdminRoute("GET", path, roles, handler);
    }

    public static AdminRoute post(String path, Set<Role> roles, Handler handler) {
        return new AdminRoute("POST", path, roles, handler);
    }
}
