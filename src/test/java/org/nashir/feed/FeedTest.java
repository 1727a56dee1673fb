package org.nashir.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.TestSite;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Feeds and sitemaps as readers' apps and search engines fetch them. */
class FeedTest {
    @TempDir
    static Path dir;
    static TestSite site;
    static long recent, old;

    @BeforeAll
    static void start() {
        site = TestSite.create(dir).start();
        old = site.publish("ثقافة", "معرض قديم", Instant.parse("2015-11-16T10:00:00Z"), "نص.");
        recent = site.publish("سياسة", "خبر اليوم & \"اقتباس\" <وسم>", site.clock.instant().minus(Duration.ofHours(2)), "نص.");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static SyndFeed parse(HttpResponse<String> r) throws Exception {
        return new SyndFeedInput().build(new StringReader(r.body()));
    }

    @Test
    void rss_and_atom_parse_with_rome_and_carry_arabic_titles_and_absolute_links() throws Exception {
        HttpResponse<String> rss = site.get("/feed.xml");
        assertThat(rss.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
        SyndFeed feed = parse(rss);
        assertThat(feed.getLanguage()).isEqualTo("ar");
        assertThat(feed.getEntries()).extracting(e -> e.getTitle()).containsExactly("خبر اليوم & \"اقتباس\" <وسم>", "معرض قديم");
        assertThat(feed.getEntries().getFirst().getLink()).startsWith("http://localhost").contains("/article/" + recent);
        assertThat(feed.getEntries().getFirst().getPublishedDate().toInstant()).isEqualTo(site.clock.instant().minus(Duration.ofHours(2)));
        SyndFeed atom = parse(site.get("/atom.xml"));
        assertThat(atom.getFeedType()).startsWith("atom");
        assertThat(atom.getEntries()).hasSize(2);
        String section = URLEncoder.encode("ثقافة", StandardCharsets.UTF_8);
        assertThat(parse(site.get("/section/" + section + "/feed.xml")).getEntries()).extracting(e -> e.getTitle()).containsExactly("معرض قديم");
        assertThat(site.get("/section/" + URLEncoder.encode("لا-يوجد", StandardCharsets.UTF_8) + "/feed.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void json_feed_is_version_1_1_and_conditional_get_answers_304() throws Exception {
        HttpResponse<String> r = site.get("/feed.json");
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertThat(json.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(json.get("items").get(0).get("url").asText()).contains("/article/" + recent);
        assertThat(json.get("items").get(0).get("date_published").asText()).endsWith("Z");
        // JSON Feed 1.1: the feed's own address, and every item with a string id, an absolute url, content and RFC 3339 dates.
        assertThat(json.get("feed_url").asText()).isEqualTo(site.nashir.settings.baseUrl() + "/feed.json");
        assertThat(json.get("language").asText()).isEqualTo("ar");
        for (JsonNode item : json.get("items")) {
            assertThat(item.get("id").isTextual()).isTrue();
            assertThat(item.get("url").asText()).startsWith("http");
            assertThat(item.has("content_html") || item.has("content_text")).as(item.toString()).isTrue();
            java.time.OffsetDateTime.parse(item.get("date_published").asText());
            java.time.OffsetDateTime.parse(item.get("date_modified").asText());
        }
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(site.get("/feed.json", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void sitemaps_index_every_article_and_the_news_sitemap_only_the_last_two_days() {
        String index = site.get("/sitemap.xml").body();
        assertThat(index).contains("<sitemapindex").contains("/sitemap-articles-1.xml").contains("/sitemap-news.xml");
        String articles = site.get("/sitemap-articles-1.xml").body();
        assertThat(articles).contains("/article/" + recent + "</loc>").contains("/article/" + old + "</loc>");
        String news = site.get("/sitemap-news.xml").body();
        assertThat(news).contains("/article/" + recent + "</loc>").doesNotContain("/article/" + old + "</loc>")
            .contains("<news:language>ar</news:language>").contains("&amp; &quot;اقتباس&quot; &lt;وسم&gt;");
        assertThat(site.get("/sitemap-articles-99.xml").statusCode()).isEqualTo(404);
        assertThat(site.get("/robots.txt").body()).contains("Sitemap: http://localhost").contains("Disallow: /admin/");
    }

    /** With NASHIR_FEED_CONTENT=full feeds carry the body; every feed names bylines, the update time and the featured image. */
    @Test
    void full_content_bylines_updates_and_image_enclosures(@TempDir Path other) throws Exception {
        try (TestSite full = TestSite.create(other, java.util.Map.of("NASHIR_FEED_CONTENT", "full")).start()) {
            long media = full.nashir.media.addImported("photo.jpg", org.nashir.testing.Images.jpeg(1200, 600), 10L << 20, "صورة").orElseThrow();
            long id = full.nashir.imports.create(new org.nashir.article.NewArticle("خبر بصورة", null, "ملخص الخبر", "<p>الفقرة <strong>الأولى</strong>.</p>",
                java.util.List.of("سلمى حداد"), null, null, "سياسة", java.util.List.of(), null, org.nashir.article.Article.PUBLISHED,
                full.clock.instant().minus(Duration.ofHours(1)), 0, null, null)).id();
            full.nashir.db.jdbi().useHandle(h -> full.nashir.articles.setFeaturedMedia(h, id, media));
            full.nashir.pages.invalidateAll();

            SyndFeed rss = parse(full.get("/feed.xml"));
            var entry = rss.getEntries().getFirst();
            assertThat(entry.getContents()).singleElement().satisfies(c -> assertThat(c.getValue()).contains("<strong>الأولى</strong>"));
            assertThat(entry.getDescription().getValue()).isEqualTo("ملخص الخبر");
            assertThat(entry.getEnclosures()).singleElement().satisfies(e -> {
                assertThat(e.getUrl()).startsWith("http://localhost").endsWith("/1024.jpg");
                assertThat(e.getType()).isEqualTo("image/jpeg");
                assertThat(e.getLength()).isPositive();
            });
            assertThat(full.get(java.net.URI.create(entry.getEnclosures().getFirst().getUrl()).getPath()).statusCode()).isEqualTo(200);
            assertThat(entry.getAuthor()).contains("سلمى حداد");

            String atomXml = full.get("/atom.xml").body();
            assertThat(atomXml).contains("xml:lang=\"ar\"");
            SyndFeed atom = parse(full.get("/atom.xml"));
            assertThat(atom.getEntries().getFirst().getAuthors()).extracting(a -> a.getName()).containsExactly("سلمى حداد");
            assertThat(atom.getEntries().getFirst().getEnclosures()).hasSize(1);

            JsonNode json = new ObjectMapper().readTree(full.get("/feed.json").body());
            JsonNode item = json.get("items").get(0);
            assertThat(item.get("content_html").asText()).contains("<strong>الأولى</strong>");
            assertThat(item.get("image").asText()).endsWith("/1024.jpg");
            assertThat(item.get("authors").get(0).get("name").asText()).isEqualTo("سلمى حداد");
            assertThat(item.get("date_modified").asText()).endsWith("Z");
        }
        // The default carries summaries only.
        JsonNode summaryOnly = new ObjectMapper().readTree(site.get("/feed.json").body());
        assertThat(summaryOnly.get("items").get(0).has("content_html")).isFalse();
        assertThat(parse(site.get("/feed.xml")).getEntries().getFirst().getContents()).isEmpty();
    }
}
