package org.nashir.account;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nashir.storage.Dialect;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.Agent;
import org.nashir.testing.TestSite;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: two-step sign-in with an authenticator app, recovery codes, replay refusal, throttling and roles that require it. */
class TwoStepTest {
    static final String PASSWORD = "كلمة-سر-طويلة-للاختبار";

    @Test
    void codes_are_rfc_6238s() {
        // RFC 6238, appendix B (SHA-1): the last six of the eight digits given there.
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(TwoStep.code(secret, 59 / 30)).isEqualTo("287082");
        assertThat(TwoStep.code(secret, 1111111109L / 30)).isEqualTo("081804");
        assertThat(TwoStep.code(secret, 1234567890L / 30)).isEqualTo("005924");
        assertThat(TwoStep.code(secret, 20000000000L / 30)).isEqualTo("353130");
        assertThat(TwoStep.unbase32(TwoStep.base32(secret))).isEqualTo(secret);
        assertThat(TwoStep.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII))).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    static String codeNow(TestSite site, String secret) {
        return TwoStep.code(TwoStep.unbase32(secret), site.clock.instant().getEpochSecond() / TwoStep.STEP_SECONDS);
    }

    /** Turns two-step on through the page, as a person would; returns the secret and the recovery codes. */
    static String[] turnOn(TestSite site, Agent agent) {
        Document page = Jsoup.parse(agent.get("/admin/two-step").body());
        assertThat(page.select("figure.qr svg")).as("QR code drawn on the page").hasSize(1);
        assertThat(page.select("img[src^=http], script[src^=http]")).isEmpty();
        String secret = page.select("#two-step-secret").text();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(agent.post("/admin/two-step/enable", "code", "000000".equals(codeNow(site, secret)) ? "111111" : "000000").statusCode()).isEqualTo(422);
        HttpResponse<String> on = agent.post("/admin/two-step/enable", "code", codeNow(site, secret));
        assertThat(on.statusCode()).isEqualTo(200);
        List<String> codes = Jsoup.parse(on.body()).select("#recovery-codes li").eachText();
        assertThat(codes).hasSize(10).allMatch(c -> c.matches("[a-z0-9]{10}")).doesNotHaveDuplicates();
        String[] out = new String[11];
        out[0] = secret;
        for (int i = 0; i < 10; i++) out[i + 1] = codes.get(i);
        return out;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void with_two_step_on_a_password_alone_opens_nothing_and_each_code_opens_once(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, java.util.Map.of()).start()) {
            Agent editor = Agent.signedIn(site, "editor@example.org", Role.EDITOR);
            String[] made = turnOn(site, editor);
            String secret = made[0];
            String stored = site.nashir.db.jdbi().withHandle(h -> h.createQuery("SELECT totp_secret FROM account WHERE email = 'editor@example.org'")
                .mapTo(String.class).one());
            assertThat(stored).as("stored encrypted").doesNotContain(secret);

            Agent other = new Agent(site);
            HttpResponse<String> password = other.signIn("editor@example.org", PASSWORD);
            assertThat(password.statusCode()).isEqualTo(303);
            assertThat(password.headers().firstValue("Location").orElseThrow()).startsWith("/admin/sign-in/code");
            assertThat(other.get("/admin").statusCode()).as("no session yet").isEqualTo(302);
            other.get("/admin/sign-in/code");
            assertThat(other.post("/admin/sign-in/code", "code", "12345").statusCode()).isEqualTo(401);
            site.clock.advance(Duration.ofSeconds(30));
            String code = codeNow(site, secret);
            assertThat(other.post("/admin/sign-in/code", "code", code).statusCode()).isEqualTo(303);
            assertThat(other.get("/admin").statusCode()).isEqualTo(200);

            // The same code again, within its window: refused.
            Agent replay = new Agent(site);
            replay.signIn("editor@example.org", PASSWORD);
            replay.get("/admin/sign-in/code");
            assertThat(replay.post("/admin/sign-in/code", "code", code).statusCode()).isEqualTo(401);
            // A recovery code opens once.
            assertThat(replay.post("/admin/sign-in/code", "code", made[1]).statusCode()).isEqualTo(303);
            Agent again = new Agent(site);
            again.signIn("editor@example.org", PASSWORD);
            again.get("/admin/sign-in/code");
            assertThat(again.post("/admin/sign-in/code", "code", made[1]).statusCode()).isEqualTo(401);

            // The second step is throttled like passwords: the fifth wrong code locks the account for the window.
            Agent guesser = new Agent(site);
            guesser.signIn("editor@example.org", PASSWORD);
            guesser.get("/admin/sign-in/code");
            int last = 0;
            for (int i = 0; i < 6; i++) last = guesser.post("/admin/sign-in/code", "code", String.format("%06d", i)).statusCode();
            assertThat(last).isEqualTo(429);
            assertThat(guesser.post("/admin/sign-in/code", "code", codeNow(site, secret)).statusCode()).as("even the right code").isEqualTo(429);

            // A half-done sign-in's cookie does not work in another browser.
            Agent thief = new Agent(site);
            thief.get("/admin/sign-in");
            guesser.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("nashir_two_step"))
                .forEach(c -> thief.cookies.getCookieStore().add(java.net.URI.create(site.url("/")), c));
            assertThat(thief.get("/admin/sign-in/code").statusCode()).isEqualTo(303);

            var log = site.nashir.audit.listLatest(100);
            assertThat(log).anyMatch(e -> e.action().equals("two-step.enabled")).anyMatch(e -> e.action().equals("two-step.failed"))
                .anyMatch(e -> e.action().equals("two-step.recovery-code-used"));

            // Phone and password both lost: an admin's reset gives a new password and turns two-step off.
            Agent admin = Agent.signedIn(site, "admin@example.org", Role.ADMIN);
            admin.get("/admin/accounts");
            long editorId = site.nashir.accounts.findByEmail("editor@example.org").orElseThrow().id();
            String fresh = Jsoup.parse(admin.post("/admin/accounts/" + editorId + "/password").body()).select("#new-password").text();
            site.clock.advance(Duration.ofMinutes(16));
            assertThat(new Agent(site).signIn("editor@example.org", fresh).headers().firstValue("Location").orElseThrow()).isEqualTo("/admin");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void a_role_that_requires_two_step_is_led_to_set_it_up_and_cannot_turn_it_off(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, java.util.Map.of()).start()) {
            Agent admin = Agent.signedIn(site, "admin@example.org", Role.ADMIN);
            Agent writer = Agent.signedIn(site, "writer@example.org", Role.WRITER);
            admin.get("/admin/accounts");
            assertThat(admin.post("/admin/two-step/roles", "role", "editor").statusCode()).isEqualTo(303);
            Agent editor = Agent.signedIn(site, "editor@example.org", Role.EDITOR);
            HttpResponse<String> home = editor.get("/admin/articles");
            assertThat(home.statusCode()).isEqualTo(302);
            assertThat(home.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/two-step");
            assertThat(editor.get("/admin/two-step").body()).contains("دورك في الموقع يتطلّب الدخول بخطوتين");
            assertThat(editor.post("/admin/articles", "title", "خبر", "body", "<p>نص</p>").statusCode()).isEqualTo(403);
            // Every back-office address, token creation included, leads there first.
            for (org.nashir.web.Route r : site.nashir.routes().withAccess(StaffOnly.class)) {
                if (!((StaffOnly) r.access()).roles().contains(Role.EDITOR) || r.path().startsWith("/admin/two-step")) continue;
                String path = r.path().replaceAll("\\{[^}]+}", "1");
                if (r.method().equals("GET")) {
                    HttpResponse<String> g = editor.get(path);
                    assertThat(g.statusCode()).as(path).isEqualTo(302);
                    assertThat(g.headers().firstValue("Location")).as(path).hasValue("/admin/two-step");
                } else {
                    assertThat(editor.post(path, "name", "مفتاح").statusCode()).as(r.method() + " " + path).isEqualTo(403);
                }
            }
            assertThat(writer.get("/admin/articles").statusCode()).as("other roles are not asked").isEqualTo(200);

            String[] made = turnOn(site, editor);
            assertThat(editor.get("/admin/articles").statusCode()).isEqualTo(200);
            site.clock.advance(Duration.ofSeconds(30));
            assertThat(editor.post("/admin/two-step/disable", "password", PASSWORD, "code", codeNow(site, made[0])).statusCode()).isEqualTo(422);

            // Where it is not required, it can be turned off with the password and a code.
            String[] writerMade = turnOn(site, writer);
            site.clock.advance(Duration.ofSeconds(30));
            assertThat(writer.post("/admin/two-step/disable", "password", "غير صحيحة أبداً", "code", codeNow(site, writerMade[0])).statusCode()).isEqualTo(422);
            site.clock.advance(Duration.ofSeconds(30));
            assertThat(writer.post("/admin/two-step/disable", "password", PASSWORD, "code", codeNow(site, writerMade[0])).statusCode()).isEqualTo(303);
            assertThat(new Agent(site).signIn("writer@example.org", PASSWORD).headers().firstValue("Location").orElseThrow()).isEqualTo("/admin");
            assertThat(site.nashir.audit.listLatest(100)).anyMatch(e -> e.action().equals("two-step.disabled")).anyMatch(e -> e.action().equals("two-step.roles"));
        }
    }

    @Test
    void a_secret_this_sites_key_cannot_read_refuses_the_code_instead_of_failing(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            Agent editor = Agent.signedIn(site, "editor@example.org", Role.EDITOR);
            String secret = turnOn(site, editor)[0];
            // As after a restore beside another secret.key: the stored secret no longer decrypts.
            site.nashir.db.jdbi().useHandle(h -> h.createUpdate("UPDATE account SET totp_secret = :s WHERE email = 'editor@example.org'")
                .bind("s", java.util.Base64.getEncoder().encodeToString(new byte[48])).execute());
            Agent again = new Agent(site);
            again.signIn("editor@example.org", PASSWORD);
            again.get("/admin/sign-in/code");
            site.clock.advance(Duration.ofSeconds(30));
            HttpResponse<String> r = again.post("/admin/sign-in/code", "code", codeNow(site, secret));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("الرمز غير صحيح");
        }
    }
}
