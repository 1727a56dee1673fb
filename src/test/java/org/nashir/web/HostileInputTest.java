package org.nashir.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nashir.account.Role;
import org.nashir.testing.Api;
import org.nashir.testing.RawHttp;
import org.nashir.testing.TestSite;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: what attackers and broken clients send gets a clear answer with the right status, in Arabic on pages and
 * as the API's JSON error under /api/, never a 500 and never the server's English page.
 */
class HostileInputTest {
    @TempDir
    static Path dir;
    static TestSite site;
    static long article;
    static String token;
    static int port;

    @BeforeAll
    static void start() {
        site = TestSite.create(dir, java.util.Map.of("NASHIR_COMMENTS_PER_ADDRESS", "1000")).start();
        article = site.publish("سياسة", "معرض الكتاب يفتح أبوابه", site.clock.instant().minusSeconds(3600), "نص الخبر.");
        long editor = site.nashir.accounts.create("editor@example.org", "محررة", Role.EDITOR, "a-long-enough-password");
        token = site.nashir.tokens.create(editor, "اختبار");
        port = Integer.parseInt(site.url("").replaceAll(".*:", ""));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** An Arabic page: the site's own error page, in Arabic, not Jetty's. */
    static void arabicPage(String body) {
        assertThat(body).contains("dir=\"rtl\"").doesNotContain("HTTP ERROR").doesNotContain("Powered by Jetty").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=-999999999-01-01", "to=-999999999-01-01", "from=%2B292278995-01-01", "to=%2B292278995-01-01", "from=0000-01-01", "to=9999-12-31"})
    void absurd_dates_in_search_are_refused_clearly(String date) {
        HttpResponse<String> api = site.get("/api/v1/search?q=x&" + date);
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("\"code\":\"bad_date\"");
        HttpResponse<String> page = site.get("/search?q=x&" + date);
        assertThat(page.statusCode()).isEqualTo(400);
        arabicPage(page.body());
        assertThat(page.body()).contains("التاريخ");
        HttpResponse<String> list = site.get("/api/v1/articles?" + date);
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(list.body()).contains("\"code\":\"bad_date\"");
    }

    @Test
    void a_publication_time_past_any_calendar_is_refused_with_its_field_named() {
        HttpResponse<String> r = Api.send(site, "POST", "/api/v1/articles", token,
            "{\"title\":\"خبر\",\"body_html\":\"<p>نص</p>\",\"section\":\"" + section() + "\",\"status\":\"scheduled\",\"publish_at\":\"+999999999-01-01T00:00:00Z\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("publish_at").doesNotContain("\"title\"").doesNotContain("\"section\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", " 1", "1234567890123456789", "-1", "0"})
    void a_reply_to_something_that_is_no_comment_id_is_refused_in_arabic(String parent) {
        var r = new org.nashir.testing.Agent(site).postRaw("/article/" + article + "/comments",
            "name", "سلمى", "email", "salma@example.org", "comment", "تعليق", "parent_id", parent);
        assertThat(r.statusCode()).isEqualTo(422);
        arabicPage(r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/article/%s/comments", "/admin/sign-in", "/admin/media"})
    void a_body_that_is_not_the_multipart_it_claims_is_a_400_in_arabic(String path) {
        byte[] body = "name=x&comment=y".getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path.formatted(article) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            + "Content-Type: multipart/form-data; boundary=XX\r\nContent-Length: " + body.length + "\r\n\r\n";
        RawHttp.Answer a = RawHttp.send(port, concat(head.getBytes(StandardCharsets.UTF_8), body));
        assertThat(a.status()).isIn(400, 403);
        arabicPage(a.body());
    }

    @Test
    void a_very_long_back_office_address_still_leads_to_sign_in() {
        String letters = "ع".repeat(2000);
        HttpResponse<String> r = site.get("/admin/articles/" + java.net.URLEncoder.encode(letters, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isIn(303, 302, 404);
        if (r.statusCode() != 404) assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/admin/sign-in").hasSizeLessThan(2000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%C0%AF", "/search?q=%FF", "/%ED%A0%80", "/tag/%00", "/%", "/section/%E", "/a\"b", "/a\\b", "/a<b", "/api/v1/%FF"})
    void bad_addresses_get_the_sites_400_not_the_servers(String target) {
        RawHttp.Answer a = RawHttp.send(port, "GET", target);
        assertThat(a.status()).as(target).isIn(200, 400, 404);
        if (target.startsWith("/api/")) assertThat(a.body()).contains("\"code\":");
        else arabicPage(a.body());
    }

    @Test
    void over_long_urls_headers_and_bodies_get_their_status_in_arabic() {
        RawHttp.Answer url = RawHttp.send(port, "GET", "/search?q=" + "%D8%B9".repeat(40_000));
        assertThat(url.status()).isEqualTo(414);
        arabicPage(url.body());
        // The server's own answers carry the site's security header fields too.
        assertThat(url.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(url.header("Content-Security-Policy")).isNotBlank();
        assertThat(url.header("Permissions-Policy")).contains("camera=()");
        RawHttp.Answer header = RawHttp.send(port, "GET", "/", "X-Long: " + "a".repeat(200_000));
        assertThat(header.status()).isEqualTo(431);
        arabicPage(header.body());
        RawHttp.Answer body = RawHttp.send(port, "POST", "/article/" + article + "/comments",
            "Content-Type: application/x-www-form-urlencoded", "Content-Length: " + (200L * 1024 * 1024));
        assertThat(body.status()).isEqualTo(413);
        arabicPage(body.body());
        // Too long to parse, the address is not known: the Arabic page answers whatever it was (the status says it all).
        RawHttp.Answer api = RawHttp.send(port, "GET", "/api/v1/search?q=" + "a".repeat(200_000));
        assertThat(api.status()).isEqualTo(414);
        // A body over the limit that the client really sends.
        String big = "name=x&comment=" + "a".repeat(2_000_000) + "&e=1";
        RawHttp.Answer form = RawHttp.send(port, ("POST /article/" + article + "/comments HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + big.length() + "\r\n\r\n" + big).getBytes(StandardCharsets.UTF_8));
        assertThat(form.status()).isIn(413, 422);
        arabicPage(form.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/archive/%s", "/section/%s", "/tag/%s", "/author/%s", "/article/%s", "/archive/2026/%s"})
    void a_very_long_value_in_an_address_is_answered_at_once(String template) {
        String value = java.net.URLEncoder.encode("ع".repeat(5000), StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        RawHttp.Answer a = RawHttp.send(port, "GET", template.formatted(value));
        assertThat((System.nanoTime() - t0) / 1_000_000).as(template).isLessThan(2000);
        assertThat(a.status()).as(template).isEqualTo(404);
        arabicPage(a.body());
    }

    @Test
    void a_share_link_cut_in_the_middle_of_a_letter_still_reaches_the_article() {
        // (A link cut inside an escape, "%D", is no URI at all: the server's parser refuses it with the Arabic 400.)
        for (String cut : new String[] {"/%D9%85%D8%B9%D8", "/%D9%85%D8%B9%D8%B1%D8%B6-%D8%A7%D9", "/%F0%9F%93"}) {
            RawHttp.Answer first = RawHttp.send(port, "GET", "/article/" + article + cut);
            assertThat(first.status()).as(cut).isEqualTo(301);
            HttpResponse<String> r = site.get(first.header("Location").replaceFirst("^https?://[^/]+", ""));
            for (int hops = 0; r.statusCode() == 301 && hops < 3; hops++) {
                r = site.get(r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
            }
            assertThat(r.statusCode()).as(cut).isEqualTo(200);
            assertThat(r.body()).contains("معرض الكتاب يفتح أبوابه");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
    void other_methods_on_a_page_are_405_with_allow(String method) {
        RawHttp.Answer a = RawHttp.send(port, method, "/article/" + article, "Content-Length: 0");
        assertThat(a.status()).isEqualTo(405);
        assertThat(a.header("Allow")).contains("GET");
        arabicPage(a.body());
    }

    @Test
    void pasted_control_characters_are_cleaned_and_a_title_of_nothing_visible_is_refused() throws Exception {
        HttpResponse<String> made = Api.send(site, "POST", "/api/v1/articles", token,
            "{\"title\":\"عنوان\\u000Bمن وورد\\u0000\\u0001\\uFFFF\",\"body_html\":\"<p>نص\\u000B</p>\",\"section\":\"" + section() + "\",\"status\":\"published\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        long id = org.nashir.web.Json.MAPPER.readTree(made.body()).get("id").asLong();
        assertThat(site.nashir.articles.findById(id).orElseThrow().title()).isEqualTo("عنوان من وورد");
        HttpResponse<String> invisible = Api.send(site, "POST", "/api/v1/articles", token,
            "{\"title\":\"\\u202E\\u0000\\u200F\",\"body_html\":\"<p>نص</p>\",\"section\":\"" + section() + "\",\"status\":\"published\"}");
        assertThat(invisible.statusCode()).isEqualTo(422);
        assertThat(invisible.body()).contains("\"title\"");
    }

    @Test
    void no_stored_character_can_break_the_feeds_or_sitemaps() throws Exception {
        long id = site.publish("سياسة", "خبر سيُفسد", site.clock.instant().minusSeconds(60), "نص.");
        // A row written before the cleaning rule existed (or by any path that missed it).
        site.nashir.db.jdbi().useHandle(h -> h.createUpdate("UPDATE article SET title = :t, summary = :t WHERE id = :id")
            .bind("t", "خبر\u000B\u0000\u0001\uFFFF مكسور").bind("id", id).execute());
        site.nashir.pages.invalidateAll();
        var xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        for (String path : new String[] {"/feed.xml", "/atom.xml", "/section/" + site.nashir.sections.listAll().getFirst().slug() + "/feed.xml", "/sitemap-news.xml"}) {
            HttpResponse<String> r = site.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            var doc = xml.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getTextContent()).as(path).contains("خبر مكسور");
        }
    }

    @Test
    void a_client_that_leaves_in_the_middle_of_its_body_is_not_a_server_error() throws Exception {
        for (String path : new String[] {"/article/" + article + "/comments", "/admin/sign-in"}) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                s.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 5000\r\n\r\nname=%D8%B3%D9%84").getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                Thread.sleep(200);
            }
        }
        Thread.sleep(500);
        assertThat(site.get("/metrics").body()).doesNotContain("status=\"500\"");
    }

    @Test
    void under_https_browsers_are_told_to_keep_to_https(@TempDir Path other) {
        assertThat(site.get("/").headers().firstValue("Strict-Transport-Security")).as("not over plain http").isEmpty();
        assertThat(site.get("/").headers().firstValue("Permissions-Policy")).hasValueSatisfying(v -> assertThat(v).contains("geolocation=()"));
        try (TestSite secure = TestSite.create(other, java.util.Map.of("NASHIR_BASE_URL", "https://news.example")).start()) {
            assertThat(secure.get("/").headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            int securePort = Integer.parseInt(secure.url("").replaceAll(".*:", ""));
            assertThat(RawHttp.send(securePort, "GET", "/%C0%AF").header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        }
    }

    private static String section() {
        return site.nashir.sections.listAll().getFirst().slug();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
