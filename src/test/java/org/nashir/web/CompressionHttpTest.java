package org.nashir.web;

import com.aayushatharva.brotli4j.decoder.Decoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.TestSite;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: pages and static files as browsers ask for them, compressed once, with an ETag per form and 304s. */
class CompressionHttpTest {
    @TempDir
    static Path dir;
    static TestSite site;
    static String article;
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        site = TestSite.create(dir, Map.of("NASHIR_PAGE_CACHE_SECONDS", "60")).start();
        article = "/article/" + site.publish("سياسة", "البرلمان يقرّ قانون الإدارة المحلية", site.clock.instant());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.url(path))).header("User-Agent", TestSite.BROWSER_UA);
        if (headers.length > 0) b.headers(headers);
        return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String gunzip(byte[] bytes) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String unbrotli(byte[] bytes) throws IOException {
        return new String(Decoder.decompress(bytes).getDecompressedData(), StandardCharsets.UTF_8);
    }

    @Test
    void a_page_comes_in_the_form_the_browser_accepts_each_with_its_own_etag() throws Exception {
        HttpResponse<byte[]> plain = get(article);
        HttpResponse<byte[]> gzip = get(article, "Accept-Encoding", "gzip, deflate");
        HttpResponse<byte[]> br = get(article, "Accept-Encoding", "gzip, deflate, br");
        String text = new String(plain.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("البرلمان يقرّ قانون الإدارة المحلية");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(gzip.body())).isEqualTo(text);
        assertThat(Encoding.BROTLI_AVAILABLE).as("brotli4j's native library loads on this machine").isTrue();
        assertThat(br.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(unbrotli(br.body())).isEqualTo(text);
        assertThat(br.body().length).isLessThan(gzip.body().length).isLessThan(plain.body().length / 3);
        for (HttpResponse<byte[]> r : java.util.List.of(plain, gzip, br)) assertThat(r.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        var tags = java.util.stream.Stream.of(plain, gzip, br).map(r -> r.headers().firstValue("ETag").orElseThrow()).toList();
        assertThat(tags).doesNotHaveDuplicates();

        // Each form's tag (and a proxy's weakened one) answers 304; another version's does not.
        assertThat(get(article, "Accept-Encoding", "br", "If-None-Match", tags.get(2)).statusCode()).isEqualTo(304);
        assertThat(get(article, "Accept-Encoding", "gzip", "If-None-Match", "W/" + tags.get(1)).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> notModified = get(article, "Accept-Encoding", "gzip, br", "If-None-Match", tags.get(0));
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.headers().firstValue("ETag")).hasValue(tags.get(2));
        assertThat(get(article, "Accept-Encoding", "br", "If-None-Match", "\"0123456789abcdef01234567-br\"").statusCode()).isEqualTo(200);
    }

    @Test
    void quality_values_are_honoured() throws Exception {
        assertThat(get(article, "Accept-Encoding", "br;q=0, gzip").headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(get(article, "Accept-Encoding", "gzip;q=0.5, br;q=0.2").headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(get(article, "Accept-Encoding", "*").headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(get(article, "Accept-Encoding", "identity").headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(get(article, "Accept-Encoding", "gzip;q=0, br;q=0").headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(Encoding.pick("GZIP;Q=1.0, BR;q=0.9", true)).isEqualTo(Encoding.GZIP);
        assertThat(Encoding.pick("br", false)).as("brotli not kept: the plain form").isEqualTo(Encoding.IDENTITY);
        assertThat(Encoding.pick("gzip;q=abc, br", true)).isEqualTo(Encoding.BROTLI);
    }

    @Test
    void feeds_and_static_files_are_compressed_too() throws Exception {
        HttpResponse<byte[]> feed = get("/feed.xml", "Accept-Encoding", "gzip");
        assertThat(feed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(feed.body())).contains("<rss").contains("البرلمان يقرّ قانون الإدارة المحلية");
        HttpResponse<byte[]> script = get("/static/nashir.js", "Accept-Encoding", "gzip, deflate, br");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(unbrotli(script.body())).contains("sendBeacon");
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(get("/static/nashir.js", "If-None-Match", script.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
        assertThat(new String(get("/static/site.css", "Accept-Encoding", "identity").body(), StandardCharsets.UTF_8)).contains("direction");
        HttpResponse<byte[]> module = get(EditorModules.importMap().replaceAll(".*\"prosemirror-model\":\"([^\"]+)\".*", "$1"), "Accept-Encoding", "gzip");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(gunzip(module.body())).contains("export");
        // Nothing outside the two folders: refused (Jetty answers 400 to an encoded dot segment before any route).
        for (String outside : List.of("/static/..%2fnashir.db", "/static/%2e%2e/%2e%2e/pom.xml", "/webjars/../../org/nashir/Nashir.class", "/static/.hidden.js", "/static/missing.js"))
            assertThat(get(outside, "Accept-Encoding", "gzip").statusCode()).as(outside).isIn(400, 404);
        HttpResponse<byte[]> api = get("/api/v1/articles", "Accept-Encoding", "gzip");
        assertThat(api.headers().firstValue("Content-Encoding")).as("an uncached answer is compressed as it goes").hasValue("gzip");
        assertThat(gunzip(api.body())).contains("البرلمان");
    }
}
