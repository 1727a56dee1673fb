package org.nashir.account;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nashir.storage.Dialect;
import org.nashir.testing.TestSite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API tokens on both databases: stored hashed, shown once, revocable, and only as strong as their account. */
class ApiTokenStoreTest {
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void a_token_works_until_revoked_or_its_account_is_disabled(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of())) {
            ApiTokenStore tokens = site.nashir.tokens;
            long editor = site.nashir.accounts.create("e@example.org", "محررة", Role.EDITOR, "a-long-enough-password");
            String token = tokens.create(editor, "تطبيق");
            assertThat(token).startsWith("nashir_").hasSizeGreaterThan(40);
            String stored = site.nashir.db.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM api_token").mapTo(String.class).one());
            assertThat(stored).isNotEqualTo(token).doesNotContain(token.substring(7));

            assertThat(tokens.authenticate(token)).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.EDITOR));
            assertThat(tokens.listFor(editor).getFirst().lastUsedAt()).isNotNull();
            assertThat(tokens.authenticate(token + "x")).isEmpty();
            assertThat(tokens.authenticate(null)).isEmpty();

            // The role is the account's at each request: a demotion narrows the token at once.
            site.nashir.accounts.setRole(editor, Role.WRITER);
            assertThat(tokens.authenticate(token)).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.WRITER));
            site.nashir.db.jdbi().useHandle(h -> h.createUpdate("UPDATE account SET disabled = :yes WHERE id = :id").bind("yes", true).bind("id", editor).execute());
            assertThat(tokens.authenticate(token)).as("disabled account").isEmpty();
            site.nashir.db.jdbi().useHandle(h -> h.createUpdate("UPDATE account SET disabled = :no WHERE id = :id").bind("no", false).bind("id", editor).execute());

            site.clock.advance(Duration.ofMinutes(5));
            long id = tokens.listFor(editor).getFirst().id();
            long other = site.nashir.accounts.create("o@example.org", "آخر", Role.EDITOR, "a-long-enough-password");
            assertThat(tokens.revoke(other, id)).as("only one's own tokens").isFalse();
            assertThat(tokens.revoke(editor, id)).isTrue();
            assertThat(tokens.authenticate(token)).isEmpty();
            assertThat(tokens.listFor(editor).getFirst().revokedAt()).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void a_token_given_an_end_stops_working_then_and_the_page_says_so(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            org.nashir.testing.Agent editor = org.nashir.testing.Agent.signedIn(site, "e@example.org", Role.EDITOR);
            editor.get("/admin/tokens");
            var made = editor.post("/admin/tokens", "name", "سكربت الطقس", "days", "30");
            assertThat(made.statusCode()).isEqualTo(201);
            String token = org.jsoup.Jsoup.parse(made.body()).select("#new-token").text();
            assertThat(site.nashir.tokens.authenticate(token)).isPresent();
            assertThat(editor.post("/admin/tokens", "name", "مدة غريبة", "days", "100000").statusCode()).isEqualTo(422);

            site.clock.advance(Duration.ofDays(29));
            assertThat(site.nashir.tokens.authenticate(token)).as("within its 30 days").isPresent();
            site.clock.advance(Duration.ofDays(2));
            assertThat(site.nashir.tokens.authenticate(token)).as("past its end").isEmpty();
            // (A month later the editor signs in again: sessions do not last that long.)
            editor.signIn("e@example.org", "كلمة-سر-طويلة-للاختبار");
            var page = org.jsoup.Jsoup.parse(editor.get("/admin/tokens").body());
            // Its end, and its last use (the checks above used it), are on the row; it no longer offers to be revoked.
            assertThat(page.select("tbody tr").text()).contains("سكربت الطقس").contains("انتهت مدته").doesNotContain("لم يُستعمل");
            assertThat(page.select("tbody tr form")).isEmpty();
        }
    }
}
