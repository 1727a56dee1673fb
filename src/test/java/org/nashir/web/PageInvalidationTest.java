package org.nashir.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.article.Article;
import org.nashir.article.ArticleCommand;
import org.nashir.article.CorrectionStore;
import org.nashir.article.NewArticle;
import org.nashir.article.PinStore;
import org.nashir.comment.Comment;
import org.nashir.page.MenuStore;
import org.nashir.page.PageStore;
import org.nashir.testing.Agent;
import org.nashir.testing.TestSite;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: with pages cached for a minute, every kind of change shows at once on every kind of page that shows what
 * changed, and pages that do not show it stay cached (no render).
 */
class PageInvalidationTest {
    static final Instant AT = Instant.parse("2026-11-29T08:00:00Z");

    /** A small site: X (politics, tag انتخابات, byline سلمى الحداد), Y (sport), a static page; every page kind cached. */
    static final class World implements AutoCloseable {
        final TestSite site;
        final long x, y, page;
        final Map<String, String> pages = new LinkedHashMap<>();

        World(Path dir) {
            site = TestSite.create(dir, Map.of("NASHIR_PAGE_CACHE_SECONDS", "60")).start();
            x = site.nashir.imports.create(new NewArticle("البرلمان يناقش قانون الانتخابات", null, null, "<p>نص الخبر الأول.</p>", List.of("سلمى الحداد"),
                null, null, "سياسة", List.of("انتخابات"), null, Article.PUBLISHED, AT.minus(Duration.ofHours(2)), 0, null, null)).id();
            y = site.nashir.imports.create(new NewArticle("المنتخب يفوز في مباراته الأولى", null, null, "<p>نص خبر الرياضة.</p>", List.of("مازن قاسم"),
                null, null, "رياضة", List.of("كرة القدم"), null, Article.PUBLISHED, AT.minus(Duration.ofHours(3)), 0, null, null)).id();
            page = site.nashir.staticPages.save(null, new PageStore.PageForm("من نحن", "<p>موقع أخبار المدينة.</p>", 0, PageStore.PUBLISHED, 0), null);
            String politics = site.nashir.sections.listAll().stream().filter(s -> s.name().equals("سياسة")).findFirst().orElseThrow().path();
            pages.put("home", "/");
            pages.put("article", "/article/" + x);
            pages.put("other article", "/article/" + y);
            pages.put("other tag", site.nashir.articles.listTags(y).getFirst().path());
            pages.put("section", politics);
            pages.put("tag", site.nashir.articles.listTags(x).getFirst().path());
            pages.put("author", site.nashir.articles.listBylines(x).getFirst().path());
            pages.put("latest", "/latest");
            pages.put("archive", "/archive/2026/11");
            pages.put("feed", "/feed.xml");
            pages.put("section feed", politics + "/feed.xml");
            pages.put("news sitemap", "/sitemap-news.xml");
            pages.put("api", "/api/v1/articles");
            pages.put("corrections", "/corrections");
            pages.put("static page", site.nashir.staticPages.findById(page).orElseThrow().path());
            pages.values().forEach(p -> assertThat(site.get(p).statusCode()).as(p).isEqualTo(200));
        }

        String get(String kind) {
            var r = site.get(pages.get(kind));
            assertThat(r.statusCode()).as(kind).isIn(200, 404);
            return r.statusCode() == 404 ? "" : r.body();
        }

        long renders(Runnable r) {
            long before = site.nashir.pages.renders();
            r.run();
            return site.nashir.pages.renders() - before;
        }

        void edit(long id, java.util.function.Function<ArticleCommand, ArticleCommand> change) {
            Article a = site.nashir.articles.findById(id).orElseThrow();
            ArticleCommand now = ArticleCommand.of(a, site.nashir.articles.listBylines(id).stream().map(b -> b.name()).toList(),
                site.nashir.articles.listTags(id).stream().map(t -> t.name()).toList(), ArticleCommand.Action.SAVE, a.version());
            long editor = site.nashir.accounts.findByEmail("editor@example.org").map(acc -> acc.id())
                .orElseGet(() -> site.nashir.accounts.create("editor@example.org", "سلمى المحررة", org.nashir.account.Role.EDITOR, "a-long-enough-password"));
            site.nashir.editing.update(id, change.apply(now), site.nashir.accounts.findById(editor).orElseThrow());
        }

        @Override
        public void close() {
            site.close();
        }
    }

    static ArticleCommand titled(ArticleCommand c, String title) {
        return new ArticleCommand(title, c.kicker(), c.summary(), c.bodyHtml(), c.bylines(), c.sourceName(), c.sourceUrl(), c.sectionId(), c.tags(),
            c.label(), c.kind(), c.featuredMediaId(), c.publishAt(), c.action(), c.expectedVersion());
    }

    @Test
    void a_new_article_appears_on_every_list_it_belongs_to_and_other_article_pages_stay_cached(@TempDir Path dir) {
        try (World w = new World(dir)) {
            long[] created = new long[1];
            long rendered = w.renders(() -> created[0] = w.site.nashir.imports.create(new NewArticle("نتائج أولية للانتخابات البلدية", null, null, "<p>نص.</p>",
                List.of("سلمى الحداد"), null, null, "سياسة", List.of("انتخابات"), null, Article.PUBLISHED, AT.minus(Duration.ofMinutes(5)), 0, null, null)).id());
            assertThat(rendered).as("a change renders nothing by itself").isZero();
            for (String kind : List.of("home", "section", "tag", "author", "latest", "archive", "feed", "section feed", "news sitemap", "api")) {
                assertThat(w.get(kind)).as(kind).contains(kind.equals("news sitemap") ? "/article/" + created[0] : "نتائج أولية للانتخابات البلدية");
            }
            assertThat(w.renders(() -> w.get("static page"))).as("a page that shows no list").isZero();
        }
    }

    @Test
    void an_edited_headline_shows_wherever_the_article_is_shown(@TempDir Path dir) {
        try (World w = new World(dir)) {
            w.edit(w.x, c -> titled(c, "البرلمان يقرّ قانون الانتخابات"));
            for (String kind : List.of("home", "article", "section", "tag", "author", "latest", "archive", "feed", "section feed", "news sitemap", "api")) {
                assertThat(w.get(kind)).as(kind).contains("البرلمان يقرّ قانون الانتخابات").doesNotContain("البرلمان يناقش قانون الانتخابات");
            }
            assertThat(w.renders(() -> w.get("other tag"))).as("a list without it").isZero();
        }
    }

    @Test
    void an_article_moved_to_another_section_leaves_one_list_and_joins_the_other(@TempDir Path dir) {
        try (World w = new World(dir)) {
            String sport = w.site.nashir.sections.listAll().stream().filter(s -> s.name().equals("رياضة")).findFirst().orElseThrow().path();
            w.site.get(sport);
            long sportId = w.site.nashir.sections.listAll().stream().filter(s -> s.name().equals("رياضة")).findFirst().orElseThrow().id();
            w.edit(w.x, c -> new ArticleCommand(c.title(), c.kicker(), c.summary(), c.bodyHtml(), c.bylines(), c.sourceName(), c.sourceUrl(), sportId,
                c.tags(), c.label(), c.kind(), c.featuredMediaId(), c.publishAt(), c.action(), c.expectedVersion()));
            assertThat(w.get("section")).doesNotContain("البرلمان يناقش قانون الانتخابات");
            assertThat(w.site.get(sport).body()).contains("البرلمان يناقش قانون الانتخابات");
        }
    }

    @Test
    void an_unpublished_article_leaves_every_page(@TempDir Path dir) {
        try (World w = new World(dir)) {
            w.edit(w.x, c -> new ArticleCommand(c.title(), c.kicker(), c.summary(), c.bodyHtml(), c.bylines(), c.sourceName(), c.sourceUrl(), c.sectionId(),
                c.tags(), c.label(), c.kind(), c.featuredMediaId(), c.publishAt(), ArticleCommand.Action.UNPUBLISH, c.expectedVersion()));
            assertThat(w.site.get("/article/" + w.x).statusCode()).isEqualTo(404);
            for (String kind : List.of("home", "section", "tag", "author", "latest", "archive", "feed", "section feed", "api")) {
                assertThat(w.get(kind)).as(kind).doesNotContain("البرلمان يناقش قانون الانتخابات");
            }
        }
    }

    @Test
    void an_approved_comment_shows_on_its_article_and_in_its_count_and_nowhere_else_is_rendered(@TempDir Path dir) {
        try (World w = new World(dir)) {
            String token = w.site.nashir.spam.token(w.x);
            w.site.clock.advance(Duration.ofSeconds(20));
            new Agent(w.site).postRaw("/article/" + w.x + "/comments", "name", "رامي", "email", "rami@example.org", "comment", "تعليق من قارئ", "token", token);
            Comment pending = w.site.nashir.comments.listQueue(Comment.PENDING, "", 1).getFirst().comment();
            w.site.nashir.comments.setStatus(List.of(pending.id()), Comment.APPROVED);
            assertThat(w.get("article")).contains("تعليق من قارئ");
            assertThat(w.get("home")).as("the count on the teaser").contains("تعليق واحد");
            assertThat(w.renders(() -> {
                w.get("other tag");
                w.get("static page");
                w.get("corrections");
            })).isZero();
        }
    }

    @Test
    void a_live_entry_and_a_correction_show_at_once(@TempDir Path dir) {
        try (World w = new World(dir)) {
            w.site.nashir.live.start(w.x, null);
            w.site.nashir.live.add(w.x, "بدأ التصويت على المادة الأولى.", null, null);
            assertThat(w.get("article")).contains("بدأ التصويت على المادة الأولى.");
            assertThat(w.site.get("/article/" + w.x + "/live").body()).contains("بدأ التصويت على المادة الأولى.");
            w.site.nashir.corrections.add(w.x, CorrectionStore.CORRECTION, "صُحّح اسم اللجنة.", null);
            assertThat(w.get("article")).contains("صُحّح اسم اللجنة.");
            assertThat(w.get("corrections")).contains("صُحّح اسم اللجنة.");
            assertThat(w.renders(() -> w.get("other tag"))).as("a list without it").isZero();
        }
    }

    @Test
    void pins_ticker_menus_and_static_pages(@TempDir Path dir) {
        try (World w = new World(dir)) {
            w.site.nashir.pins.pin(PinStore.HOME, w.y, true, null, null);
            assertThat(org.jsoup.Jsoup.parse(w.get("home")).select(".lead-story h3").text()).contains("المنتخب يفوز في مباراته الأولى");
            assertThat(w.renders(() -> {
                w.get("article");
                w.get("section");
            })).as("pins of the home page are only on the home page").isZero();

            w.site.nashir.ticker.addLine("انقطاع مؤقت للكهرباء في الحي الشرقي", null, AT.plus(Duration.ofHours(2)), null);
            for (String kind : List.of("home", "article", "other article", "section", "static page")) {
                assertThat(w.get(kind)).as(kind).contains("انقطاع مؤقت للكهرباء في الحي الشرقي");
            }

            w.site.nashir.menus.add(MenuStore.FOOTER, "أعلن معنا", "/page/ads", null);
            for (String kind : List.of("home", "article", "section", "static page", "other tag")) assertThat(w.get(kind)).as(kind).contains("أعلن معنا");

            w.site.nashir.staticPages.save(w.page, new PageStore.PageForm("من نحن", "<p>موقع أخبار المدينة منذ ٢٠٢٦.</p>", 0, PageStore.PUBLISHED, 1), null);
            assertThat(w.get("static page")).contains("منذ ٢٠٢٦");
            assertThat(w.renders(() -> w.get("other tag"))).isZero();
        }
    }

    @Test
    void a_renamed_section_shows_in_the_navigation_of_every_page(@TempDir Path dir) {
        try (World w = new World(dir)) {
            long politics = w.site.nashir.sections.listAll().stream().filter(s -> s.name().equals("سياسة")).findFirst().orElseThrow().id();
            w.site.nashir.sections.rename(politics, "شؤون سياسية");
            for (String kind : List.of("home", "article", "other article", "static page", "latest")) {
                assertThat(w.get(kind)).as(kind).contains("شؤون سياسية");
            }
        }
    }

    @Test
    void pages_say_what_they_show_for_a_cdn(@TempDir Path dir) {
        try (World w = new World(dir)) {
            var article = w.site.get("/article/" + w.x);
            assertThat(article.headers().firstValue("Surrogate-Key").orElseThrow().split(" "))
                .contains("article:" + w.x, "nav", "ticker");
            assertThat(URLDecoder.decode(w.site.get("/").headers().firstValue("Surrogate-Key").orElseThrow(), StandardCharsets.UTF_8).split(" "))
                .contains("article:" + w.x, "article:" + w.y, "list:all", "pins:0");
        }
    }
}
