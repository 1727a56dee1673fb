package org.nashir.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.Agent;
import org.nashir.testing.TestSite;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SignInTest {
    static final String PASSWORD = "a-long-enough-password";

    @Test
    void unknown_account_and_wrong_password_get_the_same_answer(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            site.nashir.accounts.create("editor@example.org", "محررة", Role.EDITOR, PASSWORD);
            HttpResponse<String> wrong = new Agent(site).signIn("editor@example.org", "not-the-password");
            HttpResponse<String> unknown = new Agent(site).signIn("nobody@example.org", "not-the-password");
            assertThat(wrong.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(401);
            assertThat(message(wrong.body())).isEqualTo(message(unknown.body())).isEqualTo("البريد الإلكتروني أو كلمة المرور غير صحيحة.");
            // Both cost one Argon2id check: timing is similar. (Measured, not asserted: timing belongs in benchmarks.)
        }
    }

    @Test
    void sign_in_gives_a_new_http_only_same_site_session_and_sign_out_ends_it(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            site.nashir.accounts.create("Editor@Example.org", "محررة", Role.EDITOR, PASSWORD);
            Agent agent = new Agent(site);
            agent.get("/admin/sign-in");
            HttpResponse<String> ok = agent.post("/admin/sign-in", "email", "  editor@EXAMPLE.org ", "password", PASSWORD, "next", "/admin/articles");
            assertThat(ok.statusCode()).isEqualTo(303);
            assertThat(ok.headers().firstValue("Location")).hasValue("/admin/articles");
            String setCookie = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("nashir_session=") && !c.startsWith("nashir_session=;")).findFirst().orElseThrow();
            assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("planted");
            assertThat(agent.get("/admin").statusCode()).isEqualTo(200);
            assertThat(agent.post("/admin/sign-out").statusCode()).isEqualTo(303);
            assertThat(agent.get("/admin").statusCode()).isEqualTo(302);
            assertThat(site.nashir.audit.listLatest(10)).extracting(AuditLog.Entry::action).contains("sign-in", "sign-out");
        }
    }

    @Test
    void a_session_id_planted_before_sign_in_is_replaced(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir).start()) {
            site.nashir.accounts.create("editor@example.org", "محررة", Role.EDITOR, PASSWORD);
            Agent agent = new Agent(site);
            agent.get("/admin/sign-in");
            String pre = agent.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("nashir_csrf")).findFirst().orElseThrow().getValue();
            var request = java.net.http.HttpRequest.newBuilder(URI.create(site.url("/admin/sign-in")))
                .header("Cookie", "nashir_session=planted-by-attacker; nashir_csrf=" + pre)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + agent.csrf + "&email=editor%40example.org&password=" + PASSWORD)).build();
            HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(303);
            String issued = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("nashir_session=") && !c.startsWith("nashir_session=;"))
                .findFirst().orElseThrow();
            assertThat(issued).doesNotContain("planted-by-attacker");
            assertThat(site.nashir.accounts.findSession("planted-by-attacker")).isEmpty();
        }
    }

    @Test
    void an_outside_address_in_next_is_ignored(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            site.nashir.accounts.create("editor@example.org", "محررة", Role.EDITOR, PASSWORD);
            Agent agent = new Agent(site);
            agent.get("/admin/sign-in");
            HttpResponse<String> r = agent.post("/admin/sign-in", "email", "editor@example.org", "password", PASSWORD, "next", "https://evil.example/admin");
            assertThat(r.headers().firstValue("Location")).hasValue("/admin");
            assertThat(SignInRoutes.safeNext("//evil.example")).isEqualTo("/admin");
            assertThat(SignInRoutes.safeNext("/admin/articles/5")).isEqualTo("/admin/articles/5");
        }
    }

    @Test
    void repeated_failures_are_throttled_per_account_with_retry_after_even_for_the_right_password(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            site.nashir.accounts.create("editor@example.org", "محررة", Role.EDITOR, PASSWORD);
            Agent agent = new Agent(site);
            for (int i = 0; i < Throttle.PER_ACCOUNT; i++) assertThat(agent.signIn("editor@example.org", "guess-" + i).statusCode()).isEqualTo(401);
            HttpResponse<String> blocked = agent.signIn("editor@example.org", PASSWORD);
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(blocked.headers().firstValue("Retry-After")).hasValue(Long.toString(Throttle.WINDOW.toSeconds()));
            assertThat(message(blocked.body())).startsWith("محاولات دخول كثيرة");
            site.clock.advance(Throttle.WINDOW.plus(Duration.ofSeconds(1)));
            assertThat(agent.signIn("editor@example.org", PASSWORD).statusCode()).isEqualTo(303);
        }
    }

    @Test
    void one_address_trying_many_accounts_is_throttled(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            Agent agent = new Agent(site);
            for (int i = 0; i < Throttle.PER_ADDRESS; i++) agent.signIn("user" + i + "@example.org", "x");
            assertThat(agent.signIn("another@example.org", "x").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void passwords_are_stored_as_argon2id_and_short_ones_refused(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir)) {
            site.nashir.accounts.create("a@example.org", "أ", Role.WRITER, PASSWORD);
            String hash = site.nashir.db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM account").mapTo(String.class).one());
            assertThat(hash).startsWith("$argon2id$").doesNotContain(PASSWORD);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> site.nashir.accounts.create("b@example.org", "ب", Role.WRITER, "short"))
                .hasMessageContaining("كلمة المرور");
        }
    }

    private static String message(String html) {
        return org.jsoup.Jsoup.parse(html).select("[role=alert]").text();
    }

    @Test
    void the_token_before_sign_in_is_signed_and_a_form_from_another_site_is_refused(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir).start()) {
            site.nashir.accounts.create("editor@example.org", "محررة", Role.EDITOR, "كلمة-سر-طويلة-للمحررة");
            Agent agent = new Agent(site);
            agent.get("/admin/sign-in");
            String cookie = agent.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("nashir_csrf")).findFirst().orElseThrow().getValue();
            assertThat(agent.csrf).as("the form's token is not the cookie").isNotEqualTo(cookie).isNotEmpty();
            // The cookie sent back as the token (what a double-submit check accepts): refused.
            assertThat(agent.postRaw("/admin/sign-in", "_csrf", cookie, "email", "editor@example.org", "password", "كلمة-سر-طويلة-للمحررة").statusCode())
                .isEqualTo(403);
            // A form on another site posting into the back office, with a token that would otherwise be right: refused.
            String form = "_csrf=" + agent.csrf + "&email=editor%40example.org&password=" + java.net.URLEncoder.encode("كلمة-سر-طويلة-للمحررة", java.nio.charset.StandardCharsets.UTF_8);
            for (String[] from : new String[][] {{"Origin", "https://attacker.example"}, {"Sec-Fetch-Site", "cross-site"}}) {
                HttpResponse<String> r = agent.send(java.net.http.HttpRequest.newBuilder(URI.create(site.url("/admin/sign-in")))
                    .header("Content-Type", "application/x-www-form-urlencoded").header(from[0], from[1])
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build());
                assertThat(r.statusCode()).as(from[0]).isEqualTo(403);
            }
            // The same form from the site itself signs in.
            HttpResponse<String> ok = agent.send(java.net.http.HttpRequest.newBuilder(URI.create(site.url("/admin/sign-in")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", site.url("")).header("Sec-Fetch-Site", "same-origin")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build());
            assertThat(ok.statusCode()).isEqualTo(303);
        }
    }
}
