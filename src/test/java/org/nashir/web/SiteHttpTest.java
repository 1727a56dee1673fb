package org.nashir.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nashir.article.Article;
import org.nashir.article.BodyHtml;
import org.nashir.article.NewArticle;
import org.nashir.testing.TestSite;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The public site over real HTTP: what a reader's browser receives. */
class SiteHttpTest {
    @TempDir
    static Path dir;
    static TestSite site;
    static long articleId;
    static final Instant PUBLISHED = Instant.parse("2015-11-16T08:30:00Z");

    @BeforeAll
    static void start() {
        site = TestSite.create(dir).start();
        articleId = site.nashir.imports.create(new NewArticle("لافروف: التحالف يقصف برأفة", "موسكو", "ملخص الخبر",
            BodyHtml.fromParagraphs(List.of("الفقرة الأولى <b>ليست</b> وسماً.", "الفقرة الثانية.")), List.of("فريق ماسة"),
            "الماسة السورية", null, "سياسة", List.of("روسيا"), "من الأرشيف", Article.PUBLISHED, PUBLISHED, 10056, null, null)).id();
        for (int i = 0; i < 45; i++) site.publish("رياضة", "مباراة رقم " + i, site.clock.instant().minus(Duration.ofHours(i + 1)));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static Document html(HttpResponse<String> r) {
        return Jsoup.parse(r.body());
    }

    @Test
    void article_page_shows_every_element_of_the_seed_page_right_to_left() {
        HttpResponse<String> r = site.get("/article/" + articleId);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html").containsIgnoringWhitespaces("charset=utf-8");
        Document d = html(r);
        assertThat(d.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(d.selectFirst("html").attr("lang")).isEqualTo("ar-SY");
        assertThat(d.selectFirst("h1").text()).isEqualTo("لافروف: التحالف يقصف برأفة");
        assertThat(d.select(".label").text()).isEqualTo("من الأرشيف");
        assertThat(d.select(".kicker").text()).isEqualTo("موسكو");
        assertThat(d.select(".byline a[rel=author]").text()).isEqualTo("فريق ماسة");
        assertThat(d.select(".byline time").text()).isEqualTo("16 تشرين الثاني 2015");
        assertThat(d.select(".views").text()).contains("10056");
        assertThat(d.select(".body p")).extracting(e -> e.text()).containsExactly("الفقرة الأولى <b>ليست</b> وسماً.", "الفقرة الثانية.");
        assertThat(d.select(".source").text()).isEqualTo("المصدر : الماسة السورية");
        assertThat(d.select(".tags a").text()).isEqualTo("روسيا");
        assertThat(d.select(".crumbs a").text()).isEqualTo("سياسة");
        assertThat(d.select("meta[name=description]").attr("content")).isEqualTo("ملخص الخبر");
        assertThat(d.select("link[rel=canonical]").attr("href")).endsWith("/article/" + articleId);
        assertThat(d.select("article[data-view-beacon]").attr("data-view-beacon")).isEqualTo("/views/" + articleId);
        assertThat(d.select("noscript").html()).contains("/views/" + articleId + "/pixel.gif");
    }

    @Test
    void article_pages_carry_news_article_structured_data_that_survives_hostile_titles() throws Exception {
        Document d = html(site.get("/article/" + articleId));
        var ld = new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.select("script[type=application/ld+json]").html());
        assertThat(ld.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asText()).isEqualTo("لافروف: التحالف يقصف برأفة");
        assertThat(ld.get("inLanguage").asText()).isEqualTo("ar");
        assertThat(ld.get("datePublished").asText()).isEqualTo("2015-11-16T08:30:00Z");
        assertThat(ld.get("author").get(0).get("@type").asText()).isEqualTo("Organization");
        assertThat(ld.get("author").get(0).get("name").asText()).isEqualTo("فريق ماسة");
        assertThat(ld.get("isBasedOn").get("name").asText()).isEqualTo("الماسة السورية");
        assertThat(ld.get("publisher").get("name").asText()).isEqualTo("ناشر");

        long hostile = site.publish("سياسة", "</script><script>alert(1)</script> \"اقتباس\"", site.clock.instant().minus(Duration.ofHours(1)));
        Document h = html(site.get("/article/" + hostile));
        assertThat(h.select("script:not([type]), script[type=text/javascript]").stream().filter(e -> e.html().contains("alert"))).isEmpty();
        var hostileLd = new com.fasterxml.jackson.databind.ObjectMapper().readTree(h.select("script[type=application/ld+json]").html());
        assertThat(hostileLd.get("headline").asText()).isEqualTo("</script><script>alert(1)</script> \"اقتباس\"");
        // Open Graph and Twitter cards carry the same title, escaped as attribute values.
        for (String meta : List.of("meta[property=og:title]", "meta[name=twitter:title]")) {
            assertThat(h.select(meta).attr("content")).as(meta).isEqualTo("</script><script>alert(1)</script> \"اقتباس\"");
        }
        assertThat(h.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
    }

    @Test
    void a_wrong_slug_redirects_to_the_canonical_address_and_the_right_one_is_served() {
        HttpResponse<String> wrong = site.get("/article/" + articleId + "/" + URLEncoder.encode("عنوان-قديم", StandardCharsets.UTF_8));
        assertThat(wrong.statusCode()).isEqualTo(301);
        assertThat(wrong.headers().firstValue("Location")).hasValue("/article/" + articleId);
        String slug = site.nashir.articles.findById(articleId).orElseThrow().slug();
        HttpResponse<String> right = site.get("/article/" + articleId + "/" + URLEncoder.encode(slug, StandardCharsets.UTF_8));
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(html(right).select("link[rel=canonical]").attr("href")).endsWith("/article/" + articleId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/article/999999", "/article/abc", "/article/99999999999999999999999", "/article/-1", "/section/لا-يوجد",
        "/tag/لا-يوجد", "/author/لا-يوجد", "/archive/2015/13", "/archive/2015/02/30", "/archive/20155", "/archive/abcd",
        "/archive/1500", "/archive/2015/11/16/extra", "/latest?page=0", "/latest?page=-3", "/latest?page=abc",
        "/latest?page=99999999999999", "/latest?page=999", "/no/such/page"})
    void unknown_or_malformed_addresses_get_the_arabic_404_page(String path) {
        String[] parts = path.split("\\?", 2);
        String encoded = java.util.Arrays.stream(parts[0].split("/")).map(p -> URLEncoder.encode(p, StandardCharsets.UTF_8))
            .reduce((a, b) -> a + "/" + b).orElse("") + (parts.length > 1 ? "?" + parts[1] : "");
        HttpResponse<String> r = site.get(encoded);
        assertThat(r.statusCode()).isEqualTo(404);
        Document d = html(r);
        assertThat(d.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(d.selectFirst("h1").text()).isEqualTo("الصفحة غير موجودة");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void home_page_has_latest_section_blocks_and_most_read_lists() {
        Document d = html(site.get("/"));
        assertThat(d.select("#latest + ul li")).hasSize(7);
        assertThat(d.select(".block h2").eachText()).contains("رياضة");
        assertThat(d.select("#most-read-day").text()).isEqualTo("الأكثر قراءة اليوم");
        assertThat(d.select("#most-read-week").text()).isEqualTo("الأكثر قراءة هذا الأسبوع");
        assertThat(d.select(".sections a").eachText()).contains("الرئيسية", "سياسة", "رياضة");
        assertThat(d.select("meta[name=description]").attr("content")).isNotBlank();
    }

    @Test
    void section_pages_are_paginated() {
        String path = "/section/" + URLEncoder.encode("رياضة", StandardCharsets.UTF_8);
        Document first = html(site.get(path));
        assertThat(first.select("h1").text()).isEqualTo("رياضة");
        assertThat(first.select(".teasers li")).hasSize(20);
        assertThat(first.select(".pager").text()).contains("الصفحة 1 من 3");
        Document third = html(site.get(path + "?page=3"));
        assertThat(third.select(".teasers li")).hasSize(5);
        assertThat(third.select("a[rel=prev]").attr("href")).endsWith("?page=2");
        assertThat(site.get(path + "?page=4").statusCode()).isEqualTo(404);
    }

    @Test
    void date_archives_list_what_was_published_that_day_month_and_year() {
        assertThat(html(site.get("/archive/2015/11/16")).select(".teasers h2 a").text()).isEqualTo("لافروف: التحالف يقصف برأفة");
        assertThat(html(site.get("/archive/2015/11")).select(".teasers li")).hasSize(1);
        Document year = html(site.get("/archive/2015"));
        assertThat(year.select("h1").text()).isEqualTo("أرشيف 2015");
        assertThat(year.select(".links a").eachText()).contains("تشرين الثاني 2015");
        Document empty = html(site.get("/archive/2015/11/17"));
        assertThat(empty.select(".meta").text()).contains("لا توجد مقالات منشورة في هذه الفترة");
    }

    @Test
    void the_view_beacon_counts_a_reader_once_and_ignores_bots() {
        long before = site.nashir.articles.findById(articleId).orElseThrow().viewCount();
        assertThat(site.post("/views/" + articleId).statusCode()).isEqualTo(204);
        assertThat(site.post("/views/" + articleId).statusCode()).isEqualTo(204);
        HttpResponse<String> pixel = site.get("/views/" + articleId + "/pixel.gif", "User-Agent", "Googlebot/2.1");
        assertThat(pixel.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(pixel.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(site.post("/views/not-a-number").statusCode()).isEqualTo(204);
        site.nashir.views.flush();
        assertThat(site.nashir.articles.findById(articleId).orElseThrow().viewCount()).isEqualTo(before + 1);
    }

    @Test
    void pages_carry_validators_and_answer_304_when_unchanged() {
        HttpResponse<String> first = site.get("/article/" + articleId);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("s-maxage").contains("stale-while-revalidate");
        assertThat(site.get("/article/" + articleId, "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void a_new_article_appears_on_cached_pages_at_once_through_the_change_feed() {
        site.get("/");
        site.publish("سياسة", "خبر عاجل جديد", site.clock.instant());
        assertThat(html(site.get("/")).select("#latest + ul li h3").first().text()).isEqualTo("خبر عاجل جديد");
    }

    @Test
    void security_headers_are_on_every_response() {
        for (String path : List.of("/", "/article/" + articleId, "/no/such/page")) {
            HttpResponse<String> r = site.get(path);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).as(path).contains("script-src 'self'");
        }
    }
}
