package org.nashir.web;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.TestSite;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorPageTest {
    @Test
    void a_database_gone_mid_flight_gives_an_arabic_503_page_without_internals(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_PAGE_CACHE_SECONDS", "0")).start()) {
            // The database going away mid-flight is the kind of failure no handler expects.
            site.nashir.db.close();
            HttpResponse<String> r = site.get("/latest");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
            var page = Jsoup.parse(r.body());
            assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
            assertThat(page.selectFirst("h1").text()).isEqualTo("الموقع متوقف مؤقتاً");
            assertThat(page.text()).contains("لم يُحفظ شيء").doesNotContain("SQL").doesNotContain("Exception").doesNotContain("Hikari");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void an_unexpected_failure_gives_the_arabic_500_page_with_an_incident_number_and_no_internals(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_PAGE_CACHE_SECONDS", "0")).start()) {
            // A table an operator renamed by hand: every page's frame reads the ticker, and no handler expects it gone.
            site.nashir.db.jdbi().useHandle(h -> h.execute("ALTER TABLE ticker RENAME TO ticker_moved"));
            HttpResponse<String> r = site.get("/latest");
            assertThat(r.statusCode()).isEqualTo(500);
            var page = Jsoup.parse(r.body());
            assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
            assertThat(page.selectFirst("h1").text()).isEqualTo("حدث خطأ غير متوقع");
            assertThat(page.text()).containsPattern("رقم الخطأ للمراجعة: [0-9a-f]{8}")
                .doesNotContain("SQL").doesNotContain("Exception").doesNotContain("ticker").doesNotContain("org.nashir");
            assertThat(r.headers().firstValue("Retry-After")).isEmpty();
        }
    }

    @Test
    void a_wrong_method_is_answered_in_arabic(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            HttpResponse<String> r = site.post("/latest");
            assertThat(r.statusCode()).isIn(404, 405);
            assertThat(Jsoup.parse(r.body()).selectFirst("html").attr("dir")).isEqualTo("rtl");
        }
    }
}
