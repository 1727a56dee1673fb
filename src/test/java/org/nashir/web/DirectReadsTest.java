package org.nashir.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.TestSite;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: cached pages answered before routing ({@link DirectReads}) are the route's answer byte for byte,
 * headers included, and nothing else is: not what a token or a form state changes. A stale page is answered so only
 * while it is in demand and rendered again in the background.
 */
class DirectReadsTest {
    @TempDir
    static Path dir;
    static TestSite site;
    static long id;
    static final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        site = TestSite.create(dir, Map.of("NASHIR_PAGE_CACHE_SECONDS", "60")).start();
        id = site.publish("سياسة", "المجلس البلدي يناقش خطة النقل", site.clock.instant());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.url(path))).header("User-Agent", TestSite.BROWSER_UA)
            .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) b.headers(headers);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static long direct() {
        return site.nashir.pages.counts().direct();
    }

    /** Every header but Date, names folded, values in order. */
    static Map<String, List<String>> headers(HttpHeaders h) {
        Map<String, List<String>> out = new TreeMap<>(h.map());
        out.remove("date");
        return out;
    }

    @Test
    void a_fresh_page_is_answered_directly_with_the_routes_own_bytes_and_headers() throws Exception {
        for (String path : List.of("/article/" + id, "/", "/section/" + site.nashir.sections.listAll().getFirst().slug(), "/feed.xml", "/api/v1/articles")) {
            for (String accept : List.of("gzip, deflate, br", "gzip", "identity")) {
                HttpResponse<byte[]> routed = send("GET", path + "?direct=" + accept.length(), "Accept-Encoding", accept);
                long before = direct();
                HttpResponse<byte[]> answered = send("GET", path + "?direct=" + accept.length(), "Accept-Encoding", accept);
                assertThat(direct()).as(path + " answered directly the second time").isEqualTo(before + 1);
                assertThat(answered.statusCode()).isEqualTo(routed.statusCode()).isEqualTo(200);
                assertThat(Arrays.equals(answered.body(), routed.body())).as(path + " same bytes (" + accept + ")").isTrue();
                assertThat(headers(answered.headers())).as(path + " same headers (" + accept + ")").isEqualTo(headers(routed.headers()));
                assertThat(answered.headers().firstValue("Content-Security-Policy")).isPresent();
                assertThat(answered.headers().firstValue("X-Frame-Options")).hasValue("DENY");

                // The browser's copy is still good: 304, as from the route.
                String tag = answered.headers().firstValue("ETag").orElseThrow();
                HttpResponse<byte[]> notModified = send("GET", path + "?direct=" + accept.length(), "Accept-Encoding", accept, "If-None-Match", tag);
                assertThat(notModified.statusCode()).isEqualTo(304);
                assertThat(notModified.body()).isEmpty();
            }
        }
    }

    @Test
    void a_change_is_seen_once_rendered_in_the_background_and_what_varies_per_request_never_comes_from_there() throws Exception {
        String path = "/article/" + id;
        send("GET", path);
        send("GET", "/");
        send("GET", "/");
        long before = direct();

        // Other methods, credentials and uncached variants of the address go to the route.
        assertThat(send("HEAD", path).statusCode()).isEqualTo(200);
        assertThat(send("GET", path, "Authorization", "Bearer not-a-token").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> pending = send("GET", path + "?comment=pending");
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(pending.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(send("GET", path + "?comment=pending").headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(direct()).isEqualTo(before);

        // A change marks the home page out of date: the next reader gets the previous version at once, directly, and
        // the page is rendered again in the background; the readers after that render see the change. (Read just
        // before the change, so that the page is in demand, PageCache.HOT, however long the requests above took.)
        send("GET", "/");
        before = direct();
        long revalidations = site.nashir.pages.counts().revalidations();
        site.publish("سياسة", "افتتاح الخط الأول لحافلات النقل العام", site.clock.instant());
        HttpResponse<byte[]> first = send("GET", "/");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(new String(first.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("افتتاح الخط الأول لحافلات النقل العام");
        assertThat(direct()).as("the previous version, answered directly").isEqualTo(before + 1);
        assertThat(site.nashir.pages.counts().revalidations()).isEqualTo(revalidations + 1);
        assertThat(site.nashir.pages.awaitRevalidations(java.time.Duration.ofSeconds(10))).isTrue();
        String home = new String(send("GET", "/").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(home).contains("افتتاح الخط الأول لحافلات النقل العام");
        assertThat(direct()).as("fresh again after the render, answered directly").isEqualTo(before + 2);
    }

    @Test
    void a_page_nobody_else_reads_is_rendered_for_its_reader_after_a_change() throws Exception {
        String path = "/section/" + site.nashir.sections.listAll().getFirst().slug();
        send("GET", path);
        send("GET", path);
        Thread.sleep(PageCache.HOT.toMillis() + 200);
        long revalidations = site.nashir.pages.counts().revalidations();
        site.publish(site.nashir.sections.listAll().getFirst().name(), "مهرجان الكتاب يفتح أبوابه", site.clock.instant());
        String page = new String(send("GET", path).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("مهرجان الكتاب يفتح أبوابه");
        assertThat(site.nashir.pages.counts().revalidations()).isEqualTo(revalidations);
    }

    @Test
    void a_signed_in_editor_who_reloads_after_a_change_sees_it_at_once() throws Exception {
        send("GET", "/");
        send("GET", "/");
        long revalidations = site.nashir.pages.counts().revalidations();
        site.publish("سياسة", "تعديل مواعيد القطارات في العطلة", site.clock.instant());
        // A session cookie (its value does not matter here: the page is the same for everyone) renders the page in
        // the request instead of answering the previous version.
        String home = new String(send("GET", "/", "Cookie", WebServer.SESSION_COOKIE + "=whatever").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(home).contains("تعديل مواعيد القطارات في العطلة");
        assertThat(site.nashir.pages.counts().revalidations()).isEqualTo(revalidations);

        // Another cookie whose name merely ends the same way is a reader's: the previous version, rendered again after.
        send("GET", "/");
        site.publish("سياسة", "افتتاح جسر المشاة فوق الطريق السريع", site.clock.instant());
        String reader = new String(send("GET", "/", "Cookie", "theme=dark; x" + WebServer.SESSION_COOKIE + "=1").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(reader).doesNotContain("افتتاح جسر المشاة فوق الطريق السريع");
        assertThat(site.nashir.pages.counts().revalidations()).isEqualTo(revalidations + 1);
        assertThat(site.nashir.pages.awaitRevalidations(java.time.Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void while_a_page_is_rendered_again_its_readers_get_the_previous_version_directly() throws Exception {
        String path = "/article/" + id;
        send("GET", path);
        send("GET", path);
        site.nashir.pages.invalidateAll();
        java.util.concurrent.CountDownLatch rendering = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // A render that takes its time (a busy server, a slow database), started as the first reader after a change would.
        Thread renderer = Thread.ofVirtual().start(() -> site.nashir.pages.get(path, () -> {
            rendering.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "<p>الصفحة الجديدة</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }));
        try {
            assertThat(rendering.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            long direct = direct(), stale = site.nashir.pages.counts().stale();
            HttpResponse<byte[]> read = send("GET", path);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(new String(read.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("المجلس البلدي يناقش خطة النقل");
            assertThat(direct()).as("answered before routing, not through the route").isEqualTo(direct + 1);
            assertThat(site.nashir.pages.counts().stale()).as("counted as a previous version served").isEqualTo(stale + 1);
        } finally {
            release.countDown();
            renderer.join();
        }
        assertThat(new String(send("GET", path).body(), java.nio.charset.StandardCharsets.UTF_8)).as("the new version once rendered").contains("الصفحة الجديدة");
        site.nashir.pages.invalidateAll();
        send("GET", path);
    }

    @Test
    void shed_first_addresses_are_recognised_before_routing_as_the_routes_match_them() {
        var routes = DirectReads.ShedFirst.of(site.nashir.routes().routes());
        java.util.function.BiPredicate<String, String> shed = (method, path) ->
            routes.stream().anyMatch(r -> r.method().equals(method) && r.path().matcher(path).matches());
        assertThat(shed.test("GET", "/search")).isTrue();
        assertThat(shed.test("GET", "/search/")).isTrue();
        assertThat(shed.test("POST", "/article/12/comments")).isTrue();
        assertThat(shed.test("GET", "/archive/2026/11/29")).isTrue();
        assertThat(shed.test("GET", "/api/v1/search")).isTrue();
        assertThat(shed.test("GET", "/searchx")).isFalse();
        assertThat(shed.test("GET", "/article/12/comments")).as("another method").isFalse();
        assertThat(shed.test("POST", "/article/12/comments/x")).isFalse();
        assertThat(shed.test("GET", "/article/12")).as("a cached page is never shed").isFalse();
        assertThat(shed.test("GET", "/")).isFalse();
    }
}
