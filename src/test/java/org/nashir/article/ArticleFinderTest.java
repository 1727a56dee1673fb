package org.nashir.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nashir.account.Role;
import org.nashir.storage.Dialect;
import org.nashir.testing.Agent;
import org.nashir.testing.Api;
import org.nashir.testing.TestSite;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: editors find their articles. The back-office list searches titles and summaries with the site's Arabic
 * analysis, drafts included, filters, sorts and pages, on SQLite and PostgreSQL; writers see only their own.
 */
class ArticleFinderTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static List<String> titles(Agent agent, String query) {
        HttpResponse<String> r = agent.get("/admin/articles" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Jsoup.parse(r.body()).select("table tbody tr td:first-child a").eachText();
    }

    static String q(String words) {
        return URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    static long draft(TestSite site, String token, String title, String section, String kind) throws Exception {
        String body = JSON.createObjectNode().put("title", title).put("body_html", "<p>نص</p>").put("section", section).put("status", "draft")
            .put("type", kind).toString();
        HttpResponse<String> r = Api.send(site, "POST", "/api/v1/articles", token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asLong();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void the_newsroom_finds_drafts_and_published_articles_by_words_and_filters(Dialect dialect, @TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            site.publish("سياسة", "اجتماع مجلس الوزراء لبحث الموازنة", site.clock.instant().minus(Duration.ofDays(3)));
            site.clock.advance(Duration.ofDays(2));   // the drafts below are written two days later
            Agent editor = LiveCoverageTest.signedIn(site, "editor@example.org", Role.EDITOR);
            Agent writer = LiveCoverageTest.signedIn(site, "writer@example.org", Role.WRITER);
            String editorToken = site.nashir.tokens.create(site.nashir.accounts.findByEmail("editor@example.org").orElseThrow().id(), "مكتب");
            String writerToken = site.nashir.tokens.create(site.nashir.accounts.findByEmail("writer@example.org").orElseThrow().id(), "كاتب");
            site.nashir.sections.create("محليات");
            site.nashir.sections.create("ثقافة");
            draft(site, writerToken, "مؤامرة في الميناء: شهود يروون", "محليات", "report");
            draft(site, editorToken, "الوزراء يناقشون خطة الطوارئ", "سياسة", "news");
            draft(site, writerToken, "رأي: المدينة التي لا تنام", "ثقافة", "opinion");

            // The same analysis as the site's search: a seat left out, an article and clitics, plural and singular.
            assertThat(titles(editor, "?q=" + q("موامرة"))).containsExactly("مؤامرة في الميناء: شهود يروون");
            assertThat(titles(editor, "?q=" + q("الطواري"))).containsExactly("الوزراء يناقشون خطة الطوارئ");
            assertThat(titles(editor, "?q=" + q("والوزراء"))).containsExactlyInAnyOrder("الوزراء يناقشون خطة الطوارئ", "اجتماع مجلس الوزراء لبحث الموازنة");
            assertThat(titles(editor, "?q=" + q("الوزراء") + "&status=draft")).containsExactly("الوزراء يناقشون خطة الطوارئ");
            assertThat(titles(editor, "?q=" + q("مدينة"))).containsExactly("رأي: المدينة التي لا تنام");
            assertThat(titles(editor, "?q=" + q("الوزراء الموازنة"))).as("every word must be there").containsExactly("اجتماع مجلس الوزراء لبحث الموازنة");

            // Filters: section, type, author, date of last change.
            long politics = site.nashir.sections.listAll().stream().filter(s -> s.name().equals("سياسة")).findFirst().orElseThrow().id();
            assertThat(titles(editor, "?section=" + politics)).containsExactlyInAnyOrder("الوزراء يناقشون خطة الطوارئ", "اجتماع مجلس الوزراء لبحث الموازنة");
            assertThat(titles(editor, "?kind=opinion")).containsExactly("رأي: المدينة التي لا تنام");
            long writerId = site.nashir.accounts.findByEmail("writer@example.org").orElseThrow().id();
            assertThat(titles(editor, "?author=" + writerId)).containsExactlyInAnyOrder("مؤامرة في الميناء: شهود يروون", "رأي: المدينة التي لا تنام");
            String today = LocalDate.ofInstant(site.clock.instant(), site.nashir.settings.timeZone()).toString();
            assertThat(titles(editor, "?from=" + today)).hasSize(3).doesNotContain("اجتماع مجلس الوزراء لبحث الموازنة");
            assertThat(titles(editor, "?sort=title").getFirst()).isEqualTo("اجتماع مجلس الوزراء لبحث الموازنة");

            // A writer sees only their own, whatever the address asks.
            assertThat(titles(writer, "?q=" + q("الوزراء"))).isEmpty();
            assertThat(titles(writer, "?author=" + site.nashir.accounts.findByEmail("editor@example.org").orElseThrow().id()))
                .containsExactlyInAnyOrder("مؤامرة في الميناء: شهود يروون", "رأي: المدينة التي لا تنام");

            // Filters that cannot be read are named in Arabic and left out, never a 500.
            HttpResponse<String> odd = editor.get("/admin/articles?status=lost&from=2026-13-45&section=abc&kind=poem&sort=sideways&page=-3");
            assertThat(odd.statusCode()).isEqualTo(200);
            Document page = Jsoup.parse(odd.body());
            assertThat(page.select("[role=alert]").text()).contains("لم نفهم").contains("lost").contains("2026-13-45").contains("poem");
            assertThat(page.select("table tbody tr")).hasSize(4);

            // A rewritten title is found by its new words only.
            long id = site.nashir.finder.find(new ArticleFinder.Filter("مؤامرة", null, null, null, null, null, null, ArticleFinder.Sort.UPDATED, 1)).rows().getFirst().id();
            var a = site.nashir.articles.findById(id).orElseThrow();
            String update = JSON.createObjectNode().put("title", "شهود عيان في الميناء").put("body_html", "<p>نص</p>").put("section", "محليات")
                .put("version", a.version()).toString();
            assertThat(Api.send(site, "PUT", "/api/v1/articles/" + id, writerToken, update).statusCode()).isEqualTo(200);
            assertThat(titles(editor, "?q=" + q("مؤامرة"))).isEmpty();
            assertThat(titles(editor, "?q=" + q("عيان"))).containsExactly("شهود عيان في الميناء");

            // Articles from before the terms existed are filled in.
            site.nashir.db.jdbi().useHandle(h -> h.execute("UPDATE article SET search_terms = NULL"));
            assertThat(titles(editor, "?q=" + q("الوزراء"))).isEmpty();
            while (site.nashir.finder.fillMissingTerms(2) > 0) { }
            assertThat(titles(editor, "?q=" + q("الوزراء"))).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void a_long_list_is_paged_with_its_filters_kept(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            Agent editor = LiveCoverageTest.signedIn(site, "editor@example.org", Role.EDITOR);
            for (int i = 1; i <= ArticleFinder.PAGE_SIZE + 10; i++) {
                site.publish("اقتصاد", "تقرير السوق رقم " + i, site.clock.instant().minus(Duration.ofMinutes(i)));
            }
            site.publish("رياضة", "نتيجة المباراة", site.clock.instant());
            HttpResponse<String> first = editor.get("/admin/articles?q=" + q("السوق"));
            Document page = Jsoup.parse(first.body());
            assertThat(page.select("table tbody tr")).hasSize(ArticleFinder.PAGE_SIZE);
            assertThat(page.select("[role=status]").text()).contains("60");
            String next = page.select("nav.pager a[rel=next]").attr("href");
            assertThat(next).contains("q=").contains("page=2");
            assertThat(titles(editor, next.substring("/admin/articles".length()))).hasSize(10).allMatch(t -> t.startsWith("تقرير السوق"));
        }
    }
}
