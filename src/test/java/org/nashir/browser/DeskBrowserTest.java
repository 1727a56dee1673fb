package org.nashir.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.account.Role;
import org.nashir.testing.Browser;
import org.nashir.testing.TestSite;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, in Chromium at a phone's width with Noto Arabic: an editor makes a story the lead, puts another on
 * the عاجل ticker, which shows on the home and article pages and goes at its expiry (controlled clock), and
 * corrects a story in public.
 */
class DeskBrowserTest {
    @Test
    void an_editor_leads_with_a_story_lights_the_ticker_and_corrects_in_public(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_PAGE_CACHE_SECONDS", "30")).start()) {
            site.nashir.accounts.create("editor@example.org", "سلمى المحررة", Role.EDITOR, BackOfficeBrowserTest.PASSWORD);
            var t = site.clock.instant().minus(Duration.ofHours(2));
            long quiet = site.publish("محليات", "افتتاح مكتبة الحي", t);
            long breaking = site.publish("محليات", "حريق في سوق المدينة القديمة", t.plusSeconds(60));
            site.publish("محليات", "أحدث خبر عادي", t.plusSeconds(120));
            ChromeDriver b = Browser.open(true, 1280, 1000);
            try {
                BackOfficeBrowserTest.signIn(b, site, "editor@example.org");
                site.load(b, "/admin/desk");
                new Select(b.findElement(By.id("pin-article"))).selectByVisibleText("افتتاح مكتبة الحي");
                b.findElement(By.cssSelector("input[name=lead]")).click();
                b.findElement(By.cssSelector("form[action='/admin/desk/pins'] button[type=submit]")).click();
                assertThat(BackOfficeBrowserTest.status(b, "حُفظت الواجهة.")).isEqualTo("حُفظت الواجهة.");

                new Select(b.findElement(By.id("ticker-article"))).selectByVisibleText("حريق في سوق المدينة القديمة");
                WebElement hours = b.findElement(By.id("ticker-hours"));
                hours.clear();
                hours.sendKeys("1");
                b.findElement(By.cssSelector("form[action='/admin/desk/ticker'] button[type=submit]")).click();
                assertThat(BackOfficeBrowserTest.status(b, "حُفظت الواجهة.")).isEqualTo("حُفظت الواجهة.");
                Browser.screenshot(b, "desk");
            } finally {
                b.quit();
            }

            // A reader on a 360 px phone: the lead leads, the ticker is at the top of every page, nothing overflows.
            ChromeDriver reader = Browser.open(true, 360, 800);
            try {
                site.load(reader, "/");
                assertThat(reader.findElement(By.cssSelector(".lead-story h3 a")).getText()).isEqualTo("افتتاح مكتبة الحي");
                assertThat(texts(reader, ".ticker li")).containsExactly("حريق في سوق المدينة القديمة");
                assertThat(reader.findElement(By.cssSelector(".ticker")).getCssValue("animation-name")).isEqualTo("none");
                assertThat(overflow(reader)).isLessThanOrEqualTo(0L);
                Browser.screenshot(reader, "home-with-lead-and-ticker-360");
                site.load(reader, "/article/" + quiet);
                assertThat(texts(reader, ".ticker li")).containsExactly("حريق في سوق المدينة القديمة");
                reader.findElement(By.cssSelector(".ticker a")).click();
                assertThat(reader.findElement(By.tagName("h1")).getText()).isEqualTo("حريق في سوق المدينة القديمة");

                // An hour later the line has gone by itself, from cached pages too (once a page just read is
                // rendered again in the background: the reader who finds it stale gets it as it was).
                site.clock.advance(Duration.ofMinutes(61));
                assertThat(site.nashir.scheduled.runDue()).isEqualTo(1);
                site.load(reader, "/");
                assertThat(reader.findElements(By.cssSelector(".ticker"))).isEmpty();
                site.load(reader, "/article/" + breaking);
                assertThat(reader.findElements(By.cssSelector(".ticker"))).isEmpty();
            } finally {
                reader.quit();
            }

            // The editor corrects the story; readers see the note at its end and on /corrections.
            ChromeDriver editor = Browser.open(true, 1280, 1000);
            try {
                BackOfficeBrowserTest.signIn(editor, site, "editor@example.org");

                // An embargoed story: written and scheduled now, invisible to readers until its time, then out once.
                site.load(editor, "/admin/articles/new");
                editor.findElement(By.id("title")).sendKeys("نتائج امتحانات الشهادة الثانوية");
                WebElement rich = editor.findElement(By.cssSelector(".rich"));
                rich.click();
                rich.sendKeys("تعلن الوزارة النتائج عند التاسعة صباحاً.");
                String at = java.time.LocalDateTime.ofInstant(site.clock.instant().plus(Duration.ofHours(3)), site.nashir.settings.timeZone())
                    .withSecond(0).withNano(0).toString();
                editor.executeScript("document.getElementById('publish_at').value = arguments[0];", at);
                editor.findElement(By.cssSelector("button[value=schedule]")).click();
                assertThat(BackOfficeBrowserTest.status(editor, "جُدول المقال للنشر.")).isEqualTo("جُدول المقال للنشر.");
                long embargoed = Long.parseLong(editor.getCurrentUrl().replaceAll(".*/admin/articles/([0-9]+).*", "$1"));
                ChromeDriver outsider = Browser.open(true, 360, 800);
                try {
                    for (String path : List.of("/", "/latest", "/feed.json", "/sitemap-news.xml", "/api/v1/articles")) {
                        site.load(outsider, path);
                        assertThat(outsider.getPageSource()).as(path).doesNotContain("نتائج امتحانات الشهادة الثانوية");
                    }
                    site.load(outsider, "/article/" + embargoed);
                    assertThat(outsider.findElement(By.tagName("h1")).getText()).isEqualTo("الصفحة غير موجودة");
                    site.clock.advance(Duration.ofHours(3));
                    assertThat(site.nashir.scheduled.runDue()).isEqualTo(1);
                    site.load(outsider, "/");
                    assertThat(outsider.getPageSource()).contains("نتائج امتحانات الشهادة الثانوية");
                } finally {
                    outsider.quit();
                }

                site.load(editor, "/admin/articles/" + breaking);
                new Select(editor.findElement(By.id("correction-kind"))).selectByValue("correction");
                editor.findElement(By.id("correction-body")).sendKeys("اندلع الحريق في السوق الشرقي لا الغربي.");
                editor.findElement(By.cssSelector("form[action$='/corrections'] button[type=submit]")).click();
                assertThat(BackOfficeBrowserTest.status(editor, "نُشر التصحيح في آخر المقال.")).isEqualTo("نُشر التصحيح في آخر المقال.");
                site.load(editor, "/article/" + breaking);
                assertThat(editor.findElement(By.cssSelector("#corrections li")).getText()).contains("تصحيح").contains("السوق الشرقي لا الغربي");
                assertThat(editor.findElement(By.cssSelector(".corrected a")).getAttribute("href")).endsWith("#corrections");
                site.load(editor, "/corrections");
                assertThat(editor.findElement(By.cssSelector(".correction-list h2 a")).getText()).isEqualTo("حريق في سوق المدينة القديمة");
            } finally {
                editor.quit();
            }
        }
    }

    @Test
    void a_readers_open_page_shows_new_live_entries_without_reloading_and_a_preview_link_opens_signed_out(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_PAGE_CACHE_SECONDS", "30")).start()) {
            long id = site.publish("محليات", "الفيضان ساعة بساعة", site.clock.instant().minus(Duration.ofHours(1)));
            site.nashir.live.start(id, null);
            site.nashir.live.add(id, "ارتفاع منسوب النهر نصف متر.", null, null);
            long draft = site.nashir.imports.create(new org.nashir.article.NewArticle("مسودة لشريك", null, null, "<p>نص لم يُنشر.</p>", List.of(), null, null,
                "محليات", List.of(), null, org.nashir.article.Article.DRAFT, null, 0, null, null)).id();
            String preview = site.nashir.previews.create(draft, Duration.ofDays(1), null);
            ChromeDriver reader = Browser.open(true, 360, 800);
            try {
                site.load(reader, "/article/" + id);
                assertThat(texts(reader, ".live-entry")).singleElement().asString().contains("ارتفاع منسوب النهر");
                site.nashir.live.add(id, "إخلاء ثلاثة أحياء قرب الضفة.", null, null);
                // No reload: the page fetches the entries again within about 15 seconds.
                new org.openqa.selenium.support.ui.WebDriverWait(reader, Duration.ofSeconds(25))
                    .until(d -> d.findElements(By.cssSelector(".live-entry")).size() == 2);
                assertThat(texts(reader, ".live-entry").getFirst()).contains("إخلاء ثلاثة أحياء");
                assertThat(overflow(reader)).isLessThanOrEqualTo(0L);
                Browser.screenshot(reader, "live-coverage-360");

                site.load(reader, preview);
                assertThat(reader.findElement(By.tagName("h1")).getText()).isEqualTo("مسودة لشريك");
                assertThat(reader.findElements(By.cssSelector("#comment-form"))).isEmpty();
            } finally {
                reader.quit();
            }
        }
    }

    private static List<String> texts(ChromeDriver b, String css) {
        return b.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static Long overflow(ChromeDriver b) {
        return (Long) b.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }
}
