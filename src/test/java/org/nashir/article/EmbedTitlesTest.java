package org.nashir.article;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12: an embed is titled at save time from its service's oEmbed answer; offline, it stays as it was. */
class EmbedTitlesTest {
    @Test
    void an_embed_gets_its_title_from_a_provider_and_stays_untouched_without_one() throws Exception {
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/oembed", x -> {
            byte[] body = "{\"title\": \"مؤتمر صحفي للوزير <script>\", \"thumbnail_url\": \"https://i.example/t.jpg\"}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        provider.start();
        try {
            int port = provider.getAddress().getPort();
            SafeFetch local = new SafeFetch(a -> a.getAddress().isLoopbackAddress() && a.getPort() == port);
            EmbedTitles titles = new EmbedTitles(local, Map.of("youtube", "http://127.0.0.1:" + port + "/oembed?url="), true);
            String body = BodyHtml.sanitize("<p>https://www.youtube.com/watch?v=dQw4w9WgXcQ</p><p>https://t.me/nashir_channel/7</p>");

            String titled = titles.titled(body);
            assertThat(titled).contains("data-title=\"مؤتمر صحفي للوزير &lt;script&gt;\"").contains("<figcaption>يوتيوب: مؤتمر صحفي للوزير &lt;script&gt;</figcaption>");
            assertThat(titled).as("no public endpoint for Telegram").contains("<figcaption>تيليغرام</figcaption>");
            assertThat(titled).doesNotContain("i.example").doesNotContain("<script");
            assertThat(titles.titled(titled)).as("titled once").isEqualTo(titled);
            assertThat(BodyHtml.sanitize(titled)).as("the sanitizer keeps the title").isEqualTo(titled);

            assertThat(new EmbedTitles(new SafeFetch(), EmbedTitles.ENDPOINTS, false).titled(body)).as("switched off").isEqualTo(body);
            assertThat(new EmbedTitles(new SafeFetch(), Map.of("youtube", "http://127.0.0.1:" + port + "/oembed?url="), true).titled(body))
                .as("the real rules refuse this machine: the embed stays as it was").isEqualTo(body);
        } finally {
            provider.stop(0);
        }
    }
}
