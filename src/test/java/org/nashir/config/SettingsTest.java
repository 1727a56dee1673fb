package org.nashir.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    @Test
    void defaults_are_the_documented_ones() {
        Settings s = Settings.load(Map.of(), Map.of());
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(s.dbUrl()).startsWith("jdbc:sqlite:").endsWith("nashir.db");
        assertThat(s.locale().toLanguageTag()).isEqualTo("ar-SY");
        assertThat(s.timeZone()).isEqualTo(ZoneId.of("Asia/Damascus"));
        assertThat(s.arabicIndicDigits()).isFalse();
        assertThat(s.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(s.trustedProxies().isEmpty()).isTrue();
        assertThat(s.searchesPerMinute()).isEqualTo(120);
    }

    @Test
    void flags_win_over_environment_which_wins_over_the_file(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("nashir.properties"), "NASHIR_PORT=7000\nNASHIR_LOCALE=ar-EG\nNASHIR_DIGITS=arabic\n");
        Settings s = Settings.load(Map.of("NASHIR_PORT", "9000"),
            Map.of("NASHIR_CONFIG", file.toString(), "NASHIR_PORT", "8000", "NASHIR_LOCALE", "ar-TN", "PATH", "/usr/bin"));
        assertThat(s.port()).isEqualTo(9000);
        assertThat(s.locale().toLanguageTag()).isEqualTo("ar-TN");
        assertThat(s.arabicIndicDigits()).isTrue();
    }

    @Test
    void every_invalid_setting_is_named_in_one_message() {
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("NASHIR_PORT", "http", "NASHIR_TIME_ZONE", "Mars/Olympus",
            "NASHIR_DIGITS", "roman", "NASHIR_DB_URL", "jdbc:mysql://x", "NASHIR_LOCALE", "fr-FR", "NASHIR_PROT", "1")))
            .isInstanceOf(Settings.Invalid.class)
            .hasMessageContaining("NASHIR_PORT").hasMessageContaining("NASHIR_TIME_ZONE").hasMessageContaining("NASHIR_DIGITS")
            .hasMessageContaining("NASHIR_DB_URL").hasMessageContaining("NASHIR_LOCALE").hasMessageContaining("NASHIR_PROT: إعداد غير معروف");
    }
}
