package org.nashir.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.account.Role;
import org.nashir.testing.Agent;
import org.nashir.testing.TestSite;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issues 13 and 15: /health says what is wrong, /ready tells a balancer whether to send readers, cached pages keep
 * answering while the database is gone, and a stopping node drains.
 */
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
            }), Map.of());
        long start = System.nanoTime();
        Map<String, String> problems = health.problems();
        assertThat(problems).containsOnlyKeys("broken", "hanging");
        assertThat(problems.get("broken")).contains("disk full");
        assertThat(problems.get("hanging")).contains("no answer within 1500 ms");
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
            // Alive (restarting would not bring the database back), but not to be sent readers.
            var health = site.get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"degraded\"").contains("\"database\"").contains("\"pages\"");
            long asked = System.nanoTime();
            var ready = site.get("/ready");
            assertThat(System.nanoTime() - asked).as("answered within a balancer's check timeout").isLessThan(5_000_000_000L);
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.headers().firstValue("Retry-After")).isPresent();
            assertThat(ready.body()).contains("\"status\":\"not_ready\"").contains("\"database\"");
        }
    }

    @Test
    void a_writer_whose_save_meets_a_stopped_database_gets_a_clear_503_and_everything_written_back(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of()).start()) {
            Agent writer = Agent.signedIn(site, "writer@example.org", Role.WRITER);
            writer.get("/admin/articles/new");
            String body = "فقرة أولى كتبها المحرر في الثالثة فجراً، وفيها <b>وسم</b> و\"علامات\" تحتاج إلى تهريب.";
            site.nashir.db.close();
            long asked = System.nanoTime();
            var r = writer.post("/admin/articles", "title", "عنوان لم يُحفظ", "body", body, "section_id", "1", "password", "سرّ-لا-يُعاد");
            assertThat(System.nanoTime() - asked).as("told at once, not after a long wait").isLessThan(5_000_000_000L);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(r.body()).contains("تعذّر الوصول إلى قاعدة البيانات").contains("ما كتبته لم يضِع")
                // The form comes back: to the same address, with the same token, the text escaped but whole.
                .contains("<form class=\"kept\" method=\"post\" action=\"/admin/articles\">")
                .contains("name=\"_csrf\" value=\"" + writer.csrf + "\"")
                .contains(">عنوان لم يُحفظ</textarea>")
                .contains("&lt;b&gt;وسم&lt;/b&gt; و\"علامات\"")
                .contains("name=\"section_id\" value=\"1\"")
                .doesNotContain("سرّ-لا-يُعاد");
        }
    }

    @Test
    void a_draining_node_says_so_on_ready_and_keeps_serving_until_it_stops(@TempDir Path dir) throws Exception {
        TestSite site = TestSite.create(dir, Map.of()).start();
        long id = site.publish("سياسة", "خبر أثناء الإيقاف", site.clock.instant());
        assertThat(site.get("/ready").statusCode()).isEqualTo(200);
        assertThat(site.get("/ready").body()).isEqualTo("{\"status\":\"ready\"}");
        Thread stopping = Thread.ofVirtual().start(() -> site.nashir.drain(java.time.Duration.ofSeconds(2)));
        Thread.sleep(300);
        var ready = site.get("/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"draining\"");
        assertThat(site.get("/health").statusCode()).isEqualTo(200);
        var page = site.get("/article/" + id);
        assertThat(page.statusCode()).as("still serving while the balancer moves readers away").isEqualTo(200);
        assertThat(page.headers().firstValue("Connection")).as("kept-alive connections closed before the server stops").hasValue("close");
        assertThat(site.get("/article/" + id).headers().firstValue("Connection")).as("answered directly too").hasValue("close");
        assertThat(page.body()).contains("خبر أثناء الإيقاف");
        stopping.join(30_000);
        assertThat(stopping.isAlive()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> site.get("/health")).as("stopped").isInstanceOf(RuntimeException.class);
    }
}
