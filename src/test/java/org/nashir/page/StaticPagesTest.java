package org.nashir.page;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nashir.account.Role;
import org.nashir.storage.Dialect;
import org.nashir.testing.Agent;
import org.nashir.testing.TestSite;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: static pages (one level of nesting, revisions, in the sitemap and never in feeds) and the header and
 * footer menus shown on every page, on SQLite and PostgreSQL.
 */
class StaticPagesTest {
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void editors_write_nested_pages_and_menus_that_every_page_shows(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            site.publish("محليات", "خبر اليوم", site.clock.instant().minusSeconds(600));
            site.nashir.accounts.create("editor@example.org", "محرر", Role.EDITOR, "كلمة-سر-طويلة-للمحرر");
            Agent editor = new Agent(site);
            assertThat(editor.signIn("editor@example.org", "كلمة-سر-طويلة-للمحرر").statusCode()).isEqualTo(303);
            editor.get("/admin");

            HttpResponse<String> about = editor.post("/admin/pages", "title", "من نحن", "body", "<p>ناشر موقع أخبار مستقل.</p><script>x()</script>",
                "parent_id", "0", "status", "published", "version", "0");
            assertThat(about.statusCode()).isEqualTo(303);
            long aboutId = Long.parseLong(about.headers().firstValue("Location").orElseThrow().replaceAll(".*/admin/pages/([0-9]+).*", "$1"));
            HttpResponse<String> board = editor.post("/admin/pages", "title", "هيئة التحرير", "body", "<p>رئيسة التحرير: سلمى الحداد.</p>",
                "parent_id", Long.toString(aboutId), "status", "published", "version", "0");
            assertThat(board.statusCode()).isEqualTo(303);
            long boardId = Long.parseLong(board.headers().firstValue("Location").orElseThrow().replaceAll(".*/admin/pages/([0-9]+).*", "$1"));
            editor.post("/admin/pages", "title", "سياسة الخصوصية", "body", "<p>مسودة.</p>", "parent_id", "0", "status", "draft", "version", "0");

            Document page = Jsoup.parse(site.get("/page/" + enc("من-نحن")).body());
            assertThat(page.select("h1").text()).isEqualTo("من نحن");
            assertThat(page.select(".body").html()).contains("ناشر موقع أخبار مستقل").doesNotContain("script");
            assertThat(Jsoup.parse(site.get("/page/" + enc("من-نحن") + "/" + enc("هيئة-التحرير")).body()).select("h1").text()).isEqualTo("هيئة التحرير");
            assertThat(site.get("/page/" + enc("هيئة-التحرير")).statusCode()).as("a nested page lives under its parent").isEqualTo(404);
            assertThat(site.get("/page/" + enc("سياسة-الخصوصية")).statusCode()).as("drafts are not public").isEqualTo(404);
            String sitemap = site.get("/sitemap-pages.xml").body();
            assertThat(sitemap).contains("/page/" + enc("من-نحن") + "</loc>").doesNotContain(enc("سياسة-الخصوصية"));
            assertThat(site.get("/feed.xml").body()).doesNotContain("من نحن");

            // Bad input: no title, a page under a nested page, a stale save.
            assertThat(editor.post("/admin/pages", "title", " ", "body", "<p>x</p>", "parent_id", "0", "status", "draft", "version", "0").statusCode()).isEqualTo(422);
            HttpResponse<String> tooDeep = editor.post("/admin/pages", "title", "أعمق", "body", "<p>x</p>", "parent_id", Long.toString(boardId), "status", "draft", "version", "0");
            assertThat(tooDeep.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(tooDeep.body()).select("[role=alert]").text()).contains("مستوى واحد فقط");
            assertThat(editor.post("/admin/pages/" + aboutId, "title", "من نحن", "body", "<p>نص جديد.</p>", "parent_id", "0", "status", "published", "version", "1").statusCode()).isEqualTo(303);
            HttpResponse<String> stale = editor.post("/admin/pages/" + aboutId, "title", "من نحن", "body", "<p>نص قديم.</p>", "parent_id", "0", "status", "published", "version", "1");
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(site.nashir.staticPages.countRevisions(aboutId)).isEqualTo(2);
            assertThat(Jsoup.parse(site.get("/page/" + enc("من-نحن")).body()).select(".body").text()).isEqualTo("نص جديد.");

            // Menus: header items replace the sections in the masthead; one level under; footer items in the footer.
            assertThat(editor.post("/admin/menus", "menu", "header", "label", "محليات", "target", "/section/" + enc("محليات")).statusCode()).isEqualTo(303);
            assertThat(editor.post("/admin/menus", "menu", "header", "label", "عن الموقع", "href", "/page/" + enc("من-نحن")).statusCode()).isEqualTo(303);
            long parent = site.nashir.menus.list("header").get(1).id();
            assertThat(editor.post("/admin/menus", "menu", "header", "label", "هيئة التحرير", "href", "/page/" + enc("من-نحن") + "/" + enc("هيئة-التحرير"),
                "parent_id", Long.toString(parent)).statusCode()).isEqualTo(303);
            assertThat(editor.post("/admin/menus", "menu", "footer", "label", "اتصل بنا", "href", "mailto:desk@example.org").statusCode()).as("only http(s) or site paths").isEqualTo(422);
            assertThat(editor.post("/admin/menus", "menu", "footer", "label", "اتصل بنا", "href", "https://example.org/contact").statusCode()).isEqualTo(303);
            for (String path : java.util.List.of("/", "/article/1", "/page/" + enc("من-نحن"), "/search?q=x")) {
                Document d = Jsoup.parse(site.get(path).body());
                assertThat(d.select("nav.sections > ul > li > a").eachText()).as(path).containsExactly("الرئيسية", "محليات");
                assertThat(d.select("nav.sections details summary").text()).as(path).isEqualTo("عن الموقع");
                assertThat(d.select("nav.sections details a").eachText()).as(path).containsExactly("عن الموقع", "هيئة التحرير");
                assertThat(d.select("footer a[href='https://example.org/contact']").text()).as(path).isEqualTo("اتصل بنا");
            }
            // Reordered: the second item moves up.
            assertThat(editor.post("/admin/menus/" + parent, "action", "up").statusCode()).isEqualTo(303);
            assertThat(Jsoup.parse(site.get("/").body()).select("nav.sections > ul > li > details summary, nav.sections > ul > li > a").eachText())
                .containsExactly("الرئيسية", "عن الموقع", "محليات");
        }
    }
}
