package org.nashir.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nashir.testing.TestSite;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: suggestions while typing, after folding, from sections, tags and recent titles. */
class SuggestTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.create(dir).start();
        Instant t = site.clock.instant().minus(Duration.ofDays(1));
        SearchTest.publish(site, "سياسة", "المسؤول الأول عن الميناء يستقيل", t, List.of(), "نص الخبر.");
        SearchTest.publish(site, "سياسة", "المؤتمر الصحفي لوزير الخارجية", t.plusSeconds(60), List.of(), "نص الخبر.");
        SearchTest.publish(site, "اقتصاد", "أسعار الطاقة ترتفع في الأسواق", t.plusSeconds(120), List.of(), "نص الخبر.");
        // Twenty stories that all start with the same word, the newest last.
        for (int i = 1; i <= 20; i++) {
            SearchTest.publish(site, "اقتصاد", "البورصة تغلق على ارتفاع رقم " + i, t.plusSeconds(600 + i * 60L), List.of(), "نص.");
        }
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static HttpResponse<String> ask(String q) {
        return site.get("/api/v1/search/suggest?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    static List<String> texts(String q) throws IOException {
        HttpResponse<String> r = ask(q);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode item : JSON.readTree(r.body()).get("items")) out.add(item.get("text").asText());
        return out;
    }

    /** What a reader types, and a title or name that must be among the suggestions. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "المؤت, المؤتمر الصحفي لوزير الخارجية",      // the word as written, article included
        "مؤتم, المؤتمر الصحفي لوزير الخارجية",       // without its article: the stem's start
        "المسؤ, المسؤول الأول عن الميناء يستقيل",
        "مسو, المسؤول الأول عن الميناء يستقيل",      // the hamza's seat left out
        "المسوول, المسؤول الأول عن الميناء يستقيل",
        "اسعار الط, أسعار الطاقة ترتفع في الأسواق",  // a whole word, then a prefix; hamza on alef folded
        "الاس, أسعار الطاقة ترتفع في الأسواق",
        "سيا, سياسة",                                // a section
        "ترم, ترامب",                                // a name, typed in its other spelling (ترمب)
        "اقتص, اقتصاد"})
    void prefixes_find_what_the_reader_is_typing(String typed, String expected) throws IOException {
        assertThat(texts(typed)).contains(expected);
    }

    @Test
    void at_most_eight_newest_first_and_sections_before_titles() throws IOException {
        List<String> all = texts("البورص");
        assertThat(all).hasSize(Suggesting.MAX);
        assertThat(all.getFirst()).isEqualTo("البورصة تغلق على ارتفاع رقم 20");
        assertThat(all.get(1)).isEqualTo("البورصة تغلق على ارتفاع رقم 19");
        HttpResponse<String> r = ask("اقتص");
        JsonNode first = JSON.readTree(r.body()).get("items").get(0);
        assertThat(first.get("kind").asText()).isEqualTo("section");
        assertThat(first.get("url").asText()).endsWith("/section/" + URLEncoder.encode("اقتصاد", StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
    }

    @Test
    void too_little_or_unrelated_text_suggests_nothing() throws IOException {
        assertThat(texts("ا")).isEmpty();
        assertThat(texts("زخرف")).isEmpty();
        assertThat(texts("\u0000\u0007")).isEmpty();
    }

    @Test
    void bad_requests_get_json_errors_with_codes() throws IOException {
        HttpResponse<String> missing = site.get("/api/v1/search/suggest");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).at("/error/code").asText()).isEqualTo("missing_query");
        HttpResponse<String> tooLong = ask("ب".repeat(Suggesting.MAX_CHARS + 1));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.body()).at("/error/code").asText()).isEqualTo("query_too_long");
        assertThat(JSON.readTree(tooLong.body()).at("/error/message").asText()).contains("أطول من");
    }

    @Test
    void a_search_that_finds_little_proposes_the_words_the_articles_use() throws IOException {
        Document page = Jsoup.parse(site.get("/search?q=" + URLEncoder.encode("الطاقو", StandardCharsets.UTF_8)).body());
        var link = page.selectFirst("p.notice a[href^=/search]");
        assertThat(link).as(page.select("main").text()).isNotNull();
        assertThat(page.selectFirst("p.notice").text()).startsWith("هل تقصد:");
        assertThat(link.text()).isEqualTo("الطاقة");
        JsonNode api = JSON.readTree(site.get("/api/v1/search?q=" + URLEncoder.encode("الطاقو", StandardCharsets.UTF_8)).body());
        assertThat(api.get("did_you_mean").asText()).isEqualTo("الطاقة");
        // Known words, or nothing close: no proposal.
        assertThat(Jsoup.parse(site.get("/search?q=" + URLEncoder.encode("الطاقة", StandardCharsets.UTF_8)).body()).select("p.notice a")).isEmpty();
        assertThat(JSON.readTree(site.get("/api/v1/search?q=" + URLEncoder.encode("قصقصقص", StandardCharsets.UTF_8)).body()).has("did_you_mean")).isFalse();
    }

    @Test
    void the_search_box_offers_them_and_stays_a_plain_form() {
        Document home = Jsoup.parse(site.get("/").body());
        var box = home.selectFirst("form[role=search] input[name=q]");
        assertThat(box).isNotNull();
        assertThat(box.attr("data-suggest")).isEqualTo("/api/v1/search/suggest");
        assertThat(home.getElementById(box.attr("list"))).as("the datalist the browser shows").isNotNull();
        assertThat(home.selectFirst("form[role=search]").attr("action")).isEqualTo("/search");
    }
}
