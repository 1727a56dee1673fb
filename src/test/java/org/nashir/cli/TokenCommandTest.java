package org.nashir.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.Nashir;
import org.nashir.account.Role;
import org.nashir.config.Settings;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11: {@code token create} mints an API token for an existing account, so a script can publish. */
class TokenCommandTest {
    @Test
    void a_token_is_printed_once_and_acts_as_its_account(@TempDir Path dir) {
        Path data = dir.resolve("data");
        Map<String, String> settings = Map.of("NASHIR_DATA_DIR", data.toString());
        try (Nashir n = new Nashir(Settings.load(settings, Map.of()), Clock.systemUTC())) {
            n.accounts.create("desk@example.org", "مكتب الأخبار", Role.EDITOR, "كلمة-سر-طويلة-للمكتب");
            n.accounts.create("mod@example.org", "مشرف", Role.MODERATOR, "كلمة-سر-طويلة-للمشرف");
        }

        ImportCommandTest.Run ok = ImportCommandTest.run("token", "create", "--data", data.toString(), "--email", "desk@example.org", "--name", "سكربت الطقس");
        assertThat(ok.status()).isZero();
        String token = ok.out().strip();
        assertThat(token).startsWith("nashir_").doesNotContain("\n");
        assertThat(ok.err()).contains("لا يُعرض مرة أخرى");

        ImportCommandTest.Run unknown = ImportCommandTest.run("token", "create", "--data", data.toString(), "--email", "nobody@example.org", "--name", "x");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("لا حساب بالبريد nobody@example.org");
        assertThat(unknown.out()).isEmpty();
        ImportCommandTest.Run moderator = ImportCommandTest.run("token", "create", "--data", data.toString(), "--email", "mod@example.org", "--name", "x");
        assertThat(moderator.status()).isEqualTo(1);
        assertThat(moderator.out()).isEmpty();

        try (Nashir n = new Nashir(Settings.load(settings, Map.of()), Clock.systemUTC())) {
            assertThat(n.tokens.authenticate(token)).hasValueSatisfying(a -> assertThat(a.email()).isEqualTo("desk@example.org"));
            assertThat(n.tokens.listFor(n.accounts.findByEmail("mod@example.org").orElseThrow().id())).isEmpty();
        }
    }
}
