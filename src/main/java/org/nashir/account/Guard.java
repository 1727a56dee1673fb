package org.nashir.account;

import org.nashir.web.Forbidden;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The back office's door: runs before every {@code /admin} request (a {@code BEFORE} line of the route table),
 * finds the session behind the cookie and checks the CSRF token on every POST (the session's token once signed
 * in; before, a token signed from a cookie) and that the POST does not come from another site. Each route's roles are then checked by its {@link StaffOnly} rule.
 * Only POST changes state; GET never does.
 */
public final class Guard {
    public static final String SESSION_COOKIE = org.nashir.web.WebServer.SESSION_COOKIE;
    static final String PRE_SESSION_COOKIE = "nashir_csrf";
    private static final String SESSION = "nashir.session";
    private static final String PRE_TOKEN = "nashir.preToken";

    private final AccountStore accounts;
    private final TwoStep twoStep;
    private final boolean secureCookies;
    private final byte[] key;
    private final String siteAuthority;
    private final SecureRandom random = new SecureRandom();

    /** {@code key}: the site's secret, to sign the token before sign-in; {@code baseUrl}: the site's own origin. */
    public Guard(AccountStore accounts, TwoStep twoStep, boolean secureCookies, byte[] key, String baseUrl) {
        this.twoStep = twoStep;
        this.accounts = accounts;
        this.secureCookies = secureCookies;
        this.key = key.clone();
        String authority = null;
        try {
            authority = java.net.URI.create(baseUrl).getRawAuthority();
        } catch (IllegalArgumentException e) {
            // a base URL that is no URL was refused by Settings already
        }
        this.siteAuthority = authority;
    }

    /** Runs before every /admin request. */
    public void before(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
        Optional<AccountStore.Session> session = accounts.findSession(ctx.cookie(SESSION_COOKIE));
        session.ifPresent(s -> ctx.attribute(SESSION, s));
        // Someone whose role requires two-step sign-in and who has not set it up does that first, and nothing else.
        if (session.isPresent() && !ctx.path().startsWith("/admin/two-step") && !ctx.path().equals("/admin/sign-out")
            && twoStep.mustSetUp(session.get().account())) {
            if (ctx.method().name().equals("GET")) {
                ctx.redirect("/admin/two-step");
                ctx.skipRemainingHandlers();
                return;
            }
            throw new Forbidden(session.get().account().email() + " must set up two-step sign-in first", "two-step.forbidden");
        }
        if (session.isEmpty()) {
            String pre = ctx.cookie(PRE_SESSION_COOKIE);
            if (pre == null || !pre.matches("[A-Za-z0-9_-]{43}")) {
                pre = token();
                setCookie(ctx, PRE_SESSION_COOKIE, pre, -1);
            }
            // The form's token is the cookie signed with the site's key, not the cookie itself.
            ctx.attribute(PRE_TOKEN, sign(pre));
        }
        if (ctx.method().name().equals("POST")) {
            // A form posted from another site is refused whatever it carries: the browser says where it came from.
            // This is what stops a forged sign-in into an attacker's account (login CSRF) by someone able to plant
            // the cookie, who could also fetch the token that goes with it.
            if (crossSite(ctx)) throw new Forbidden("cross-site POST to " + ctx.path() + " from " + ctx.header("Origin"), "error.csrf");
            String sent = ctx.header("X-CSRF-Token");
            if (sent == null) sent = ctx.formParam("_csrf");
            if (sent == null || !constantTimeEquals(sent, csrf(ctx))) {
                throw new Forbidden("missing or foreign CSRF token on " + ctx.path(), "error.csrf");
            }
        }
    }

    public static Optional<AccountStore.Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    /** The signed-in session of a protected route (the guard has already checked there is one). */
    public static AccountStore.Session required(Context ctx) {
        return session(ctx).orElseThrow(() -> new Forbidden("no session on " + ctx.path(), "error.sign-in-first"));
    }

    public static void requireRole(Context ctx, boolean allowed) {
        if (!allowed) throw new Forbidden(required(ctx).account().email() + " may not do this on " + ctx.path(), "error.forbidden");
    }

    public static boolean can(Context ctx, Role... roles) {
        return session(ctx).map(s -> java.util.Arrays.asList(roles).contains(s.account().role())).orElse(false);
    }

    /** The browser's pre-sign-in cookie (what a half-done sign-in is bound to), or "" when it has none. */
    static String browserCookie(Context ctx) {
        String pre = ctx.cookie(PRE_SESSION_COOKIE);
        return pre == null ? "" : pre;
    }

    /** The token forms on this page must send back. */
    public static String csrf(Context ctx) {
        AccountStore.Session s = ctx.attribute(SESSION);
        if (s != null) return s.csrf();
        String pre = ctx.attribute(PRE_TOKEN);
        return pre == null ? "" : pre;
    }

    public void signIn(Context ctx, String token) {
        setCookie(ctx, SESSION_COOKIE, token, (int) accounts.sessionLifetime().toSeconds());
    }

    public void signOut(Context ctx) {
        accounts.endSession(ctx.cookie(SESSION_COOKIE));
        setCookie(ctx, SESSION_COOKIE, "", 0);
    }

    void setCookie(Context ctx, String name, String value, int maxAge) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax"
            + (maxAge >= 0 ? "; Max-Age=" + maxAge : "") + (secureCookies ? "; Secure" : ""));
    }

    /**
     * Whether the browser says this request comes from another site: {@code Sec-Fetch-Site: cross-site}, or an
     * {@code Origin} whose host and port are neither this request's {@code Host} nor the site's base URL's.
     */
    private boolean crossSite(Context ctx) {
        if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) return true;
        String origin = ctx.header("Origin");
        if (origin == null || origin.equals("null")) return false;
        String authority;
        try {
            authority = java.net.URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return true;
        }
        if (authority == null) return true;
        return !authority.equalsIgnoreCase(String.valueOf(ctx.header("Host"))) && !authority.equalsIgnoreCase(String.valueOf(siteAuthority));
    }

    /** {@code value} signed with the site's key (for the pre-sign-in token and the two-step sign-in's cookie). */
    String sign(String value) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(("pre-sign-in csrf\n" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return !b.isEmpty() && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
