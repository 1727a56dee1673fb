package org.nashir.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.TestSite;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: /health says what is wrong, and cached pages keep answering while the database is gone. */
class HealthTest {
    @Test
    void checks_that_fail_or_hang_are_named() {
        Health health = new Health(Map.of("fine", () -> null, "broken", () -> { throw new IllegalStateException("disk full"); },
            "hanging", () -> {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
        long start = System.nanoTime();
        Map<String, String> problems = health.problems();
        assertThat(problems).containsOnlyKeys("broken", "hanging");
        assertThat(problems.get("broken")).contains("disk full");
        assertThat(problems.get("hanging")).contains("no answer within 2000 ms");
        assertThat(System.nanoTime() - start).as("bounded by its timeout").isLessThan(5_000_000_000L);
    }

    @Test
    void with_the_database_gone_cached_pages_are_served_and_health_says_so(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_PAGE_CACHE_SECONDS", "60")).start()) {
            site.publish("سياسة", "خبر قبل العطل", site.clock.instant());
            assertThat(site.get("/health").body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(site.get("/").body()).contains("خبر قبل العطل");
            site.nashir.db.close();
            // A change was announced just before: the page is out of date, cannot be rendered, and its previous version answers.
            site.nashir.pages.invalidateAll();
            var home = site.get("/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("خبر قبل العطل");
            // What no cache holds gets a clear 503 in Arabic (nothing saved, come back), not the 500 page.
            var uncached = site.get("/article/" + (site.nashir.pages.renders() + 1000));
            assertThat(uncached.statusCode()).isEqualTo(503);
            assertThat(uncached.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(uncached.body()).contains("تعذّر الوصول إلى قاعدة البيانات");
            var api = site.get("/api/v1/articles/999999");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.body()).contains("\"code\":\"database_unavailable\"");
            var health = site.get("/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"degraded\"").contains("\"database\"").contains("\"pages\"");
        }
    }
}
