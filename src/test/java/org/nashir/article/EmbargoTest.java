package org.nashir.article;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nashir.account.Account;
import org.nashir.account.Role;
import org.nashir.storage.Dialect;
import org.nashir.testing.Agent;
import org.nashir.testing.TestSite;
import org.nashir.web.Forbidden;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11: an embargoed article (scheduled for a time) is invisible on every surface until then and goes out
 * once at that time; a private preview link shows it to someone without an account until it expires or is revoked.
 */
class EmbargoTest {
    static final String TITLE = "الحكومة تعلن خطة المياه الوطنية";

    /** Every place readers, crawlers and clients could find an article, with whether the title shows there. */
    static List<String> surfacesShowing(TestSite site, long id) {
        List<String> found = new ArrayList<>();
        String q = URLEncoder.encode("خطة المياه", StandardCharsets.UTF_8);
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("latest", "/latest");
        pages.put("section", "/section/" + URLEncoder.encode("سياسة", StandardCharsets.UTF_8));
        pages.put("archive", "/archive/2026");
        pages.put("search", "/search?q=" + q);
        pages.put("search api", "/api/v1/search?q=" + q);
        pages.put("rss", "/feed.xml");
        pages.put("json feed", "/feed.json");
        pages.put("news sitemap", "/sitemap-news.xml");
        pages.put("sitemap", "/sitemap-articles-1.xml");
        pages.put("api list", "/api/v1/articles");
        pages.put("related", "/article/" + site.nashir.articles.listLatest(50, 0).items().stream().filter(t -> t.id() != id)
            .filter(t -> t.title().contains("المياه")).findFirst().orElseThrow().id());
        pages.forEach((name, path) -> {
            HttpResponse<String> r = site.get(path);
            if (r.body().contains(TITLE) || r.body().contains("/article/" + id + "/") || r.body().contains("/article/" + id + "\"")) found.add(name);
        });
        if (site.get("/article/" + id).statusCode() != 404) found.add("article page");
        if (site.get("/api/v1/articles/" + id).statusCode() != 404) found.add("api article");
        return found;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void an_embargoed_article_stays_invisible_everywhere_until_its_time_and_a_preview_link_shows_it_meanwhile(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            site.nashir.sections.create("سياسة");
            long section = site.nashir.sections.listAll().getFirst().id();
            site.publish("سياسة", "خبر سابق عن المياه في المدن", site.clock.instant().minus(Duration.ofHours(1)), "وزارة المياه تدرس خطة جديدة للمياه في المدن.");
            site.nashir.accounts.create("editor@example.org", "محرر", Role.EDITOR, "كلمة-سر-طويلة-للمحرر");
            site.nashir.accounts.create("writer@example.org", "كاتب", Role.WRITER, "كلمة-سر-طويلة-للكاتب");
            Account editor = site.nashir.accounts.findByEmail("editor@example.org").orElseThrow();
            Account writer = site.nashir.accounts.findByEmail("writer@example.org").orElseThrow();
            Instant embargo = site.clock.instant().plus(Duration.ofHours(2));
            ArticleCommand c = new ArticleCommand(TITLE, "", "", "<p>تعلن الحكومة خطة المياه الوطنية لتحسين شبكات المياه في المدن.</p>", List.of("محرر"),
                "", "", section, List.of("المياه"), "", ArticleKind.NEWS, null, embargo, ArticleCommand.Action.SCHEDULE, 0);
            assertThatThrownBy(() -> site.nashir.editing.create(c, writer)).as("a writer cannot embargo").isInstanceOf(Forbidden.class);
            long id = site.nashir.editing.create(c, editor).id();
            site.nashir.changes.poll();

            assertThat(surfacesShowing(site, id)).isEmpty();

            // A preview link for a partner without an account: works signed out, never cached, never indexed.
            Agent desk = new Agent(site);
            assertThat(desk.signIn("editor@example.org", "كلمة-سر-طويلة-للمحرر").statusCode()).isEqualTo(303);
            desk.get("/admin");
            HttpResponse<String> made = desk.post("/admin/articles/" + id + "/previews", "days", "1");
            assertThat(made.statusCode()).isEqualTo(200);
            String link = Jsoup.parse(made.body()).select("#previews input[readonly]").attr("value");
            assertThat(link).startsWith(site.nashir.settings.baseUrl() + "/preview/");
            String path = link.substring(site.nashir.settings.baseUrl().length());
            HttpResponse<String> seen = site.get(path);
            assertThat(seen.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(seen.body()).select("h1").text()).isEqualTo(TITLE);
            assertThat(seen.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(seen.headers().firstValue("X-Robots-Tag").orElseThrow()).contains("noindex");
            assertThat(Jsoup.parse(seen.body()).select("#comment-form")).isEmpty();
            String tampered = path.substring(0, path.length() - 1) + (path.endsWith("A") ? "B" : "A");
            assertThat(site.get(tampered).statusCode()).isEqualTo(404);
            // Still invisible everywhere else.
            assertThat(surfacesShowing(site, id)).isEmpty();

            // Revoked: gone at once. A second link lapses with its time.
            long first = site.nashir.previews.listFor(id).getFirst().id();
            assertThat(desk.post("/admin/articles/" + id + "/previews/" + first + "/revoke").statusCode()).isEqualTo(303);
            assertThat(site.get(path).statusCode()).isEqualTo(404);
            String second = site.nashir.previews.create(id, Duration.ofHours(1), editor);
            assertThat(site.get(second).statusCode()).isEqualTo(200);
            site.clock.advance(Duration.ofMinutes(61));
            assertThat(site.get(second).statusCode()).isEqualTo(404);
            assertThat(Jsoup.parse(site.get(second).body()).select("main p").text()).contains("رابط المعاينة غير صالح");

            // At its time it goes out, once, and shows everywhere.
            site.clock.advance(Duration.ofMinutes(60));
            assertThat(site.nashir.scheduled.runDue()).isEqualTo(1);
            assertThat(site.nashir.scheduled.runDue()).isZero();
            site.nashir.changes.poll();
            assertThat(site.get("/article/" + id).statusCode()).isEqualTo(200);
            assertThat(surfacesShowing(site, id)).contains("home", "section", "rss", "json feed", "news sitemap", "api list", "api article", "search api");
        }
    }
}
