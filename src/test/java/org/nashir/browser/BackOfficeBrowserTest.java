package org.nashir.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.account.Role;
import org.nashir.article.Article;
import org.nashir.testing.Images;
import org.nashir.testing.Agent;
import org.nashir.testing.Browser;
import org.nashir.testing.TestSite;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3, in Chromium: an editor's day, a writer's limits, and two editors on one article. */
class BackOfficeBrowserTest {
    static final String PASSWORD = "a-long-enough-password";

    @Test
    void an_editor_writes_schedules_publishes_edits_and_restores_an_article(@TempDir Path dir) throws IOException {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_PAGE_CACHE_SECONDS", "0")).start()) {
            site.nashir.sections.create("محليات");
            site.nashir.accounts.create("editor@example.org", "سلمى المحررة", Role.EDITOR, PASSWORD);
            Path photo = Files.write(dir.resolve("square.jpg"), Images.withExif(Images.jpeg(900, 600)));
            ChromeDriver b = Browser.open(true, 1280, 1000);
            try {
                signIn(b, site, "editor@example.org");
                assertThat(b.findElement(By.tagName("h1")).getText()).isEqualTo("الرئيسية");

                // An image for the article, with Arabic alt text, caption and credit.
                site.load(b, "/admin/media");
                b.findElement(By.id("file")).sendKeys(photo.toString());
                b.findElement(By.id("alt")).sendKeys("ساحة البلدية صباحاً");
                b.findElement(By.id("caption")).sendKeys("الساحة بعد الترميم");
                b.findElement(By.id("credit")).sendKeys("تصوير: فريق ناشر");
                b.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
                assertThat(status(b, "حُفظ الملف.")).isEqualTo("حُفظ الملف.");

                // Write it: Arabic with a Latin name, in the rich-text area.
                site.load(b, "/admin/articles/new");
                b.findElement(By.id("title")).sendKeys("افتتاح ساحة البلدية بعد الترميم");
                assertThat(Browser.consoleErrors(b)).as("the editor's modules load under the CSP").isEmpty();
                WebElement rich = b.findElement(By.cssSelector(".rich"));
                rich.click();
                rich.sendKeys("افتتحت البلدية الساحة بحضور مهندسي شركة Atlas Build.");
                // The same picture placed in the text after that paragraph, with its caption and credit.
                new Select(b.findElement(By.cssSelector("[data-insert-picture]"))).selectByVisibleText("ساحة البلدية صباحاً");
                assertThat(rich.findElements(By.cssSelector("figure img"))).hasSize(1);
                // A table after it, its first header cell filled in where the caret lands.
                b.findElement(By.cssSelector("[data-cmd=table]")).click();
                new org.openqa.selenium.interactions.Actions(b).sendKeys("المرحلة").perform();
                assertThat(rich.findElement(By.cssSelector("table th")).getText()).isEqualTo("المرحلة");
                b.findElement(By.id("bylines")).sendKeys("سلمى المحررة");
                new Select(b.findElement(By.id("featured_media_id"))).selectByVisibleText("ساحة البلدية صباحاً");
                String at = LocalDateTime.ofInstant(site.clock.instant().plus(Duration.ofHours(2)), site.nashir.settings.timeZone()).withSecond(0).withNano(0).toString();
                b.executeScript("document.getElementById('publish_at').value = arguments[0];", at);
                Browser.screenshot(b, "editor-new-article");
                b.findElement(By.cssSelector("button[value=schedule]")).click();
                assertThat(status(b, "جُدول المقال للنشر.")).isEqualTo("جُدول المقال للنشر.");
                long id = Long.parseLong(b.getCurrentUrl().replaceAll(".*/admin/articles/([0-9]+).*", "$1"));

                // Not yet public; at the scheduled time it is.
                assertThat(site.get("/article/" + id).statusCode()).isEqualTo(404);
                site.clock.advance(Duration.ofHours(2).plusMinutes(1));
                site.nashir.editing.publishDue();
                site.load(b, "/article/" + id);
                assertThat(b.findElement(By.tagName("h1")).getText()).isEqualTo("افتتاح ساحة البلدية بعد الترميم");
                assertThat(b.findElement(By.cssSelector(".body p")).getText()).isEqualTo("افتتحت البلدية الساحة بحضور مهندسي شركة Atlas Build.");
                WebElement img = b.findElement(By.cssSelector(".featured img"));
                assertThat(img.getAttribute("alt")).isEqualTo("ساحة البلدية صباحاً");
                // 900×600 with "rotate 90°" in its EXIF: stored upright, 600 wide.
                assertThat(img.getAttribute("srcset")).contains("320w").contains("600w");
                assertThat(b.findElement(By.cssSelector(".featured figcaption")).getText()).contains("الساحة بعد الترميم").contains("تصوير: فريق ناشر");
                WebElement inText = b.findElement(By.cssSelector(".body figure img"));
                assertThat(inText.getAttribute("alt")).isEqualTo("ساحة البلدية صباحاً");
                assertThat(inText.getAttribute("src")).matches(".*/media/[0-9a-f]{32}/600\\.jpg");
                assertThat(inText.getDomAttribute("height")).as("space kept for the picture before it loads").isEqualTo("900");
                assertThat(b.findElement(By.cssSelector(".body figure figcaption")).getText()).isEqualTo("الساحة بعد الترميم تصوير: فريق ناشر");
                assertThat(b.findElement(By.cssSelector(".body figure figcaption cite")).getText()).isEqualTo("تصوير: فريق ناشر");
                assertThat(b.findElements(By.cssSelector(".body > *")).stream().map(WebElement::getTagName).toList())
                    .as("paragraph, picture, table, in the order written").startsWith("p", "figure", "table");
                assertThat(b.findElements(By.cssSelector(".body table th")).stream().map(WebElement::getText).toList()).containsExactly("المرحلة", "", "");
                assertThat(b.findElements(By.cssSelector(".body table tbody tr"))).hasSize(2);
                Browser.screenshot(b, "published-article-with-image");

                // Correct the headline, then restore the first version.
                site.load(b, "/admin/articles/" + id);
                WebElement title = b.findElement(By.id("title"));
                title.clear();
                title.sendKeys("افتتاح ساحة البلدية");
                b.findElement(By.cssSelector("button[value=save]")).click();
                assertThat(status(b, "حُفظ المقال.")).isEqualTo("حُفظ المقال.");
                assertThat(site.nashir.articles.findById(id).orElseThrow().title()).isEqualTo("افتتاح ساحة البلدية");
                site.load(b, "/admin/articles/" + id + "/revisions");
                assertThat(b.findElements(By.cssSelector("tbody tr"))).hasSize(3);
                site.load(b, "/admin/articles/" + id + "/revisions/1");
                assertThat(b.findElements(By.cssSelector(".diff ins"))).isEmpty();
                assertThat(b.findElement(By.cssSelector(".diff del")).getText()).contains("بعد الترميم");
                b.findElement(By.cssSelector("form[action$='/restore'] button")).click();
                assertThat(status(b, "استُعيدت النسخة وحُفظت نسخةً جديدة.")).isEqualTo("استُعيدت النسخة وحُفظت نسخةً جديدة.");
                Article restored = site.nashir.articles.findById(id).orElseThrow();
                assertThat(restored.title()).isEqualTo("افتتاح ساحة البلدية بعد الترميم");
                assertThat(restored.status()).isEqualTo(Article.PUBLISHED);
                site.load(b, "/article/" + id);
                assertThat(b.findElement(By.tagName("h1")).getText()).isEqualTo("افتتاح ساحة البلدية بعد الترميم");
            } finally {
                b.quit();
            }
        }
    }

    @Test
    void a_writer_cannot_publish_and_a_stale_save_gets_the_conflict_page(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            site.nashir.sections.create("محليات");
            site.nashir.accounts.create("writer@example.org", "كريم الكاتب", Role.WRITER, PASSWORD);
            site.nashir.accounts.create("editor@example.org", "سلمى المحررة", Role.EDITOR, PASSWORD);
            site.nashir.accounts.create("second@example.org", "هالة المحررة", Role.EDITOR, PASSWORD);
            ChromeDriver b = Browser.open(true, 1280, 1000);
            try {
                signIn(b, site, "writer@example.org");
                site.load(b, "/admin/articles/new");
                assertThat(b.findElements(By.cssSelector("button[value=publish]"))).isEmpty();
                assertThat(b.findElements(By.cssSelector("button[value=schedule]"))).isEmpty();
                b.findElement(By.id("title")).sendKeys("تقرير عن سوق الخضار");
                b.findElement(By.cssSelector(".rich")).sendKeys("ارتفعت الأسعار هذا الأسبوع.");
                b.findElement(By.cssSelector("button[value=submit]")).click();
                assertThat(status(b, "أُرسل المقال للمراجعة.")).isEqualTo("أُرسل المقال للمراجعة.");
                long id = Long.parseLong(b.getCurrentUrl().replaceAll(".*/admin/articles/([0-9]+).*", "$1"));
                // A hand-made "publish" from the writer's own session is refused on the server.
                b.executeScript("var f = document.querySelector('form[action=\"/admin/articles/" + id + "\"]');"
                    + "var i = document.createElement('input'); i.type = 'hidden'; i.name = 'action'; i.value = 'publish'; f.appendChild(i); f.submit();");
                assertThat(heading(b, "غير مسموح")).isEqualTo("غير مسموح");
                assertThat(site.nashir.articles.findById(id).orElseThrow().status()).isEqualTo(Article.REVIEW);

                // The editor opens it; meanwhile a second editor saves a newer version.
                site.load(b, "/admin");
                b.findElement(By.cssSelector(".signout button")).click();
                waitFor(b, "#email");
                signIn(b, site, "editor@example.org");
                site.load(b, "/admin/articles/" + id);
                Agent second = new Agent(site);
                second.signIn("second@example.org", PASSWORD);
                second.get("/admin/articles/" + id);
                assertThat(second.post("/admin/articles/" + id, "title", "تقرير عن سوق الخضار والفواكه", "body", "<p>ارتفعت الأسعار هذا الأسبوع بشدة.</p>",
                    "section_id", Long.toString(site.nashir.sections.listAll().getFirst().id()), "version", "1", "action", "save").statusCode()).isEqualTo(303);
                WebElement title = b.findElement(By.id("title"));
                title.clear();
                title.sendKeys("تقرير السوق");
                b.findElement(By.cssSelector("button[value=publish]")).click();
                assertThat(heading(b, "عدّل شخص آخر هذا المقال")).isEqualTo("عدّل شخص آخر هذا المقال");
                assertThat(b.findElement(By.cssSelector("[role=alert]")).getText()).contains("هالة المحررة");
                assertThat(b.findElement(By.cssSelector(".diff")).getText()).contains("والفواكه");
                Browser.screenshot(b, "conflict-page");
                Article kept = site.nashir.articles.findById(id).orElseThrow();
                assertThat(kept.title()).isEqualTo("تقرير عن سوق الخضار والفواكه");
                assertThat(kept.status()).isEqualTo(Article.REVIEW);
            } finally {
                b.quit();
            }
        }
    }

    /** The element once the page that shows it has loaded (a form post navigates asynchronously). */
    static WebElement waitFor(ChromeDriver b, String css) {
        return new org.openqa.selenium.support.ui.WebDriverWait(b, Duration.ofSeconds(15))
            .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** The page's h1 once it reads {@code expected}, or whatever it reads after 15 seconds. */
    static String heading(ChromeDriver b, String expected) {
        return textOnceItReads(b, "h1", expected);
    }

    /**
     * The page's notice once it reads {@code expected}, or whatever it reads after 15 seconds. The page before a
     * form post may have a notice of its own, so waiting for any notice could read the old page's.
     */
    static String status(ChromeDriver b, String expected) {
        return textOnceItReads(b, "[role=status]", expected);
    }

    /** The element's text once it reads {@code expected}; the old page's element can go stale mid-read while a post navigates. */
    private static String textOnceItReads(ChromeDriver b, String css, String expected) {
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(b, Duration.ofSeconds(15))
            .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        try {
            wait.until(d -> expected.equals(d.findElement(By.cssSelector(css)).getText()));
        } catch (org.openqa.selenium.TimeoutException e) {
            // fall through: the assertion shows what the page says instead
        }
        return wait.until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    static void signIn(ChromeDriver b, TestSite site, String email) {
        site.load(b, "/admin");
        assertThat(b.getCurrentUrl()).contains("/admin/sign-in");
        b.findElement(By.id("email")).sendKeys(email);
        b.findElement(By.id("password")).sendKeys(PASSWORD);
        b.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(b, ".signout");
    }
}
