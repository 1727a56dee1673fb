package org.nashir.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nashir.Nashir;
import org.nashir.account.Account;
import org.nashir.account.Role;
import org.nashir.config.Settings;
import org.nashir.storage.Dialect;
import org.nashir.testing.Agent;
import org.nashir.testing.Api;
import org.nashir.testing.MutableClock;
import org.nashir.testing.TestDatabases;
import org.nashir.testing.TestSite;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11: the desk runs the front page. Lead and pinned stories on the home and section pages, the عاجل ticker
 * on every page and in feeds and the API, expiry as a scheduled change done once by several nodes, and public
 * corrections; on SQLite and PostgreSQL.
 */
class DeskTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "كلمة-سر-طويلة-للمحرر";

    static Agent editor(TestSite site) {
        site.nashir.accounts.create("editor@example.org", "محررة الواجهة", Role.EDITOR, PASSWORD);
        Agent agent = new Agent(site);
        assertThat(agent.signIn("editor@example.org", PASSWORD).statusCode()).isEqualTo(303);
        agent.get("/admin");
        return agent;
    }

    static Account account(TestSite site, String email) {
        return site.nashir.accounts.findByEmail(email).orElseThrow();
    }

    static List<String> titles(Document page, String selector) {
        return page.select(selector).eachText();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void the_lead_and_pinned_stories_come_first_in_the_desks_order(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            Instant t = site.clock.instant().minus(Duration.ofHours(3));
            long old = site.publish("سياسة", "خبر الأمس المهم", t.minus(Duration.ofDays(1)));
            long second = site.publish("سياسة", "خبر ثانٍ", t);
            long third = site.publish("اقتصاد", "خبر ثالث", t.plusSeconds(60));
            long newest = site.publish("اقتصاد", "أحدث خبر", t.plusSeconds(120));
            Agent editor = editor(site);

            assertThat(editor.post("/admin/desk/pins", "scope", "home", "article_id", Long.toString(third)).statusCode()).isEqualTo(303);
            assertThat(editor.post("/admin/desk/pins", "scope", "home", "article_id", Long.toString(second)).statusCode()).isEqualTo(303);
            assertThat(editor.post("/admin/desk/pins", "scope", "home", "article_id", Long.toString(old), "lead", "on").statusCode()).isEqualTo(303);
            Document home = Jsoup.parse(site.get("/").body());
            assertThat(home.select(".lead-story h3 a").text()).isEqualTo("خبر الأمس المهم");
            assertThat(titles(home, ".pinned-list h3 a")).containsExactly("خبر ثالث", "خبر ثانٍ");
            // The latest list leaves out what is already above it.
            assertThat(titles(home, "#latest ~ ul h3 a")).containsExactly("أحدث خبر");

            // Reordering: the second pinned story moves up.
            assertThat(editor.post("/admin/desk/pins/move", "scope", "home", "article_id", Long.toString(second), "direction", "up").statusCode()).isEqualTo(303);
            assertThat(titles(Jsoup.parse(site.get("/").body()), ".pinned-list h3 a")).containsExactly("خبر ثانٍ", "خبر ثالث");
            // A new lead pushes the old one down among the pinned stories.
            editor.post("/admin/desk/pins", "scope", "home", "article_id", Long.toString(newest), "lead", "on");
            home = Jsoup.parse(site.get("/").body());
            assertThat(home.select(".lead-story h3 a").text()).isEqualTo("أحدث خبر");
            assertThat(titles(home, ".pinned-list h3 a")).containsExactly("خبر الأمس المهم", "خبر ثانٍ", "خبر ثالث");
            // Unpinning the lead leaves the page without one; the pinned stories keep their order.
            editor.post("/admin/desk/pins/remove", "scope", "home", "article_id", Long.toString(newest));
            home = Jsoup.parse(site.get("/").body());
            assertThat(home.select(".lead-story")).isEmpty();
            assertThat(titles(home, ".pinned-list h3 a")).containsExactly("خبر الأمس المهم", "خبر ثانٍ", "خبر ثالث");

            // A section page has its own pins, above its list.
            long section = site.nashir.sections.findBySlug("سياسة").orElseThrow().id();
            editor.post("/admin/desk/pins", "scope", "section:" + section, "article_id", Long.toString(old), "lead", "on");
            Document politics = Jsoup.parse(site.get("/section/" + java.net.URLEncoder.encode("سياسة", java.nio.charset.StandardCharsets.UTF_8)).body());
            assertThat(politics.select(".pinned h2 a").eachText()).containsExactly("خبر الأمس المهم");
            // Every change is in the audit log.
            assertThat(count(site, "SELECT COUNT(*) FROM audit WHERE action LIKE 'desk.%'")).isEqualTo(7);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void a_page_refuses_a_seventh_pinned_story_a_draft_or_a_lapse_in_the_past_and_keeps_what_it_had(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            Instant t = site.clock.instant().minus(Duration.ofHours(3));
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 7; i++) ids.add(site.publish("سياسة", "خبر " + i, t.plusSeconds(i)));
            Agent editor = editor(site);
            for (int i = 0; i < PinStore.MAX_PINNED; i++) {
                assertThat(editor.post("/admin/desk/pins", "scope", "home", "article_id", Long.toString(ids.get(i))).statusCode()).isEqualTo(303);
            }
            HttpResponse<String> seventh = editor.post("/admin/desk/pins", "scope", "home", "article_id", Long.toString(ids.get(6)));
            assertThat(seventh.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(seventh.body()).select("[role=alert]").text()).contains("الحد");
            assertThat(site.nashir.pins.list(PinStore.HOME)).hasSize(PinStore.MAX_PINNED);

            long draft = site.nashir.imports.create(new NewArticle("مسودة", null, null, "<p>نص</p>", List.of(), null, null, "سياسة", List.of(), null,
                Article.DRAFT, null, 0, null, null)).id();
            HttpResponse<String> refused = editor.post("/admin/desk/pins", "scope", "home", "article_id", Long.toString(draft), "lead", "on");
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text()).contains("منشور");
            HttpResponse<String> past = editor.post("/admin/desk/pins", "scope", "home", "article_id", Long.toString(ids.get(0)), "lapses_at", "2020-01-01T10:00");
            assertThat(past.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(past.body()).select("[role=alert]").text()).contains("مضى");
            assertThat(site.nashir.pins.list(PinStore.HOME)).extracting(PinStore.Pin::articleId).containsExactlyElementsOf(ids.subList(0, 6));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void the_ticker_shows_on_every_public_page_and_in_feeds_and_the_api_until_it_is_taken_down(Dialect dialect, @TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            long story = site.publish("سياسة", "زلزال يضرب الساحل", site.clock.instant().minus(Duration.ofMinutes(5)));
            Agent editor = editor(site);
            assertThat(site.get("/").body()).doesNotContain("class=\"ticker\"");
            assertThat(editor.post("/admin/desk/ticker", "article_id", Long.toString(story)).statusCode()).isEqualTo(303);
            assertThat(editor.post("/admin/desk/ticker", "article_id", "", "text", "انقطاع الكهرباء في العاصمة", "link", "", "hours", "1").statusCode()).isEqualTo(303);

            for (String path : List.of("/", "/article/" + story, "/section/" + java.net.URLEncoder.encode("سياسة", java.nio.charset.StandardCharsets.UTF_8), "/search?q=زلزال", "/corrections")) {
                Document page = Jsoup.parse(site.get(path).body());
                assertThat(page.select(".ticker li").eachText()).as(path).containsExactly("انقطاع الكهرباء في العاصمة", "زلزال يضرب الساحل");
                assertThat(page.select(".ticker a").attr("href")).as(path).isEqualTo("/article/" + story);
            }
            JsonNode feed = JSON.readTree(site.get("/feed.json").body());
            assertThat(feed.at("/items/0/tags").toString()).contains("عاجل");
            assertThat(feed.at("/items/0/_nashir/urgent").asBoolean()).isTrue();
            assertThat(site.get("/feed.xml").body()).contains("<category domain=\"" + site.nashir.settings.baseUrl() + "/#urgent\">عاجل</category>");
            assertThat(JSON.readTree(site.get("/api/v1/articles").body()).at("/items/0/urgent").asBoolean()).isTrue();
            assertThat(JSON.readTree(site.get("/api/v1/articles/" + story).body()).get("urgent_until").asText())
                .isEqualTo(site.clock.instant().plus(TickerStore.DEFAULT_LIFETIME).toString());

            long line = site.nashir.ticker.listLive().getFirst().id();
            assertThat(editor.post("/admin/desk/ticker/" + line + "/end").statusCode()).isEqualTo(303);
            assertThat(Jsoup.parse(site.get("/").body()).select(".ticker li").eachText()).containsExactly("زلزال يضرب الساحل");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void ticker_lines_and_pins_expire_once_on_several_nodes_and_leave_every_node_s_pages(Dialect dialect, @TempDir Path dir) throws Exception {
        String url = TestDatabases.url(dialect, dir);
        Map<String, String> values = Map.of("NASHIR_DB_URL", url, "NASHIR_DB_USER", "postgres", "NASHIR_DATA_DIR", dir.toString(), "NASHIR_PORT", "0");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
        try (Nashir one = new Nashir(Settings.load(values, Map.of()), clock); Nashir two = new Nashir(Settings.load(values, Map.of()), clock)) {
            one.accounts.create("editor@example.org", "محررة", Role.EDITOR, PASSWORD);
            Account editor = one.accounts.findByEmail("editor@example.org").orElseThrow();
            long story = one.imports.create(TestSite.article("سياسة", "خبر مثبّت", clock.instant().minus(Duration.ofHours(1)))).id();
            one.ticker.addLine("عاجل لساعة", null, clock.instant().plus(Duration.ofHours(1)), editor);
            one.pins.pin(PinStore.HOME, story, true, clock.instant().plus(Duration.ofMinutes(30)), editor);
            assertThat(two.ticker.listLiveLinks()).extracting(l -> l.text()).containsExactly("عاجل لساعة");
            assertThat(two.pins.listVisible(PinStore.HOME).lead()).isNotNull();
            assertThatThrownBy(() -> one.ticker.addLine("قديم", null, clock.instant().minusSeconds(1), editor)).isInstanceOf(DeskRefused.class);
            assertThatThrownBy(() -> one.ticker.addLine("طويل", null, clock.instant().plus(Duration.ofHours(25)), editor)).isInstanceOf(DeskRefused.class);

            clock.advance(Duration.ofMinutes(61));
            // Already gone for readers, even before the scheduler has run.
            assertThat(two.ticker.listLive()).isEmpty();
            assertThat(two.pins.listVisible(PinStore.HOME).lead()).isNull();
            long changesBefore = count(one, "SELECT COUNT(*) FROM change");
            int done = 0;
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Callable<Integer>> runs = List.of(one.scheduled::runDue, two.scheduled::runDue, one.scheduled::runDue, two.scheduled::runDue);
                for (Future<Integer> f : pool.invokeAll(runs)) done += f.get();
            }
            assertThat(done).as("one line and one pin, each ended once").isEqualTo(2);
            assertThat(count(one, "SELECT COUNT(*) FROM change") - changesBefore).isEqualTo(2);
            assertThat(count(one, "SELECT COUNT(*) FROM pin")).isZero();
            assertThat(count(one, "SELECT COUNT(*) FROM ticker WHERE ended_at IS NULL")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void a_correction_shows_on_the_article_at_corrections_and_in_structured_data_and_is_refused_on_a_draft(Dialect dialect, @TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            long story = site.publish("سياسة", "حصيلة الفيضانات", site.clock.instant().minus(Duration.ofHours(2)));
            Agent editor = editor(site);
            int versionBefore = site.nashir.articles.findById(story).orElseThrow().version();
            site.clock.advance(Duration.ofMinutes(10));
            HttpResponse<String> added = editor.post("/admin/articles/" + story + "/corrections", "kind", "correction", "body", "كان عدد الضحايا ١٢ لا ٢١ كما ورد سابقاً.");
            assertThat(added.statusCode()).isEqualTo(303);

            Document page = Jsoup.parse(site.get("/article/" + story).body());
            assertThat(page.select("#corrections li").text()).contains("تصحيح").contains("كان عدد الضحايا ١٢ لا ٢١");
            assertThat(page.select(".corrected a").attr("href")).isEqualTo("#corrections");
            JsonNode ld = JSON.readTree(page.select("script[type=application/ld+json]").first().data());
            assertThat(ld.at("/correction/0/@type").asText()).isEqualTo("CorrectionComment");
            assertThat(ld.at("/correction/0/text").asText()).startsWith("كان عدد الضحايا");
            assertThat(ld.get("dateModified").asText()).isEqualTo(site.clock.instant().toString());
            Article after = site.nashir.articles.findById(story).orElseThrow();
            assertThat(after.version()).isEqualTo(versionBefore + 1);
            assertThat(site.nashir.revisions.listFor(story)).isNotEmpty();

            Document list = Jsoup.parse(site.get("/corrections").body());
            assertThat(list.select(".correction-list h2 a").eachText()).containsExactly("حصيلة الفيضانات");
            assertThat(list.select(".correction-list h2 a").attr("href")).startsWith("/article/" + story + "/").endsWith("#corrections");

            long draft = site.nashir.imports.create(new NewArticle("مسودة", null, null, "<p>نص</p>", List.of(), null, null, "سياسة", List.of(), null,
                Article.DRAFT, null, 0, null, null)).id();
            HttpResponse<String> onDraft = editor.post("/admin/articles/" + draft + "/corrections", "kind", "update", "body", "تحديث");
            assertThat(onDraft.statusCode()).isEqualTo(303);
            assertThat(onDraft.headers().firstValue("Location").orElseThrow()).contains("refused=correction.error.not-published");
            String back = onDraft.headers().firstValue("Location").orElseThrow();
            assertThat(Jsoup.parse(editor.get(back.substring(0, back.indexOf('#'))).body()).select("[role=alert]").text())
                .contains("لا يُضاف تصحيح إلا إلى مقال منشور");
            assertThat(editor.post("/admin/articles/" + story + "/corrections", "kind", "correction", "body", "   ").headers().firstValue("Location").orElseThrow())
                .contains("refused=correction.error.empty");
            assertThat(count(site.nashir, "SELECT COUNT(*) FROM correction")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void opinion_pieces_are_labelled_and_typed_for_search_engines(Dialect dialect, @TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            long section = createSection(site);
            Account writer = site.nashir.accounts.findById(site.nashir.accounts.create("w@example.org", "كاتبة رأي", Role.EDITOR, PASSWORD)).orElseThrow();
            long id = site.nashir.editing.create(new ArticleCommand("عن المدينة التي نحب", "", "", "<p>رأي في المدينة.</p>", List.of("كاتبة رأي"),
                "", "", section, List.of(), "", ArticleKind.OPINION, null, null, ArticleCommand.Action.PUBLISH, 0), writer).id();
            Document page = Jsoup.parse(site.get("/article/" + id).body());
            assertThat(page.select(".crumbs .kind").text()).isEqualTo("رأي");
            assertThat(JSON.readTree(page.select("script[type=application/ld+json]").first().data()).get("@type").asText()).isEqualTo("OpinionNewsArticle");
            assertThat(Jsoup.parse(site.get("/").body()).select("#latest ~ ul .kind").eachText()).containsExactly("رأي");
            assertThat(JSON.readTree(site.get("/api/v1/articles/" + id).body()).get("type").asText()).isEqualTo("opinion");

            // The writer is shown on the piece, and among the columnists with their latest piece; news writers are not.
            Byline columnist = site.nashir.articles.findByline("كاتبة-رأي").orElseThrow();
            assertThat(site.nashir.taxonomy.saveByline(columnist.id(), "كاتبة رأي",
                "أستاذة تخطيط مدن، تكتب عن المدينة وسكانها.", false, null)).isTrue();
            site.publish("سياسة", "خبر عادي", site.clock.instant().minusSeconds(60));
            page = Jsoup.parse(site.get("/article/" + id).body());
            assertThat(page.select(".writer-box").text()).contains("كاتبة رأي").contains("أستاذة تخطيط مدن");
            Document opinion = Jsoup.parse(site.get("/opinion").body());
            assertThat(opinion.select(".columnist h2").eachText()).containsExactly("كاتبة رأي");
            assertThat(opinion.select(".columnist p a").text()).isEqualTo("عن المدينة التي نحب");
            assertThat(opinion.select(".columnist .meta").first().text()).contains("أستاذة تخطيط مدن");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void the_api_arranges_the_desk_for_editors_only_with_the_same_rules(Dialect dialect, @TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            Instant t = site.clock.instant().minus(Duration.ofHours(2));
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) ids.add(site.publish("سياسة", "خبر للواجهة " + i, t.plusSeconds(i)));
            String editor = site.nashir.tokens.create(site.nashir.accounts.create("e@example.org", "محرر", Role.EDITOR, PASSWORD), "مكتب");
            String writer = site.nashir.tokens.create(site.nashir.accounts.create("w@example.org", "كاتب", Role.WRITER, PASSWORD), "كاتب");

            for (String[] call : List.of(new String[] {"/api/v1/pins", "{\"article_id\": " + ids.get(0) + "}"},
                new String[] {"/api/v1/ticker", "{\"text\": \"عاجل\"}"},
                new String[] {"/api/v1/articles/" + ids.get(0) + "/corrections", "{\"kind\": \"update\", \"text\": \"تحديث\"}"})) {
                HttpResponse<String> refused = Api.send(site, "POST", call[0], writer, call[1]);
                assertThat(refused.statusCode()).as("writer on " + call[0]).isEqualTo(403);
                assertThat(JSON.readTree(refused.body()).at("/error/code").asText()).isEqualTo("forbidden");
            }
            assertThat(count(site, "SELECT COUNT(*) FROM pin") + count(site, "SELECT COUNT(*) FROM ticker") + count(site, "SELECT COUNT(*) FROM correction")).isZero();

            assertThat(Api.send(site, "POST", "/api/v1/pins", editor, "{\"article_id\": " + ids.get(7) + ", \"lead\": true}").statusCode()).isEqualTo(201);
            for (int i = 0; i < PinStore.MAX_PINNED; i++) {
                assertThat(Api.send(site, "POST", "/api/v1/pins", editor, "{\"article_id\": " + ids.get(i) + "}").statusCode()).isEqualTo(201);
            }
            HttpResponse<String> seventh = Api.send(site, "POST", "/api/v1/pins", editor, "{\"article_id\": " + ids.get(6) + "}");
            assertThat(seventh.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(seventh.body()).at("/error/message").asText()).contains("الحد");
            JsonNode pinned = JSON.readTree(site.get("/api/v1/pins").body()).get("items");
            assertThat(pinned).hasSize(1 + PinStore.MAX_PINNED);
            assertThat(pinned.get(0).get("lead").asBoolean()).isTrue();
            assertThat(Api.send(site, "DELETE", "/api/v1/pins/" + ids.get(0), editor, null).statusCode()).isEqualTo(204);
            assertThat(Api.send(site, "DELETE", "/api/v1/pins/" + ids.get(0), editor, null).statusCode()).isEqualTo(404);

            assertThat(Api.send(site, "POST", "/api/v1/ticker", editor, "{\"text\": \"عاجل\", \"hours\": 30}").statusCode()).isEqualTo(422);
            HttpResponse<String> lit = Api.send(site, "POST", "/api/v1/ticker", editor, "{\"article_id\": " + ids.get(7) + "}");
            assertThat(lit.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(lit.body()).get("expires_at").asText()).isEqualTo(site.clock.instant().plus(TickerStore.DEFAULT_LIFETIME).toString());
            assertThat(JSON.readTree(site.get("/api/v1/ticker").body()).at("/items/0/link").asText()).isEqualTo("/article/" + ids.get(7));
            assertThat(Api.send(site, "DELETE", "/api/v1/ticker/" + JSON.readTree(lit.body()).get("id").asLong(), editor, null).statusCode()).isEqualTo(204);
            assertThat(JSON.readTree(site.get("/api/v1/ticker").body()).get("items")).isEmpty();

            long draft = site.nashir.imports.create(new NewArticle("مسودة", null, null, "<p>نص</p>", List.of(), null, null, "سياسة", List.of(), null,
                Article.DRAFT, null, 0, null, null)).id();
            HttpResponse<String> onDraft = Api.send(site, "POST", "/api/v1/articles/" + draft + "/corrections", editor, "{\"kind\": \"correction\", \"text\": \"تصحيح\"}");
            assertThat(onDraft.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(onDraft.body()).at("/error/message").asText()).contains("منشور");
            assertThat(Api.send(site, "POST", "/api/v1/articles/" + ids.get(1) + "/corrections", editor, "{\"kind\": \"correction\", \"text\": \"صُحّح الاسم.\"}").statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(site.get("/api/v1/articles/" + ids.get(1)).body()).at("/corrections/0/text").asText()).isEqualTo("صُحّح الاسم.");
        }
    }

    private static long createSection(TestSite site) {
        site.nashir.sections.create("سياسة");
        return site.nashir.sections.findBySlug("سياسة").orElseThrow().id();
    }

    private static long count(TestSite site, String sql) {
        return count(site.nashir, sql);
    }

    private static long count(Nashir n, String sql) {
        return n.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
