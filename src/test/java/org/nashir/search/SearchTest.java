package org.nashir.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nashir.Nashir;
import org.nashir.config.Settings;
import org.nashir.account.Account;
import org.nashir.account.Role;
import org.nashir.article.Article;
import org.nashir.article.ArticleForm;
import org.nashir.article.BodyHtml;
import org.nashir.article.NewArticle;
import org.nashir.testing.TestSite;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Site search end to end: the change feed keeps the index current, queries read like a reader means them. */
class SearchTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static long publish(TestSite site, String section, String title, Instant at, List<String> bylines, String... paragraphs) {
        return site.nashir.imports.create(new NewArticle(title, null, null, BodyHtml.fromParagraphs(List.of(paragraphs)), bylines,
            null, null, section, List.of(), null, Article.PUBLISHED, at, 0, null, null)).id();
    }

    static List<Long> ids(TestSite site, String query) {
        return ids(site, query, "");
    }

    static List<Long> ids(TestSite site, String query, String params) {
        HttpResponse<String> r = site.get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + params);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        try {
            JsonNode items = JSON.readTree(r.body()).get("items");
            return java.util.stream.StreamSupport.stream(items.spliterator(), false).map(i -> i.get("id").asLong()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void publish_edit_unpublish_and_delete_reach_search_at_once(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            Instant t = site.clock.instant().minus(Duration.ofHours(1));
            long id = publish(site, "سياسة", "وزير الخارجية يزور بيروت", t, List.of("سلمى"), "بحث الوزير مع المسؤولين اللبنانيين ملف الحدود.");
            assertThat(ids(site, "بيروت")).containsExactly(id);
            assertThat(ids(site, "المسئولين")).containsExactly(id);

            long editor = site.nashir.accounts.create("e@example.org", "محرر", Role.EDITOR, "a-long-enough-password");
            Account me = site.nashir.accounts.findById(editor).orElseThrow();
            long section = site.nashir.sections.listAll().getFirst().id();
            site.nashir.editing.update(id, new ArticleForm("وزير الخارجية يزور دمشق", "", "", "<p>زيارة قصيرة.</p>", "سلمى", "", "",
                Long.toString(section), "", "", "", "", "1", "save", "news").toCommand(site.nashir.settings.timeZone()), me);
            assertThat(ids(site, "دمشق")).containsExactly(id);
            assertThat(ids(site, "بيروت")).isEmpty();

            site.nashir.editing.update(id, new ArticleForm("وزير الخارجية يزور دمشق", "", "", "<p>زيارة قصيرة.</p>", "سلمى", "", "",
                Long.toString(section), "", "", "", "", "2", "unpublish", "news").toCommand(site.nashir.settings.timeZone()), me);
            assertThat(ids(site, "دمشق")).isEmpty();

            long other = publish(site, "سياسة", "انتخابات بلدية في دمشق", t, List.of(), "نص.");
            assertThat(ids(site, "دمشق")).containsExactly(other);
            site.nashir.editing.delete(other, me);
            assertThat(ids(site, "دمشق")).isEmpty();
        }
    }

    @Test
    void changes_committed_while_no_index_was_running_are_caught_up_on_start(@TempDir Path dir) {
        Map<String, String> values = Map.of("NASHIR_DATA_DIR", dir.toString(), "NASHIR_PORT", "0");
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_DB_URL", org.nashir.storage.Database.sqliteUrl(dir.resolve("n.db")))).start()) {
            publish(site, "سياسة", "خبر قبل التوقف", site.clock.instant(), List.of(), "نص.");
        }
        // The database moves on while the index is closed, as after kill -9 between commit and index update.
        try (Nashir offline = new Nashir(Settings.load(Map.of("NASHIR_DATA_DIR", dir.toString(), "NASHIR_DB_URL",
                org.nashir.storage.Database.sqliteUrl(dir.resolve("n.db"))), Map.of()), java.time.Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), java.time.ZoneOffset.UTC))) {
            offline.imports.create(new NewArticle("خبر أثناء التوقف", null, null, "<p>نص</p>", List.of(), null, null, "سياسة", List.of(), null,
                Article.PUBLISHED, Instant.parse("2026-11-29T08:00:00Z"), 0, null, null));
        }
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_DB_URL", org.nashir.storage.Database.sqliteUrl(dir.resolve("n.db")))).start()) {
            assertThat(ids(site, "التوقف")).hasSize(2);
        }
        assertThat(values).isNotEmpty();
    }

    /** Terms made by an older analysis cannot be found by queries analysed the new way: such an index is rebuilt. */
    @Test
    void an_index_built_by_another_version_of_the_analysis_is_rebuilt_on_start(@TempDir Path dir) throws Exception {
        Map<String, String> db = Map.of("NASHIR_DB_URL", org.nashir.storage.Database.sqliteUrl(dir.resolve("n.db")));
        long id;
        try (TestSite site = TestSite.create(dir, db).start()) {
            id = publish(site, "دولي", "الولايات المتحدة تعلن خطة جديدة", site.clock.instant(), List.of(), "نص.");
        }
        // An index from an older release: stamped with analysis 1, and (to tell a rebuild from a catch-up) empty
        // and claiming to have applied every change.
        Path index = dir.resolve("index");
        Path generation = index.resolve(java.nio.file.Files.readString(index.resolve("CURRENT")).strip());
        try (var d = org.apache.lucene.store.FSDirectory.open(generation);
             var w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig(new ArabicAnalysis()))) {
            w.deleteAll();
            w.setLiveCommitData(Map.of(SearchIndex.SEQ, "999999", SearchIndex.ANALYSIS, "1").entrySet());
            w.commit();
        }
        try (TestSite site = TestSite.create(dir, db).start()) {
            assertThat(ids(site, "الولاية")).containsExactly(id);
        }
        try (var gens = java.nio.file.Files.list(index)) {
            assertThat(gens.filter(java.nio.file.Files::isDirectory).count()).as("the old generation is removed").isEqualTo(1);
        }
    }

    @Test
    void reindex_builds_a_new_index_while_the_site_searches_the_old_one(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir).start()) {
            Instant t = site.clock.instant().minus(Duration.ofHours(1));
            for (int i = 0; i < 30; i++) publish(site, "رياضة", "مباراة رقم " + i, t, List.of(), "هدف في الدقيقة " + i);
            assertThat(site.get("/api/v1/search?q=" + URLEncoder.encode("مباراة", StandardCharsets.UTF_8) + "&limit=50").body()).contains("\"total\":30");
            long count = SearchIndex.rebuild(dir.resolve("index"), site.nashir.articles, site.nashir.changes);
            assertThat(count).isEqualTo(30);
            long later = publish(site, "رياضة", "مباراة بعد إعادة الفهرسة", t, List.of(), "نص.");
            assertThat(ids(site, "إعادة الفهرسة")).contains(later);
            assertThat(site.get("/api/v1/search?q=" + URLEncoder.encode("مباراة", StandardCharsets.UTF_8) + "&limit=50").body()).contains("\"total\":31");
            try (var gens = java.nio.file.Files.list(dir.resolve("index"))) {
                assertThat(gens.filter(java.nio.file.Files::isDirectory).count()).isEqualTo(1);
            }
        }
    }

    @Test
    void words_combine_with_or_and_more_matched_words_rank_first(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            Instant t = site.clock.instant().minus(Duration.ofDays(2));
            long one = publish(site, "سياسة", "الحكومة تعلن خطة جديدة", t, List.of(), "خطة للنقل العام.");
            long both = publish(site, "سياسة", "الحكومة تعلن موازنة المدارس", t, List.of(), "موازنة جديدة للمدارس الحكومية.");
            long none = publish(site, "رياضة", "مباراة ودية", t, List.of(), "لا علاقة.");
            // One word spelled differently still finds the article ("never one word differs, nothing found").
            assertThat(ids(site, "وللحكومه موازنه")).startsWith(both).contains(one).doesNotContain(none);
            assertThat(ids(site, "الحكومة -موازنة")).containsExactly(one);
            assertThat(ids(site, "\"موازنة المدارس\"")).startsWith(both);
            // A typo in a long word.
            assertThat(ids(site, "الموازبة")).contains(both);
        }
    }

    @Test
    void filters_sorting_and_highlights_show_the_words_as_written(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            long old = publish(site, "سياسة", "الإرهابيون يهاجمون", Instant.parse("2015-11-16T10:00:00Z"), List.of("فريق ماسة"), "هاجم الإرهابيون موقعاً.");
            long recent = publish(site, "رياضة", "جماهير ضد الإرهاب", Instant.parse("2026-11-01T10:00:00Z"), List.of("سلمى"), "وقفة ضد الإرهابيين في الملعب.");
            assertThat(ids(site, "الارهابيين", "&sort=newest")).containsExactly(recent, old);
            assertThat(ids(site, "الارهابيين", "&section=" + URLEncoder.encode("رياضة", StandardCharsets.UTF_8))).containsExactly(recent);
            assertThat(ids(site, "الارهابيين", "&author=" + URLEncoder.encode("فريق-ماسة", StandardCharsets.UTF_8))).containsExactly(old);
            assertThat(ids(site, "الارهابيين", "&from=2015-11-16&to=2015-11-16")).containsExactly(old);
            Document page = Jsoup.parse(site.get("/search?q=" + URLEncoder.encode("الارهابيين", StandardCharsets.UTF_8) + "&sort=newest").body());
            assertThat(page.select(".results li")).hasSize(2);
            assertThat(page.select(".results mark").eachText()).contains("الإرهابيين", "الإرهابيون");
            assertThat(page.select("[role=status]").text()).contains("2");
            assertThat(page.select("#site-search")).hasSize(1);
        }
    }

    /**
     * Related articles come from the index, not from the section: the related one is in another section, and the
     * article's own section holds only an unrelated one, which the section fallback would have shown instead.
     */
    @Test
    void the_article_page_shows_related_articles_not_itself(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            Instant t = site.clock.instant().minus(Duration.ofDays(1));
            long a = publish(site, "اقتصاد", "أسعار النفط ترتفع", t, List.of(), "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار أوبك خفض الإنتاج.");
            long b = publish(site, "دولي", "أوبك تخفض إنتاج النفط", t, List.of(), "قررت أوبك خفض إنتاج النفط لدعم الأسعار في الأسواق.");
            long unrelated = publish(site, "اقتصاد", "افتتاح مصنع للنسيج", t, List.of(), "افتتح مصنع جديد للنسيج في المدينة الصناعية.");
            publish(site, "رياضة", "فوز الفريق", t, List.of(), "فاز الفريق في المباراة النهائية.");
            publish(site, "ثقافة", "معرض الكتاب", t, List.of(), "افتتح معرض الكتاب أبوابه.");
            Document page = Jsoup.parse(site.get("/article/" + a).body());
            assertThat(page.select("#more ~ ul a").eachAttr("href"))
                .anyMatch(h -> h.startsWith("/article/" + b + "/"))
                .noneMatch(h -> h.startsWith("/article/" + a + "/"))
                .noneMatch(h -> h.startsWith("/article/" + unrelated + "/"));
        }
    }

    @Test
    void one_address_flooding_search_is_slowed_down_with_429_and_retry_after(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir).start()) {
            for (int i = 0; i < 120; i++) assertThat(site.get("/api/v1/search?q=" + i).statusCode()).isEqualTo(200);
            HttpResponse<String> api = site.get("/api/v1/search?q=x");
            assertThat(api.statusCode()).isEqualTo(429);
            assertThat(api.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(api.body()).get("error").get("code").asText()).isEqualTo("rate_limited");
            HttpResponse<String> page = site.get("/search?q=x");
            assertThat(page.statusCode()).isEqualTo(429);
            assertThat(Jsoup.parse(page.body()).selectFirst("h1").text()).isEqualTo("طلبات كثيرة");
            site.clock.advance(Duration.ofMinutes(1));
            assertThat(site.get("/api/v1/search?q=x").statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"غير مغلق", "في من على", "-", "---", "*", "title:x AND", "(((", "\\", "%", "\u0000\u0001\u0007", "؟؟؟", "a~2^3"})
    void nothing_a_reader_types_makes_an_error(String q, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            publish(site, "سياسة", "خبر", site.clock.instant(), List.of(), "نص.");
            String enc = URLEncoder.encode(q, StandardCharsets.UTF_8);
            assertThat(site.get("/search?q=" + enc).statusCode()).isEqualTo(200);
            assertThat(site.get("/api/v1/search?q=" + enc).statusCode()).isIn(200, 400);
        }
    }

    @Test
    void a_very_long_query_is_cut_with_a_notice_and_bad_parameters_get_json_errors(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir).start()) {
            publish(site, "سياسة", "خبر عن الموازنة", site.clock.instant(), List.of(), "نص.");
            String longQuery = URLEncoder.encode("موازنة ".repeat(1_500), StandardCharsets.UTF_8);
            HttpResponse<String> page = site.get("/search?q=" + longQuery);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(page.body()).select(".notice").text()).contains("32");
            assertThat(site.get("/api/v1/search?q=" + longQuery).statusCode()).isEqualTo(200);
            for (String[] bad : new String[][] {{"&limit=0", "bad_limit"}, {"&limit=abc", "bad_limit"}, {"&offset=-1", "bad_offset"},
                {"&offset=99999", "bad_offset"}, {"&from=2015-13-01", "bad_date"}, {"&sort=random", "bad_sort"}}) {
                HttpResponse<String> r = site.get("/api/v1/search?q=x" + bad[0]);
                assertThat(r.statusCode()).as(bad[0]).isEqualTo(400);
                JsonNode error = JSON.readTree(r.body()).get("error");
                assertThat(error.get("code").asText()).isEqualTo(bad[1]);
                assertThat(error.get("message").asText()).isNotBlank();
            }
            assertThat(JSON.readTree(site.get("/api/v1/search").body()).get("error").get("code").asText()).isEqualTo("missing_query");
            assertThat(Jsoup.parse(site.get("/search?q=x&from=nonsense").body()).select(".notice").text()).contains("nonsense");
        }
    }
}
