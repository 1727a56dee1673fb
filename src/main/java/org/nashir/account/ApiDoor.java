package org.nashir.account;

import io.javalin.http.Context;
import org.nashir.storage.Counters;
import org.nashir.web.Access;
import org.nashir.web.ApiError;

import java.time.Duration;
import java.util.Optional;

/**
 * The JSON API's door, the counterpart of {@link Guard}: reads {@code Authorization: Bearer nashir_…} before an
 * API handler runs, and leaves the token's account on the request. A token acts as its account with its role.
 * No cookies are read, so there is nothing for a cross-site request to borrow and no CSRF token is needed.
 */
public final class ApiDoor {
    /**
     * Failed token checks per address in each fixed window before 429: a token cannot be guessed, but a flood of bad
     * ones is cut short. A valid token is never refused for its address's failures (a shared office, a proxy).
     */
    public static final int FAILURES_ALLOWED = 20;
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    private static final String ACCOUNT = "nashir.apiAccount";

    /** The access rule of an API route: a token is {@code required}, or optional (it only widens what a read shows). */
    public record Token(ApiDoor door, boolean required) implements Access {
        @Override
        public boolean check(Context ctx) {
            if (!required && ctx.header("Authorization") == null) return true;
            ctx.attribute(ACCOUNT, door.authenticate(ctx));
            return true;
        }
    }

    private final ApiTokenStore tokens;
    private final Counters failures;

    /** Failures are counted in {@code failures}: shared by every node on PostgreSQL. */
    public ApiDoor(ApiTokenStore tokens, Counters failures) {
        this.tokens = tokens;
        this.failures = failures;
    }

    public Access required() {
        return new Token(this, true);
    }

    public Access optional() {
        return new Token(this, false);
    }

    /** The account of the request's token, when it sent one (routes with {@link #optional()} access). */
    public static Optional<Account> account(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ACCOUNT));
    }

    /** The account of a route with {@link #required()} access (the door has already checked there is one). */
    public static Account requiredAccount(Context ctx) {
        return account(ctx).orElseThrow(() -> new IllegalStateException("API route " + ctx.path() + " has no token rule"));
    }

    private Account authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        Optional<Account> account = tokens.authenticate(token);
        if (account.isPresent()) return account.get();
        if (failures.increment("api-token-failures:" + ctx.ip(), FAILURE_WINDOW) > FAILURES_ALLOWED) {
            ctx.header("Retry-After", Long.toString(failures.secondsLeft(FAILURE_WINDOW)));
            throw new ApiError(429, "rate_limited", "too many failed token checks from this address", "محاولات كثيرة بمفتاح غير صالح من هذا العنوان؛ أعد المحاولة لاحقاً");
        }
        ctx.header("WWW-Authenticate", "Bearer realm=\"nashir\"");
        throw new ApiError(401, "unauthorized", token == null ? "an API token is required (Authorization: Bearer …)" : "the API token is not valid or was revoked",
            token == null ? "هذه العملية تحتاج إلى مفتاح واجهة برمجية (Authorization: Bearer …) يُنشأ من لوحة التحرير" : "مفتاح الواجهة البرمجية غير صالح أو أُلغي");
    }
}
