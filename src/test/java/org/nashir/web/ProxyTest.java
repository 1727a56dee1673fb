package org.nashir.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.config.Settings;
import org.nashir.config.TrustedProxies;
import org.nashir.testing.TestSite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Behind a proxy, readers are told apart by the address the proxy appends, not by the proxy's own; and only a
 * trusted proxy's header is believed (issue 15: a client reaching a node directly must not choose its address).
 */
class ProxyTest {
    /** Three beacons from two readers, as a proxy on this machine forwards them. */
    static long countTwoReaders(Path dir, Map<String, String> settings) {
        try (TestSite site = TestSite.create(dir, settings).start()) {
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
        assertThat(countTwoReaders(dir.resolve("a"), Map.of("NASHIR_BEHIND_PROXY", "true"))).isEqualTo(2);
        assertThat(countTwoReaders(dir.resolve("c"), Map.of("NASHIR_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8"))).isEqualTo(2);
    }

    @Test
    void forwarded_headers_from_anyone_but_a_trusted_proxy_are_ignored(@TempDir Path dir) {
        assertThat(countTwoReaders(dir.resolve("b"), Map.of("NASHIR_BEHIND_PROXY", "false"))).isEqualTo(1);
        // The balancer is elsewhere: this client (on loopback) reached the node directly, its header proves nothing.
        assertThat(countTwoReaders(dir.resolve("d"), Map.of("NASHIR_TRUSTED_PROXIES", "10.0.0.0/8"))).isEqualTo(1);
    }

    @Test
    void the_reader_is_the_first_address_from_the_right_that_is_not_a_trusted_proxy() {
        TrustedProxies p = TrustedProxies.parse("10.0.0.0/8, 192.168.1.5 fd00::/8");
        assertThat(p.client("10.1.2.3", "198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(p.client("10.1.2.3", "6.6.6.6, 198.51.100.4, 192.168.1.5")).isEqualTo("198.51.100.4");
        assertThat(p.client("10.1.2.3", "6.6.6.6,198.51.100.4 , 10.9.9.9")).isEqualTo("198.51.100.4");
        assertThat(p.client("fd00::1", "2001:db8::7")).isEqualTo("2001:db8::7");
        assertThat(p.client("::ffff:10.0.0.1", "198.51.100.4")).as("an IPv4-mapped proxy address").isEqualTo("198.51.100.4");
        assertThat(p.client("203.0.113.9", "198.51.100.4")).as("not from a proxy").isEqualTo("203.0.113.9");
        assertThat(p.client("10.1.2.3", null)).isEqualTo("10.1.2.3");
        assertThat(p.client("10.1.2.3", "10.2.2.2")).as("only proxies: the farthest").isEqualTo("10.2.2.2");
        assertThat(p.client("10.1.2.3", "evil.example, 10.2.2.2")).as("not an address: the last one believed").isEqualTo("10.2.2.2");
        assertThat(p.client("10.1.2.3", "<script>")).isEqualTo("10.1.2.3");
        assertThat(p.contains("192.168.1.6")).isFalse();
        assertThat(p.contains("localhost")).as("names are never looked up").isFalse();
        assertThat(TrustedProxies.parse("10.0.0.0/9").contains("10.127.255.255")).isTrue();
        assertThat(TrustedProxies.parse("10.0.0.0/9").contains("10.128.0.0")).isFalse();
        for (String bad : new String[] {"proxy.example", "10.0.0.0/33", "300.1.1.1", "10.0.0.0/x"}) {
            assertThatThrownBy(() -> TrustedProxies.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_bad_list_stops_the_start_with_an_arabic_message() {
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("NASHIR_TRUSTED_PROXIES", "10.0.0.0/8, balancer.local")))
            .isInstanceOf(Settings.Invalid.class).hasMessageContaining("NASHIR_TRUSTED_PROXIES").hasMessageContaining("balancer.local")
            .hasMessageContaining("ليس عنوانًا");
    }
}
