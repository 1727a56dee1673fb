package org.nashir.web;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.TestSite;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: a CDN in front is told which keys to purge after each change (a local fake CDN stands in). */
class PurgeTest {
    @Test
    void each_change_sends_the_keys_of_the_pages_that_show_it(@TempDir Path dir) throws Exception {
        BlockingQueue<String> purges = new LinkedBlockingQueue<>();
        HttpServer cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cdn.createContext("/purge", exchange -> {
            purges.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cdn.start();
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_PAGE_CACHE_SECONDS", "60",
                "NASHIR_PURGE_URL", "http://127.0.0.1:" + cdn.getAddress().getPort() + "/purge", "NASHIR_PURGE_TOKEN", "cdn-secret")).start()) {
            long id = site.publish("سياسة", "خبر أول", site.clock.instant());
            String first = purges.poll(5, TimeUnit.SECONDS);
            assertThat(first).startsWith("Bearer cdn-secret {\"keys\":[").contains("\"article:" + id + "\"").contains("\"list:all\"");
            site.get("/");
            site.get("/article/" + id);
            purges.clear();
            site.nashir.ticker.addLine("تحويلة مرورية في الشارع الرئيسي", null, site.clock.instant().plusSeconds(3600), null);
            assertThat(purges.poll(5, TimeUnit.SECONDS)).endsWith("{\"keys\":[\"ticker\"]}");
            long politics = site.nashir.sections.listAll().getFirst().id();
            site.nashir.sections.rename(politics, "شؤون سياسية");
            assertThat(purges.poll(5, TimeUnit.SECONDS)).endsWith("{\"all\":true}");
        } finally {
            cdn.stop(0);
        }
    }
}
