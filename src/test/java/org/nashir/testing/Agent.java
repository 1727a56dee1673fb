package org.nashir.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP client for the back office: keeps cookies and the page's CSRF token, follows nothing. */
public final class Agent {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    private final TestSite site;
    public final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    public String csrf = "";

    /** A new account of {@code role}, signed in and past the back office's door. */
    public static Agent signedIn(TestSite site, String email, org.nashir.account.Role role) {
        String password = "كلمة-سر-طويلة-للاختبار";
        site.nashir.accounts.create(email, "حساب " + role.arabic(), role, password);
        Agent agent = new Agent(site);
        HttpResponse<String> r = agent.signIn(email, password);
        if (r.statusCode() != 303) throw new IllegalStateException("sign-in of " + email + " answered " + r.statusCode());
        agent.get("/admin");
        return agent;
    }

    public Agent(TestSite site) {
        this.site = site;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in through the real form; returns the response to the form's POST. */
    public HttpResponse<String> signIn(String email, String password) {
        get("/admin/sign-in");
        return post("/admin/sign-in", "email", email, "password", password);
    }

    public HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(site.url(path))).header("User-Agent", TestSite.BROWSER_UA).GET().build();
        HttpResponse<String> r = site.afterRevalidation(() -> send(request));
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) csrf = m.group(1);
        return r;
    }

    /** POSTs a form with this agent's CSRF token added. */
    public HttpResponse<String> post(String path, String... fields) {
        String[] all = new String[fields.length + 2];
        all[0] = "_csrf";
        all[1] = csrf;
        System.arraycopy(fields, 0, all, 2, fields.length);
        return postRaw(path, all);
    }

    /** POSTs exactly these fields (no token added). */
    public HttpResponse<String> postRaw(String path, String... fields) {
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < fields.length; i += 2) {
            body.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(site.url(path))).header("User-Agent", TestSite.BROWSER_UA)
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
