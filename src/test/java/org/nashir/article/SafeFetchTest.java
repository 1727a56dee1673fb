package org.nashir.article;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12: what an editor pastes cannot make the server fetch from inside its own network. Loopback, private,
 * link-local, carrier-grade NAT and IPv4-in-IPv6 addresses are refused, and so are redirects to them; timeouts and a
 * size limit bound the rest. The local servers stand in for a provider, allowed by a test rule on their own port only.
 */
class SafeFetchTest {
    HttpServer provider;
    HttpServer inside;

    @BeforeEach
    void start() throws IOException {
        inside = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        inside.createContext("/", x -> answer(x, 200, "{\"secret\": \"credentials\"}"));
        inside.start();
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/oembed", x -> answer(x, 200, "{\"title\": \"خطاب الوزير\"}"));
        provider.createContext("/to-inside", x -> redirect(x, "http://127.0.0.1:" + inside.getAddress().getPort() + "/"));
        provider.createContext("/to-metadata", x -> redirect(x, "http://169.254.169.254/latest/meta-data/"));
        provider.createContext("/to-mapped", x -> redirect(x, "http://[::ffff:10.0.0.1]/"));
        provider.createContext("/huge", x -> answer(x, 200, "x".repeat(SafeFetch.MAX_BYTES + 10)));
        provider.createContext("/slow", x -> {
            try {
                Thread.sleep(6_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(x, 200, "late");
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
        inside.stop(0);
    }

    static void answer(com.sun.net.httpserver.HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void redirect(com.sun.net.httpserver.HttpExchange x, String to) throws IOException {
        x.getResponseHeaders().add("Location", to);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    /** The public internet plus the fake provider's own port on this machine. */
    SafeFetch client() {
        int port = provider.getAddress().getPort();
        return new SafeFetch(a -> SafeFetch.isPublic(a.getAddress()) || (a.getAddress().isLoopbackAddress() && a.getPort() == port));
    }

    String at(String path) {
        return "http://127.0.0.1:" + provider.getAddress().getPort() + path;
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.8.8", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
        "224.0.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:192.168.0.1", "64:ff9b::a00:1", "::"})
    void inside_addresses_are_not_public(String address) throws Exception {
        assertThat(SafeFetch.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.216.34"})
    void public_addresses_are_public(String address) throws Exception {
        assertThat(SafeFetch.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void the_default_client_refuses_this_machine_and_other_schemes() {
        assertThatThrownBy(() -> new SafeFetch().get(at("/oembed"))).isInstanceOf(SafeFetch.Refused.class).hasMessageContaining("non-public");
        assertThatThrownBy(() -> new SafeFetch().get("http://localhost:" + inside.getAddress().getPort() + "/")).isInstanceOf(SafeFetch.Refused.class);
        assertThatThrownBy(() -> new SafeFetch().get("http://[::ffff:127.0.0.1]:" + inside.getAddress().getPort() + "/")).isInstanceOf(SafeFetch.Refused.class);
        assertThatThrownBy(() -> new SafeFetch().get("file:///etc/passwd")).isInstanceOf(SafeFetch.Refused.class).hasMessageContaining("not http");
        assertThatThrownBy(() -> new SafeFetch().get("http://user:pw@example.org/")).isInstanceOf(SafeFetch.Refused.class);
    }

    @Test
    void a_provider_answers_but_its_redirects_inside_are_refused() throws Exception {
        assertThat(client().get(at("/oembed"))).contains("خطاب الوزير");
        assertThatThrownBy(() -> client().get(at("/to-inside"))).isInstanceOf(SafeFetch.Refused.class).hasMessageContaining("non-public");
        assertThatThrownBy(() -> client().get(at("/to-metadata"))).isInstanceOf(SafeFetch.Refused.class).hasMessageContaining("169.254.169.254");
        assertThatThrownBy(() -> client().get(at("/to-mapped"))).isInstanceOf(SafeFetch.Refused.class).hasMessageContaining("non-public");
    }

    @Test
    void size_and_time_are_bounded() {
        assertThatThrownBy(() -> client().get(at("/huge"))).isInstanceOf(SafeFetch.Refused.class).hasMessageContaining("more than");
        long start = System.nanoTime();
        assertThatThrownBy(() -> client().get(at("/slow"))).isInstanceOf(SafeFetch.Refused.class);
        assertThat((System.nanoTime() - start) / 1_000_000).as("gave up after its timeout, not the server's 6 s").isLessThan(5_500);
    }
}
