package org.nashir.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.demo.DemoContent;
import org.nashir.testing.Browser;
import org.nashir.testing.TestSite;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: every kind of public page as phones show it (360 and 412 px wide, with the Noto Arabic fonts Android
 * has, which CI installs): nothing makes the page scroll sideways, and every tap target outside running text is at
 * least 24 px each way (WCAG 2.5.8).
 */
class PhoneLayoutBrowserTest {
    @TempDir
    static Path dir;
    static TestSite site;
    /** One browser per width, kept for the whole class: starting Chromium costs more than checking a page. */
    static final Map<Integer, ChromeDriver> browsers = new java.util.HashMap<>();

    @BeforeAll
    static void start() {
        site = TestSite.create(dir, Map.of());
        DemoContent.loadIfEmpty(site.nashir);
        site.start();
    }

    @AfterAll
    static void stop() {
        browsers.values().forEach(ChromeDriver::quit);
        site.close();
    }

    /** Visible controls smaller than 24 px, except links inside running text (which the rule exempts). */
    static final String SMALL_TARGETS = """
        const small = [];
        for (const e of document.querySelectorAll('a, button, input, select, textarea, summary')) {
          const r = e.getBoundingClientRect();
          if (r.width === 0 || r.height === 0 || e.closest('.skip') || e.closest('[aria-hidden=true]')) continue;
          const s = getComputedStyle(e);
          if (s.visibility === 'hidden') continue;
          if (e.tagName === 'A' && s.display === 'inline' && e.closest('p, li, figcaption') && !e.closest('nav, .pager, .tags, .teasers, .ticker')) continue;
          if (r.height < 24 || r.width < 24) small.push(e.tagName + ' «' + (e.textContent || e.name || '').trim().slice(0, 30) + '» ' + Math.round(r.width) + '×' + Math.round(r.height));
        }
        return small;""";

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({
        "home, 360", "home, 412", "article, 360", "article, 412", "article with pictures and embeds, 360", "article with pictures and embeds, 412", "live article, 360", "live article, 412", "opinion piece, 360",
        "section, 360", "section, 412", "tag, 360", "author, 360", "archive, 360", "search, 360", "search, 412", "not found, 360",
        "columnists, 360", "corrections, 360", "latest, 412", "page, 360", "page, 412"})
    void no_page_scrolls_sideways_and_every_tap_target_is_big_enough(String kind, int width) {
        String path = switch (kind) {
            case "home" -> "/";
            case "article" -> "/article/1";
            // The demo's story with a picture, a gallery, a pull quote and two embedded posts.
            case "article with pictures and embeds" -> java.util.stream.LongStream.rangeClosed(1, 40).mapToObj(site.nashir.articles::findById)
                .flatMap(java.util.Optional::stream).filter(a -> a.body().contains("gallery") && a.body().contains("embed")).findFirst().orElseThrow().path();
            case "live article" -> "/article/" + site.nashir.articles.listLiveNow().getFirst().id();
            case "opinion piece" -> "/article/" + site.nashir.articles.listColumnists(1).getFirst().latest().id();
            case "section" -> "/section/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9";
            case "tag" -> site.nashir.articles.listTagUse().getFirst().slug().isEmpty() ? "/" : "/tag/" + java.net.URLEncoder.encode(
                site.nashir.articles.listTagUse().getFirst().slug(), java.nio.charset.StandardCharsets.UTF_8);
            case "author" -> site.nashir.articles.listBylines().getFirst().path();
            case "archive" -> "/archive/2026";
            case "search" -> "/search?q=%D8%A7%D9%84%D8%A8%D9%84%D8%AF%D9%8A%D8%A9";
            case "not found" -> "/no/such/page";
            case "columnists" -> "/opinion";
            case "corrections" -> "/corrections";
            case "latest" -> "/latest";
            case "page" -> site.nashir.staticPages.listPublished().stream().filter(p -> p.parentId() != null).findFirst().orElseThrow().path();
            default -> throw new IllegalArgumentException(kind);
        };
        ChromeDriver b = browsers.computeIfAbsent(width, w -> Browser.open(true, w, 800));
        site.load(b, path);
        Long sideways = (Long) b.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(sideways).as(kind + " " + path + " scrolls sideways by").isLessThanOrEqualTo(0L);
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) b.executeScript(SMALL_TARGETS);
        assertThat(small).as(kind + " " + path + ": tap targets under 24 px").isEmpty();
    }
}
