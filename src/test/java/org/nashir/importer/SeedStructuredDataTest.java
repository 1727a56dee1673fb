package org.nashir.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.Shared;
import org.nashir.testing.TestSite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 6: the imported seed article's page tells search engines and link previews what it is, in valid JSON-LD and meta tags. */
class SeedStructuredDataTest {
    @Test
    void the_seed_article_page_carries_news_article_json_ld_and_cards(@TempDir Path dir) throws Exception {
        byte[] seed = Files.readAllBytes(Shared.seed());
        try (TestSite site = TestSite.create(dir).start()) {
            long id = new Importing(site.nashir.imports, ZoneId.of("Asia/Damascus")).importText("seed.txt", seed, "أرشيف").articleId();
            Document page = Jsoup.parse(site.get("/article/" + id).body());
            JsonNode ld = new ObjectMapper().readTree(page.select("script[type=application/ld+json]").html());
            assertThat(ld.get("@context").asText()).contains("schema.org");
            assertThat(ld.get("@type").asText()).isEqualTo("NewsArticle");
            assertThat(ld.get("headline").asText()).isEqualTo(SeedImportTest.TITLE);
            assertThat(ld.get("datePublished").asText()).startsWith("2015-11-1");
            assertThat(ld.has("dateModified")).isTrue();
            assertThat(ld.get("inLanguage").asText()).isEqualTo("ar");
            assertThat(ld.get("articleSection").asText()).isNotBlank();
            assertThat(ld.get("author").get(0).get("@type").asText()).isEqualTo("Organization");
            assertThat(ld.get("author").get(0).get("name").asText()).isEqualTo("فريق ماسة");
            assertThat(ld.at("/publisher/name").asText()).isEqualTo(site.nashir.settings.siteName());
            assertThat(ld.at("/publisher/logo/url").asText()).startsWith("http");
            assertThat(ld.at("/isBasedOn/name").asText()).isEqualTo("الماسة السورية");
            assertThat(page.select("link[rel=canonical]").attr("href")).endsWith("/article/" + id);
            assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo(SeedImportTest.TITLE);
            assertThat(page.select("meta[name=twitter:title]").attr("content")).isEqualTo(SeedImportTest.TITLE);
            assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
        }
    }
}
