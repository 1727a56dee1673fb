package org.nashir.web;

import io.javalin.http.Context;

/**
 * Who may use a route. The server runs {@link #check} before the route's handler; a check refuses by throwing
 * ({@link Forbidden}, {@link ApiError}) or answers itself and returns false (a redirect to sign-in). The web
 * package defines only {@link #ANYONE}; the account feature supplies the staff and API-token rules, so the
 * server enforces them without knowing accounts.
 */
public interface Access {
    /** Readers, crawlers, anyone: no check. */
    Access ANYONE = ctx -> true;

    /** True to run the handler; false when the check has already answered the request. */
    boolean check(Context ctx) throws Exception;
}
