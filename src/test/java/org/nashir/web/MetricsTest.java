package org.nashir.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.TestSite;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: /metrics says what operators watch, to whom it may, and the access and slow-request logs. */
class MetricsTest {
    @Test
    void from_this_machine_metrics_cover_requests_the_page_cache_the_pool_and_the_jvm(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_PAGE_CACHE_SECONDS", "60")).start()) {
            long id = site.publish("سياسة", "خبر للقياس", site.clock.instant());
            for (int i = 0; i < 3; i++) site.get("/article/" + id);
            site.get("/no/such/page");
            var r = site.get("/metrics");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            String text = r.body();
            assertThat(text).contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/article/{id}\",status=\"200\"")
                .contains("route=\"unmatched\",status=\"404\"")
                .containsPattern("nashir_page_cache_requests_total\\{result=\"hit\"} [2-9]")
                .containsPattern("nashir_page_cache_requests_total\\{result=\"miss\"} [1-9]")
                .contains("nashir_page_render_seconds_count")
                .contains("nashir_page_cache_bytes")
                .contains("nashir_db_connections{state=\"active\"}")
                .containsPattern("nashir_changes_applied_total [1-9]").contains("nashir_changes_lag_seconds")
                .contains("nashir_views_flushes_total{result=\"failed\"} 0").contains("nashir_views_pending")
                .contains("jvm_memory_used_bytes").contains("jvm_gc_max_data_size_bytes").contains("process_files_open_files");
        }
    }

    @Test
    void with_a_token_only_its_bearer_reads_them(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_METRICS_TOKEN", "s3cret-metrics-token")).start()) {
            var refused = site.get("/metrics");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(refused.body()).contains("تحتاج إلى الرمز").doesNotContain("jvm_");
            assertThat(site.get("/metrics", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
            var ok = site.get("/metrics", "Authorization", "Bearer s3cret-metrics-token");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("jvm_threads_live_threads");
        }
    }

    @Test
    void behind_a_proxy_a_forwarded_request_is_not_local(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_BEHIND_PROXY", "true")).start()) {
            var refused = site.get("/metrics", "X-Forwarded-For", "203.0.113.9");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("من هذا الجهاز وحده").contains("NASHIR_METRICS_TOKEN").doesNotContain("jvm_");
            assertThat(site.get("/metrics").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void the_access_log_has_a_line_per_request_and_slow_requests_are_logged(@TempDir Path dir) {
        ListAppender<ILoggingEvent> accessLines = new ListAppender<>(), slowLines = new ListAppender<>();
        Logger access = (Logger) LoggerFactory.getLogger("nashir.access"), slow = (Logger) LoggerFactory.getLogger("nashir.slow");
        accessLines.start();
        slowLines.start();
        access.addAppender(accessLines);
        access.setLevel(ch.qos.logback.classic.Level.INFO);   // the tests' logging is WARN and above
        slow.addAppender(slowLines);
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_ACCESS_LOG", "json", "NASHIR_SLOW_REQUEST_MS", "1")).start()) {
            long id = site.publish("سياسة", "خبر", site.clock.instant());
            site.get("/article/" + id, "Accept-Encoding", "br");
            // A cached page is complete once its bytes are out (its length is known), so the reader may have it
            // before the line is logged.
            for (int i = 0; i < 100 && slowLines.list.isEmpty(); i++) sleep(20);
            assertThat(accessLines.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.startsWith("{\"method\":\"GET\",\"path\":\"/article/" + id + "\",\"route\":\"/article/{id}\",\"status\":200,")
                    && line.endsWith("\"encoding\":\"br\"}"));
            assertThat(slowLines.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(line -> line.contains("/article/" + id) && line.contains("route /article/{id}"));
        } finally {
            access.detachAppender(accessLines);
            access.setLevel(null);
            slow.detachAppender(slowLines);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
