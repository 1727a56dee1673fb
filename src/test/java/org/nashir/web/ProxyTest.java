package org.nashir.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.TestSite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind a proxy, readers are told apart by the address the proxy appends, not by the proxy's own. */
class ProxyTest {
    static long countTwoReaders(Path dir, boolean behindProxy) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_BEHIND_PROXY", Boolean.toString(behindProxy))).start()) {
            long id = site.publish("سياسة", "خبر", site.clock.instant().minus(Duration.ofHours(1)));
            site.post("/views/" + id, "X-Forwarded-For", "203.0.113.7");
            site.post("/views/" + id, "X-Forwarded-For", "6.6.6.6, 203.0.113.8");
            site.post("/views/" + id, "X-Forwarded-For", "1.1.1.1, 203.0.113.8");
            site.nashir.views.flush();
            return site.nashir.articles.findById(id).orElseThrow().viewCount();
        }
    }

    @Test
    void behind_a_proxy_each_reader_counts_and_spoofed_first_hops_change_nothing(@TempDir Path dir) {
        assertThat(countTwoReaders(dir.resolve("a"), true)).isEqualTo(2);
    }

    @Test
    void without_the_setting_forwarded_headers_are_ignored(@TempDir Path dir) {
        assertThat(countTwoReaders(dir.resolve("b"), false)).isEqualTo(1);
    }
}
