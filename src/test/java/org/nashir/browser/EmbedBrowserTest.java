package org.nashir.browser;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.account.Account;
import org.nashir.account.Role;
import org.nashir.article.ArticleCommand;
import org.nashir.article.ArticleKind;
import org.nashir.testing.Browser;
import org.nashir.testing.TestSite;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: posts quoted from YouTube, X and Telegram, pasted as links on their own lines, become embeds that load
 * nothing from those services until the reader asks: checked on the stored HTML, the CSP, the browser's own list
 * of what it fetched, and with JavaScript off (the embed is a link).
 */
class EmbedBrowserTest {
    static final String YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    static final String X = "https://x.com/nashir_news/status/1860000000000000001";
    static final String TELEGRAM = "https://t.me/nashir_channel/1234";

    static long article(TestSite site) {
        site.nashir.sections.create("محليات");
        long section = site.nashir.sections.listAll().getFirst().id();
        Account editor = site.nashir.accounts.findById(site.nashir.accounts.create("e@example.org", "محرر", Role.EDITOR, "كلمة-سر-طويلة-للمحرر")).orElseThrow();
        String body = "<p>قال الوزير في مقطع مصوّر:</p><p>" + YOUTUBE + "</p><p>وكتب المتحدث:</p><p><a href=\"" + X + "\">" + X + "</a></p>"
            + "<p>ونشرت القناة:</p><div>" + TELEGRAM + "</div><p>رابط داخل جملة لا يصير تضميناً: " + YOUTUBE + "</p>";
        return site.nashir.editing.create(new ArticleCommand("الوزير يعلن الخطة", "", "", body, List.of("محرر"), "", "", section, List.of(), "",
            ArticleKind.NEWS, null, null, ArticleCommand.Action.PUBLISH, 0), editor).id();
    }

    @Test
    void pasted_links_become_embeds_that_load_nothing_until_the_reader_asks(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            long id = article(site);
            var response = site.get("/article/" + id);
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("figure.embed").eachAttr("data-embed")).containsExactly("youtube", "x", "telegram");
            assertThat(page.select("figure.embed figcaption").eachText()).containsExactly("يوتيوب", "إكس (تويتر)", "تيليغرام");
            assertThat(page.select("figure.embed").first().attr("data-frame")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
            assertThat(page.select("iframe, script[src^=http]")).isEmpty();
            assertThat(page.select(".body p").last().text()).as("a link inside a sentence stays a link").contains(YOUTUBE);
            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-src https://www.youtube-nocookie.com https://platform.twitter.com https://t.me");

            ChromeDriver b = Browser.open(true, 412, 900);
            try {
                site.load(b, "/article/" + id);
                List<WebElement> buttons = b.findElements(By.cssSelector("figure.embed .embed-load"));
                assertThat(buttons).extracting(WebElement::getText).containsExactly("اعرض المحتوى من يوتيوب", "اعرض المحتوى من إكس (تويتر)", "اعرض المحتوى من تيليغرام");
                @SuppressWarnings("unchecked")
                List<String> fetched = (List<String>) b.executeScript("return performance.getEntriesByType('resource').map(e => e.name);");
                String origin = site.url("");
                assertThat(fetched).as("before any click, only the site itself was asked for anything").allMatch(u -> u.startsWith(origin));
                buttons.getFirst().click();
                WebElement frame = b.findElement(By.cssSelector("figure.embed iframe"));
                assertThat(frame.getAttribute("src")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
                assertThat(b.findElements(By.cssSelector("figure.embed iframe"))).as("the others still wait").hasSize(1);
            } finally {
                b.quit();
            }

            ChromeDriver noScript = Browser.open(false, 412, 900);
            try {
                site.load(noScript, "/article/" + id);
                assertThat(noScript.findElements(By.cssSelector("figure.embed a")).stream().map(a -> a.getAttribute("href")).toList())
                    .containsExactly(YOUTUBE, X, TELEGRAM);
                assertThat(noScript.findElements(By.cssSelector(".embed-load, iframe"))).isEmpty();
            } finally {
                noScript.quit();
            }
        }
    }
}
