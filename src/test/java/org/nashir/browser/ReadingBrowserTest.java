package org.nashir.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.Browser;
import org.nashir.testing.TestSite;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: sharing and reading. Share links are plain links carrying the headline and address (no third-party
 * script), reading time is counted for Arabic text, the dark theme and text size are the reader's choice and stay
 * with them from page to page, the dark theme passes axe too, and a printed article drops navigation and comments
 * but keeps its source and address.
 */
class ReadingBrowserTest {
    @Test
    void an_article_offers_plain_share_links_and_its_reading_time(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            String[] words = new String[450];
            java.util.Arrays.fill(words, "كلمة");
            long id = site.publish("محليات", "افتتاح المكتبة العامة", site.clock.instant().minusSeconds(600), String.join(" ", words));
            Document page = Jsoup.parse(site.get("/article/" + id).body());
            assertThat(page.select(".reading-time").text()).isEqualTo("مدة القراءة: 3 دقائق");
            List<String> links = page.select(".share a").eachAttr("href");
            assertThat(links).hasSize(5);
            String canonical = site.nashir.settings.baseUrl() + "/article/" + id;
            assertThat(links).allSatisfy(href -> assertThat(URLDecoder.decode(href, StandardCharsets.UTF_8)).contains(canonical));
            assertThat(links.getFirst()).startsWith("https://wa.me/?text=");
            assertThat(URLDecoder.decode(links.get(1), StandardCharsets.UTF_8)).startsWith("https://t.me/share/url?url=").contains("افتتاح المكتبة العامة");
            assertThat(links).anyMatch(h -> h.startsWith("mailto:?subject="));
            assertThat(page.select(".share a").eachAttr("rel")).allMatch(rel -> rel.contains("noopener") && rel.contains("nofollow"));
            // Nothing from the services is loaded: no script or frame from any other host.
            assertThat(page.select("script[src], iframe").eachAttr("src")).allMatch(src -> src.startsWith("/"));

            String[] few = new String[40];
            java.util.Arrays.fill(few, "كلمة");
            long shortOne = site.publish("محليات", "خبر قصير", site.clock.instant().minusSeconds(600), String.join(" ", few));
            assertThat(Jsoup.parse(site.get("/article/" + shortOne).body()).select(".reading-time").text()).isEqualTo("مدة القراءة: دقيقة واحدة");
        }
    }

    @Test
    void the_readers_theme_and_text_size_follow_them_and_print_keeps_only_the_story(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of()).start()) {
            long id = site.nashir.imports.create(new org.nashir.article.NewArticle("المدينة تستعد للشتاء", null, "ملخص", "<p>نص الخبر.</p>",
                List.of("فريق التحرير"), "وكالة الأنباء", "https://example.org/news/1", "محليات", List.of(), null,
                org.nashir.article.Article.PUBLISHED, site.clock.instant().minusSeconds(600), 0, null, null)).id();
            ChromeDriver b = Browser.open(true, 412, 900);
            try {
                site.load(b, "/article/" + id);
                assertThat(b.findElement(By.cssSelector(".share")).isDisplayed()).isTrue();
                String light = b.findElement(By.tagName("body")).getCssValue("background-color");
                b.findElement(By.cssSelector("[data-theme-toggle]")).click();
                assertThat(b.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo("dark");
                String darkBackground = b.findElement(By.tagName("body")).getCssValue("background-color");
                assertThat(darkBackground).isNotEqualTo(light);
                String before = b.findElement(By.tagName("body")).getCssValue("font-size");
                b.findElement(By.cssSelector("[data-text-size='1']")).click();
                assertThat(b.findElement(By.tagName("body")).getCssValue("font-size")).isNotEqualTo(before);

                // Another page remembers both choices.
                site.load(b, "/");
                new org.openqa.selenium.support.ui.WebDriverWait(b, Duration.ofSeconds(5))
                    .until(d -> "dark".equals(d.findElement(By.tagName("html")).getAttribute("data-theme")));
                assertThat(b.findElement(By.tagName("html")).getAttribute("data-text")).isEqualTo("large");
                assertThat(b.findElement(By.tagName("body")).getCssValue("background-color")).isEqualTo(darkBackground);

                // The dark theme is as readable as the light one.
                site.load(b, "/article/" + id);
                new org.openqa.selenium.support.ui.WebDriverWait(b, Duration.ofSeconds(5))
                    .until(d -> "dark".equals(d.findElement(By.tagName("html")).getAttribute("data-theme")));
                Results results = new AxeBuilder().analyze(b);
                List<Rule> violations = results.getViolations();
                assertThat(violations).as(() -> violations.stream().map(v -> v.getId() + ": " + v.getNodes().stream().map(n -> n.getHtml())
                    .collect(Collectors.joining(" | "))).collect(Collectors.joining("\n"))).isEmpty();

                // Printed: no navigation, sharing or comments; the source and the article's address are on paper.
                b.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
                assertThat(b.findElement(By.cssSelector(".masthead nav")).isDisplayed()).isFalse();
                assertThat(b.findElement(By.cssSelector(".share")).isDisplayed()).isFalse();
                assertThat(b.findElement(By.cssSelector("#comments")).isDisplayed()).isFalse();
                assertThat(b.findElement(By.cssSelector(".source")).isDisplayed()).isTrue();
                String printedUrl = (String) b.executeScript("return getComputedStyle(document.querySelector('.story'), '::after').content;");
                assertThat(printedUrl).contains(site.nashir.settings.baseUrl() + "/article/" + id);
            } finally {
                b.quit();
            }
        }
    }
}
