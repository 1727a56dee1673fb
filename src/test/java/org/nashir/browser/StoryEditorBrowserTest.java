package org.nashir.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.account.Role;
import org.nashir.article.Article;
import org.nashir.testing.Browser;
import org.nashir.testing.Images;
import org.nashir.testing.TestSite;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, in Chromium: an editor builds a story with two pictures in the text, a gallery (one picture uploaded from
 * inside the editor), a pull quote, a table and three pasted posts; readers see it on a phone with and without
 * JavaScript, and nothing is asked of YouTube, X or Telegram until a reader asks for the post.
 */
class StoryEditorBrowserTest {
    private static final String YOUTUBE = "https://www.youtube.com/watch?v=Nashir12345";
    private static final String X = "https://x.com/nashir_news/status/1865000000000000001";
    private static final String TELEGRAM = "https://t.me/nashir_news/42";

    @Test
    void an_editor_builds_a_story_with_pictures_gallery_table_pull_quote_and_embeds(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_PAGE_CACHE_SECONDS", "0", "NASHIR_EMBED_TITLES", "false")).start()) {
            site.nashir.sections.create("سياسة");
            site.nashir.accounts.create("editor@example.org", "سلمى المحررة", Role.EDITOR, BackOfficeBrowserTest.PASSWORD);
            long max = 10L * 1024 * 1024;
            site.nashir.media.add("entrance.jpg", Images.jpeg(1200, 800), max, "مدخل الوزارة", "مدخل الوزارة صباح الاجتماع", "تصوير: ناشر", null, null);
            site.nashir.media.add("hall.jpg", Images.jpeg(1200, 800), max, "قاعة المؤتمر", "القاعة قبل الجلسة", "", null, null);
            site.nashir.media.add("arrival.jpg", Images.jpeg(1200, 800), max, "وصول الوفود", "الوفود عند الوصول", "تصوير: ناشر", null, null);
            Path upload = Files.write(dir.resolve("delegates.jpg"), Images.jpeg(1000, 700));

            ChromeDriver b = Browser.open(true, 1280, 1000);
            long id;
            try {
                BackOfficeBrowserTest.signIn(b, site, "editor@example.org");
                site.load(b, "/admin/articles/new");
                b.findElement(By.id("title")).sendKeys("الوزير يفتتح مؤتمر المدن");
                WebElement rich = b.findElement(By.cssSelector(".rich"));
                rich.click();
                type(b, "افتتح الوزير المؤتمر صباح اليوم.");

                // Two pictures in the text, each followed by a paragraph; Enter in a caption leaves the picture.
                pick(b, "مدخل الوزارة");
                type(b, Keys.ENTER, "وتحدث الوزير عن خطة النقل.");
                pick(b, "قاعة المؤتمر");
                type(b, Keys.ENTER, "وجاءت الوفود من عشر مدن.");

                // A gallery: a library picture, then one uploaded on the spot beside it, then both made a gallery.
                pick(b, "وصول الوفود");
                b.findElement(By.cssSelector("[data-cmd=upload]")).click();
                WebElement dialog = b.findElement(By.cssSelector("dialog[data-upload]"));
                assertThat(dialog.isDisplayed()).isTrue();
                b.findElement(By.id("upload-file")).sendKeys(upload.toString());
                b.findElement(By.id("upload-caption")).sendKeys("الوفود في القاعة");
                b.findElement(By.cssSelector("dialog[data-upload] button[type=submit]")).click();
                WebElement refusal = b.findElement(By.cssSelector("[data-upload-error]"));
                new WebDriverWait(b, Duration.ofSeconds(15)).until(d -> refusal.isDisplayed());
                assertThat(refusal.getText())
                    .as("alternative text is required here as in the library").isEqualTo("النص البديل مطلوب لوصف الصورة لمن لا يراها.");
                assertThat(Browser.consoleErrors(b)).singleElement().asString().contains("/admin/media").contains("422");
                b.findElement(By.id("upload-alt")).sendKeys("الوفود في القاعة الكبرى");
                b.findElement(By.cssSelector("dialog[data-upload] button[type=submit]")).click();
                new WebDriverWait(b, Duration.ofSeconds(15)).until(d -> rich.findElements(By.cssSelector("figure img")).size() == 4);
                assertThat(dialog.isDisplayed()).isFalse();
                b.findElement(By.cssSelector("[data-cmd=gallery]")).click();
                assertThat(rich.findElements(By.cssSelector("figure.gallery > figure"))).hasSize(2);
                assertThat(b.findElement(By.cssSelector("[data-cmd=gallery]")).getDomAttribute("aria-pressed")).isEqualTo("true");

                // A pull quote, then out of it with Enter on an empty line.
                type(b, Keys.ENTER, "«لن نتراجع عن خطة النقل»");
                b.findElement(By.cssSelector("[data-cmd=pull-quote]")).click();
                type(b, Keys.ENTER, Keys.ENTER, "وقالت المتحدثة باسم الوزارة:");

                // Three posts pasted, each on its own line, and a paragraph pasted from Word.
                for (String url : List.of(YOUTUBE, X, TELEGRAM)) {
                    type(b, Keys.ENTER);
                    paste(b, url, null);
                }
                type(b, Keys.ENTER);
                paste(b, "عاجل: انتهت الجلسة", "<html><head><style>p.MsoNormal{margin:0}</style></head><body><p class=MsoNormal style='mso-line-height-alt:12pt'>"
                    + "<b>عاجل:</b> انتهت الجلسة<o:p></o:p></p><script>window.pwned = 1</script></body></html>");
                assertThat(rich.findElement(By.xpath("./p[last()]")).getDomAttribute("class")).isNull();
                assertThat(rich.findElement(By.xpath("./p[last()]/strong")).getText()).isEqualTo("عاجل:");

                // A table with its header row typed, Tab moving between cells.
                b.findElement(By.cssSelector("[data-cmd=table]")).click();
                type(b, "المدينة", Keys.TAB, "الوفود");
                assertThat(rich.findElements(By.cssSelector("table th")).stream().map(WebElement::getText).toList()).startsWith("المدينة", "الوفود");
                assertThat(b.findElement(By.cssSelector("[data-cmd=row]")).isDisplayed()).as("table tools appear in a table").isTrue();
                assertThat(Browser.consoleErrors(b)).isEmpty();
                Browser.screenshot(b, "editor-story-with-media");

                b.findElement(By.cssSelector("button[value=publish]")).click();
                assertThat(BackOfficeBrowserTest.status(b, "نُشر المقال.")).isEqualTo("نُشر المقال.");
                id = Long.parseLong(b.getCurrentUrl().replaceAll(".*/admin/articles/([0-9]+).*", "$1"));

                // Opened again, the editor shows the embeds as posts and saving changes nothing in the body.
                Article saved = site.nashir.articles.findById(id).orElseThrow();
                assertThat(b.findElements(By.cssSelector(".rich figure.embed"))).hasSize(3);
                b.findElement(By.cssSelector("button[value=save]")).click();
                assertThat(BackOfficeBrowserTest.status(b, "حُفظ المقال.")).isEqualTo("حُفظ المقال.");
                assertThat(site.nashir.articles.findById(id).orElseThrow().body()).isEqualTo(saved.body());
            } finally {
                b.quit();
            }

            // A reader on a phone.
            ChromeDriver phone = Browser.open(true, 360, 800);
            try {
                Browser.requests(phone);
                site.load(phone, "/article/" + id);
                List<String> order = phone.findElements(By.cssSelector(".body > *")).stream()
                    .map(e -> e.getTagName() + (e.getDomAttribute("class") == null ? "" : "." + e.getDomAttribute("class"))).toList();
                assertThat(order).containsSubsequence("p", "figure", "p", "figure", "p", "div.gallery-box", "blockquote.pull-quote", "p",
                    "figure.embed", "figure.embed", "figure.embed", "p", "table");
                assertThat(phone.findElements(By.cssSelector(".body > figure:not(.gallery):not(.embed) img"))).hasSize(2);
                assertThat(phone.findElement(By.cssSelector(".body > figure figcaption")).getText()).isEqualTo("مدخل الوزارة صباح الاجتماع تصوير: ناشر");
                assertThat(phone.findElements(By.cssSelector(".body figure.gallery > figure figcaption")).stream().map(e -> e.getDomProperty("textContent")).toList())
                    .containsExactly("الوفود عند الوصول تصوير: ناشر", "الوفود في القاعة");
                assertThat(phone.findElement(By.cssSelector(".body blockquote.pull-quote")).getText()).isEqualTo("«لن نتراجع عن خطة النقل»");
                assertThat(phone.findElements(By.cssSelector(".body table thead th")).stream().map(WebElement::getText).toList()).startsWith("المدينة", "الوفود");
                assertThat(phone.findElements(By.cssSelector(".body figure.embed")).stream().map(e -> e.getDomAttribute("data-embed")).toList())
                    .containsExactly("youtube", "x", "telegram");

                // Nothing has been asked of a third party (the browser's network log): only the site, and no frame.
                assertThat(Browser.requests(phone)).isNotEmpty().allMatch(u -> u.startsWith(site.url("/")), "the site's own");
                assertThat(phone.findElements(By.tagName("iframe"))).isEmpty();
                assertThat(phone.findElement(By.cssSelector("figure.embed[data-embed=youtube] .embed-load")).getText()).isEqualTo("اعرض المحتوى من يوتيوب");
                assertThat((Boolean) phone.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("nothing runs off a 360 px screen").isTrue();
                assertThat(Browser.consoleErrors(phone)).isEmpty();

                // The gallery steps with the arrow keys (left is forward in Arabic) and its buttons.
                WebElement gallery = phone.findElement(By.cssSelector(".body figure.gallery"));
                WebElement counter = phone.findElement(By.cssSelector(".gallery-count"));
                assertThat(counter.getText()).isEqualTo("1 من 2");
                new Actions(phone).scrollToElement(gallery).perform();
                gallery.sendKeys(Keys.ARROW_LEFT);
                new WebDriverWait(phone, Duration.ofSeconds(5)).until(d -> counter.getText().equals("2 من 2"));
                phone.findElement(By.cssSelector(".gallery-step.prev")).click();
                new WebDriverWait(phone, Duration.ofSeconds(5)).until(d -> counter.getText().equals("1 من 2"));
                Browser.screenshot(phone, "story-with-media-360");

                // The reader asks for the YouTube post: only now does its player (privacy-enhanced host) appear.
                phone.findElement(By.cssSelector("figure.embed[data-embed=youtube] .embed-load")).click();
                assertThat(phone.findElement(By.cssSelector("figure.embed[data-embed=youtube] iframe")).getDomAttribute("src"))
                    .isEqualTo("https://www.youtube-nocookie.com/embed/Nashir12345");
                assertThat(phone.findElements(By.tagName("iframe"))).hasSize(1);
                new WebDriverWait(phone, Duration.ofSeconds(5)).until(d -> Browser.requests(phone).stream()
                    .anyMatch(u -> u.startsWith("https://www.youtube-nocookie.com/embed/Nashir12345")));
            } finally {
                phone.quit();
            }

            // Without JavaScript: the posts are links, the gallery's pictures are all there, no buttons that do nothing.
            ChromeDriver plain = Browser.open(false, 360, 800);
            try {
                site.load(plain, "/article/" + id);
                assertThat(plain.findElements(By.cssSelector("figure.embed a[href]")).stream().map(a -> a.getDomAttribute("href")).toList())
                    .containsExactly(YOUTUBE, X, TELEGRAM);
                assertThat(plain.findElements(By.cssSelector(".embed-load, .gallery-step"))).isEmpty();
                List<WebElement> listed = plain.findElements(By.cssSelector(".body figure.gallery > figure"));
                assertThat(listed).hasSize(2);
                assertThat(listed.get(1).getRect().getY()).as("the gallery is a list, one picture under the other")
                    .isGreaterThanOrEqualTo(listed.get(0).getRect().getY() + listed.get(0).getRect().getHeight());
                assertThat((Boolean) plain.executeScript("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
                Browser.screenshot(plain, "story-with-media-no-js");
            } finally {
                plain.quit();
            }
        }
    }

    @Test
    void a_page_is_written_with_the_same_editor_from_the_keyboard(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_PAGE_CACHE_SECONDS", "0")).start()) {
            site.nashir.accounts.create("editor@example.org", "سلمى المحررة", Role.EDITOR, BackOfficeBrowserTest.PASSWORD);
            site.nashir.media.add("team.jpg", Images.jpeg(1200, 800), 10L * 1024 * 1024, "فريق التحرير", "فريق التحرير في غرفة الأخبار", "", null, null);
            ChromeDriver b = Browser.open(true, 1280, 1000);
            try {
                BackOfficeBrowserTest.signIn(b, site, "editor@example.org");
                site.load(b, "/admin/pages/new");
                b.findElement(By.id("title")).sendKeys("من نحن");
                b.findElement(By.cssSelector(".rich")).click();
                // Bold from the keyboard, then Alt+F10 to reach the toolbar and Escape to go back to the text.
                type(b, "ناشر ");
                press(b, Keys.CONTROL, "b");
                type(b, "موقع مستقل");
                press(b, Keys.CONTROL, "b");
                type(b, " لأخبار المدينة.");
                press(b, Keys.ALT, Keys.F10);
                assertThat(b.switchTo().activeElement().getDomAttribute("data-cmd")).isEqualTo("bold");
                type(b, Keys.ESCAPE);
                assertThat(b.switchTo().activeElement().getDomAttribute("class")).contains("rich");
                pick(b, "فريق التحرير");
                new Select(b.findElement(By.id("status"))).selectByValue("published");
                b.findElement(By.cssSelector("form.editor button[type=submit]")).click();
                assertThat(BackOfficeBrowserTest.status(b, "حُفظت الصفحة.")).isEqualTo("حُفظت الصفحة.");
                assertThat(Browser.consoleErrors(b)).isEmpty();
                site.load(b, site.nashir.staticPages.listPublished().getFirst().path());
                assertThat(b.findElement(By.cssSelector("main strong")).getText()).isEqualTo("موقع مستقل");
                assertThat(b.findElement(By.cssSelector("main figure img")).getDomAttribute("alt")).isEqualTo("فريق التحرير");
                assertThat(b.findElement(By.cssSelector("main figure figcaption")).getText()).isEqualTo("فريق التحرير في غرفة الأخبار");
            } finally {
                b.quit();
            }
        }
    }

    /** Types into whatever has the focus, as a person would. */
    private static void type(ChromeDriver b, CharSequence... keys) {
        new Actions(b).sendKeys(keys).perform();
    }

    /** A key pressed with a modifier held down. */
    private static void press(ChromeDriver b, Keys modifier, CharSequence key) {
        new Actions(b).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
    }

    /** Chooses a library picture from the editor's list. */
    private static void pick(ChromeDriver b, String label) {
        new Select(b.findElement(By.cssSelector("[data-insert-picture]"))).selectByVisibleText(label);
    }

    /** A paste into the editor, as the clipboard would deliver it (plain text, and HTML when given). */
    private static void paste(ChromeDriver b, String text, String html) {
        b.executeScript("const dt = new DataTransfer(); dt.setData('text/plain', arguments[0]); if (arguments[1]) dt.setData('text/html', arguments[1]);"
            + "document.querySelector('.rich').dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));", text, html);
    }
}
