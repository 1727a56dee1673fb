package org.nashir.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nashir.demo.DemoContent;
import org.nashir.testing.Browser;
import org.nashir.testing.TestSite;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** axe-core, run in Chromium on the demo site's pages, finds no accessibility violations. */
class AccessibilityBrowserTest {
    @TempDir
    static Path dir;
    static TestSite site;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        site = TestSite.create(dir, Map.of());
        DemoContent.loadIfEmpty(site.nashir);
        site.start();
        browser = Browser.open(true, 412, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        site.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/article/1", "/article/10", "/article/20", "/article/23", "/article/24", "/opinion", "/corrections", "/page/%D9%85%D9%86-%D9%86%D8%AD%D9%86", "/section/%D8%B1%D9%8A%D8%A7%D8%B6%D8%A9", "/latest", "/archive/1962/02",
        "/author/%D9%81%D8%B1%D9%8A%D9%82-%D8%A7%D9%84%D8%AA%D8%AD%D8%B1%D9%8A%D8%B1", "/no/such/page",
        "/search?q=%D8%A7%D9%84%D8%A8%D9%84%D8%AF%D9%8A%D8%A9", "/search?q=%D9%84%D8%A7%D8%B4%D9%8A%D8%A1", "/search"})
    void pages_have_no_accessibility_violations(String path) {
        site.load(browser, path);
        assertNoViolations();
    }

    /** Issue 14's back-office pages, seen by an editor: the article finder, the names, what readers search for. */
    @ParameterizedTest
    @ValueSource(strings = {"/admin/articles?q=%D8%A7%D9%84%D8%A8%D9%84%D8%AF%D9%8A%D8%A9&status=published", "/admin/names", "/admin/searches"})
    void back_office_pages_have_no_accessibility_violations(String path) {
        if (site.nashir.accounts.findByEmail("a11y@example.org").isEmpty()) {
            site.nashir.accounts.create("a11y@example.org", "محررة", org.nashir.account.Role.EDITOR, BackOfficeBrowserTest.PASSWORD);
            site.get("/search?q=" + java.net.URLEncoder.encode("البلدية", java.nio.charset.StandardCharsets.UTF_8));
            BackOfficeBrowserTest.signIn(browser, site, "a11y@example.org");
        }
        site.load(browser, path);
        assertNoViolations();
    }

    private static void assertNoViolations() {
        Results results = new AxeBuilder().analyze(browser);
        List<Rule> violations = results.getViolations();
        assertThat(violations).as(() -> violations.stream().map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
            .map(n -> n.getHtml()).collect(Collectors.joining(" | "))).collect(Collectors.joining("\n"))).isEmpty();
    }
}
