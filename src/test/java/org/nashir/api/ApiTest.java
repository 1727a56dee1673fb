package org.nashir.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.article.Article;
import org.nashir.article.NewArticle;
import org.nashir.testing.TestSite;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The public read API: every endpoint, filters, caching and JSON errors with stable codes. */
class ApiTest {
    @TempDir
    static Path dir;
    static TestSite site;
    static long first, second;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        site = TestSite.create(dir).start();
        first = site.nashir.imports.create(new NewArticle("خبر قديم", null, "ملخص", "<p>نص</p>", List.of("فريق ماسة"), "وكالة", null,
            "سياسة", List.of("انتخابات"), null, Article.PUBLISHED, Instant.parse("2015-11-16T10:00:00Z"), 5, null, null)).id();
        second = site.publish("رياضة", "مباراة", Instant.parse("2026-11-28T10:00:00Z"), "نص المباراة.");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> r = site.get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void articles_are_listed_newest_first_and_filtered() throws Exception {
        JsonNode all = get("/api/v1/articles", 200);
        assertThat(all.get("total").asLong()).isEqualTo(2);
        assertThat(all.get("items").get(0).get("id").asLong()).isEqualTo(second);
        assertThat(get("/api/v1/articles?section=" + enc("سياسة"), 200).get("items").get(0).get("title").asText()).isEqualTo("خبر قديم");
        assertThat(get("/api/v1/articles?tag=" + enc("انتخابات"), 200).get("total").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/articles?author=" + enc("فريق-ماسة"), 200).get("items").get(0).get("id").asLong()).isEqualTo(first);
        assertThat(get("/api/v1/articles?from=2015-11-16&to=2015-11-16", 200).get("total").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/articles?limit=1&offset=1", 200).get("items").get(0).get("id").asLong()).isEqualTo(first);
    }

    @Test
    void one_article_carries_its_body_bylines_tags_and_source() throws Exception {
        JsonNode a = get("/api/v1/articles/" + first, 200);
        assertThat(a.get("title").asText()).isEqualTo("خبر قديم");
        assertThat(a.get("body_html").asText()).isEqualTo("<p>نص</p>");
        assertThat(a.get("bylines").get(0).get("desk").asBoolean()).isTrue();
        assertThat(a.get("tags").get(0).get("slug").asText()).isEqualTo("انتخابات");
        assertThat(a.get("source").get("name").asText()).isEqualTo("وكالة");
        assertThat(get("/api/v1/sections", 200).get("items")).hasSize(2);
    }

    @Test
    void errors_are_json_with_stable_codes_and_responses_are_cacheable() throws Exception {
        assertThat(get("/api/v1/articles/999999", 404).get("error").get("code").asText()).isEqualTo("unknown_article");
        assertThat(get("/api/v1/articles/abc", 404).get("error").get("code").asText()).isEqualTo("unknown_article");
        assertThat(get("/api/v1/articles?limit=0", 400).get("error").get("code").asText()).isEqualTo("bad_limit");
        assertThat(get("/api/v1/articles?limit=1000", 400).get("error").get("code").asText()).isEqualTo("bad_limit");
        assertThat(get("/api/v1/articles?offset=-1", 400).get("error").get("code").asText()).isEqualTo("bad_offset");
        assertThat(get("/api/v1/articles?from=yesterday", 400).get("error").get("code").asText()).isEqualTo("bad_date");
        assertThat(get("/api/v1/articles?section=" + enc("لا-يوجد"), 404).get("error").get("code").asText()).isEqualTo("unknown_section");
        JsonNode unknown = get("/api/v1/nothing", 404);
        assertThat(unknown.get("error").get("code").asText()).isEqualTo("not_found");
        assertThat(unknown.get("error").get("message").asText()).isNotBlank();
        assertThat(unknown.get("error").get("message_en").asText()).as("issue 10: the 404 path carries message_en too").isNotBlank();
        HttpResponse<String> r = site.get("/api/v1/articles");
        assertThat(site.get("/api/v1/articles", "If-None-Match", r.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
    }

    /** Issue 10: every error of the API, whichever part of the code refuses, has the same three fields. */
    @Test
    void every_error_body_has_a_code_and_both_messages() throws Exception {
        List<HttpResponse<String>> refusals = List.of(site.get("/api/v1/nothing"), site.get("/api/v1/articles/999999"),
            site.get("/api/v1/articles?limit=0"), site.get("/api/v1/search"), site.get("/api/v1/search?q=x&limit=0"),
            site.get("/api/v1/articles/1", "Authorization", "Bearer nashir_made_up"));
        for (HttpResponse<String> r : refusals) {
            assertThat(r.statusCode()).as(r.uri().toString()).isBetween(400, 499);
            JsonNode error = JSON.readTree(r.body()).get("error");
            assertThat(error.get("code").asText()).as(r.uri() + " " + r.body()).matches("[a-z_]+");
            assertThat(error.get("message").asText()).as(r.uri() + " " + r.body()).matches(".*[\\u0600-\\u06FF].*");
            assertThat(error.get("message_en").asText()).as(r.uri() + " " + r.body()).isNotBlank();
        }
    }
}
