package org.nashir.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.importer.Importing;
import org.nashir.testing.Browser;
import org.nashir.testing.Shared;
import org.nashir.testing.TestSite;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 2: a page dump imported into Nashir, read in a real browser as a reader sees it. */
class ArticlePageBrowserTest {
    /** The seed page (from ../shared, which CI provides): every element it shows is on Nashir's page. */
    @Test
    void the_imported_seed_article_shows_every_element_of_the_original_page(@TempDir Path dir) throws IOException {
        byte[] seed = Files.readAllBytes(Shared.seed());
        String text = new String(seed, StandardCharsets.UTF_8);
        List<String> paragraphs = Arrays.stream(text.substring(0, text.indexOf("  •")).split("\n")).filter(l -> !l.isBlank()).toList();
        checkImportedPage(dir, seed, "seed-article", new Expected(
            "لافروف: التحالف يقصف داعش في سورية برأفة.. وسائل إعلام: الطائرات الفرنسية تقصف مواقع خالية في الرقة للمرة الثانية",
            "فريق ماسة", "16 تشرين الثاني 2015", "10056", "من الأرشيف", "المصدر : الماسة السورية", paragraphs));
    }

    /** The demo's own page in the seed's layout: runs everywhere, without ../shared. */
    @Test
    void the_imported_demo_page_shows_every_element_and_counts_the_reader(@TempDir Path dir) throws IOException {
        byte[] page;
        try (InputStream in = getClass().getResourceAsStream("/demo/archive-page.txt")) {
            page = in.readAllBytes();
        }
        Expected expected = new Expected("أول عرض سينمائي في قاعة البلدية القديمة", "فريق الأرشيف", "3 شباط 1962", "2731",
            "من الأرشيف", "المصدر : جريدة المدينة", List.of(
                "شهدت قاعة البلدية القديمة مساء أمس أول عرض سينمائي في تاريخ المدينة، حضره أكثر من مئتي شخص جاؤوا من القرى المجاورة.",
                "وقال صاحب آلة العرض إنه نقلها على عربة من العاصمة، وإنه سيقدم عرضين كل أسبوع طوال فصل الشتاء.",
                "وعبّر الحضور عن دهشتهم من الصور المتحركة، فيما طالب بعضهم بعروض خاصة لطلاب المدارس."));
        long id = checkImportedPage(dir, page, "demo-archive-article", expected);
        assertThat(id).isPositive();
    }

    record Expected(String title, String byline, String date, String views, String label, String source, List<String> paragraphs) {}

    private static long checkImportedPage(Path dir, byte[] page, String screenshot, Expected expected) {
        try (TestSite site = TestSite.create(dir)) {
            long id = new Importing(site.nashir.imports, ZoneId.of("Asia/Damascus")).importText(screenshot + ".txt", page, "أرشيف").articleId();
            site.start();
            ChromeDriver browser = Browser.open(true, 412, 1400);
            try {
                site.load(browser, "/article/" + id);
                assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
                assertThat(browser.findElement(By.tagName("body")).getCssValue("direction")).isEqualTo("rtl");
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(expected.title());
                WebElement byline = browser.findElement(By.cssSelector(".byline"));
                assertThat(byline.findElement(By.cssSelector("a[rel=author]")).getText()).isEqualTo(expected.byline());
                assertThat(byline.findElement(By.tagName("time")).getText()).isEqualTo(expected.date());
                assertThat(byline.findElement(By.cssSelector(".views")).getText()).contains(expected.views());
                assertThat(browser.findElement(By.cssSelector("article .label")).getText()).isEqualTo(expected.label());
                assertThat(browser.findElement(By.cssSelector(".source")).getText()).isEqualTo(expected.source());
                assertThat(browser.findElements(By.cssSelector(".body p")).stream().map(WebElement::getText).toList())
                    .containsExactlyElementsOf(expected.paragraphs());
                // Nothing runs off a 412 px phone screen.
                Long overflow = (Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow).isLessThanOrEqualTo(0L);
                Browser.screenshot(browser, screenshot);

                // The page's script sent the view beacon: the reader is counted once (the flusher may already have run).
                long counted = Long.parseLong(expected.views()) + 1;
                assertThat(viewsEventually(site, id, counted)).isEqualTo(counted);
            } finally {
                browser.quit();
            }
            return id;
        }
    }

    /** The article's stored view count once it reaches {@code expected} or 10 seconds pass, flushing meanwhile. */
    static long viewsEventually(TestSite site, long id, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long now;
        do {
            site.nashir.views.flush();
            now = site.nashir.articles.findById(id).orElseThrow().viewCount();
        } while (now < expected && System.nanoTime() < deadline);
        return now;
    }

    /** With JavaScript off, the page still reads the same and the {@code <noscript>} pixel counts the view. */
    @Test
    void without_javascript_the_page_reads_the_same_and_the_view_is_counted(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of())) {
            long id = site.publish("سياسة", "خبر يُقرأ بلا جافاسكربت", site.clock.instant().minus(Duration.ofHours(2)), "الفقرة الأولى.");
            site.start();
            ChromeDriver browser = Browser.open(false, 1280, 900);
            try {
                site.load(browser, "/article/" + id);
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("خبر يُقرأ بلا جافاسكربت");
                assertThat(browser.findElement(By.cssSelector(".body p")).getText()).isEqualTo("الفقرة الأولى.");
                assertThat(viewsEventually(site, id, 1)).isEqualTo(1);
            } finally {
                browser.quit();
            }
        }
    }
}
