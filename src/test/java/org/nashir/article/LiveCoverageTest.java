package org.nashir.article;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: live coverage on SQLite and PostgreSQL. Editors start and end it, the newsroom posts entries, readers'
 * pages fetch the entries again from a cacheable fragment, search engines see a LiveBlogPosting, and the API
 * follows the same rules.
 */
class LiveCoverageTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "كلمة-سر-طويلة-للتغطية";

    static Agent signedIn(TestSite site, String email, Role role) {
        site.nashir.accounts.create(email, "حساب " + role.arabic(), role, PASSWORD);
        Agent agent = new Agent(site);
        assertThat(agent.signIn(email, PASSWORD).statusCode()).isEqualTo(303);
        agent.get("/admin");
        return agent;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void the_newsroom_covers_a_story_live_and_readers_see_each_entry(Dialect dialect, @TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            long id = site.publish("محليات", "العاصفة الثلجية ساعة بساعة", site.clock.instant().minus(Duration.ofHours(1)));
            Agent editor = signedIn(site, "editor@example.org", Role.EDITOR);
            Agent writer = signedIn(site, "writer@example.org", Role.WRITER);
            String desk = "/admin/articles/" + id + "/live";

            assertThat(writer.post(desk + "/start").statusCode()).as("a writer does not start coverage").isEqualTo(403);
            HttpResponse<String> early = writer.post(desk + "/entries", "text", "قبل البدء");
            assertThat(early.headers().firstValue("Location").orElseThrow()).contains("refused=live.error.not-live");
            assertThat(editor.post(desk + "/start").statusCode()).isEqualTo(303);
            assertThat(writer.get(desk).statusCode()).as("writers reach the live desk").isEqualTo(200);

            site.clock.advance(Duration.ofMinutes(3));
            assertThat(writer.post(desk + "/entries", "text", "إغلاق الطريق الدولي شمال المدينة، التفاصيل: https://example.org/roads").statusCode()).isEqualTo(303);
            site.clock.advance(Duration.ofMinutes(2));
            assertThat(editor.post(desk + "/entries", "text", "<p>فتح مراكز إيواء في المدارس <script>alert(1)</script></p>").statusCode()).isEqualTo(303);
            long first = site.nashir.live.listFor(id).getLast().id();
            assertThat(editor.post(desk + "/entries/" + first, "action", "pin").statusCode()).isEqualTo(303);

            Document page = Jsoup.parse(site.get("/article/" + id).body());
            assertThat(page.select("#live[data-live]").attr("data-live")).isEqualTo("/article/" + id + "/live");
            assertThat(page.select(".live-entry").eachText()).hasSize(2);
            assertThat(page.select(".live-entry").first().text()).contains("حدث رئيسي").contains("إغلاق الطريق الدولي");
            assertThat(page.select(".live-entry a[href='https://example.org/roads']")).hasSize(1);
            assertThat(page.select(".live-entries").html()).doesNotContain("<script");
            JsonNode ld = JSON.readTree(page.select("script[type=application/ld+json]").first().data());
            assertThat(ld.get("@type").asText()).isEqualTo("LiveBlogPosting");
            assertThat(ld.get("coverageStartTime").asText()).isNotBlank();
            assertThat(ld.get("liveBlogUpdate")).hasSize(2);
            assertThat(ld.has("coverageEndTime")).isFalse();

            // The fragment readers' pages poll: cacheable, 304 while unchanged, renewed by a new entry.
            HttpResponse<String> fragment = site.get("/article/" + id + "/live");
            assertThat(fragment.statusCode()).isEqualTo(200);
            String etag = fragment.headers().firstValue("ETag").orElseThrow();
            assertThat(site.get("/article/" + id + "/live", "If-None-Match", etag).statusCode()).isEqualTo(304);
            site.nashir.live.add(id, "عودة الكهرباء إلى الحي الشرقي", null, null);
            HttpResponse<String> renewed = site.get("/article/" + id + "/live", "If-None-Match", etag);
            assertThat(renewed.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(renewed.body()).select(".live-entry").eachText()).hasSize(3).anyMatch(t -> t.contains("عودة الكهرباء"));

            // The API: a writer's token adds, rewrites and deletes; the list shows the state.
            String token = site.nashir.tokens.create(site.nashir.accounts.findByEmail("writer@example.org").orElseThrow().id(), "سكربت");
            HttpResponse<String> added = Api.send(site, "POST", "/api/v1/articles/" + id + "/live", token, "{\"text\": \"تحديث من السكربت\"}");
            assertThat(added.statusCode()).isEqualTo(201);
            long entry = JSON.readTree(added.body()).get("id").asLong();
            assertThat(Api.send(site, "PUT", "/api/v1/articles/" + id + "/live/" + entry, token, "{\"text\": \"تحديث مصحّح\", \"pinned\": true}").statusCode()).isEqualTo(200);
            JsonNode list = JSON.readTree(site.get("/api/v1/articles/" + id + "/live").body());
            assertThat(list.get("live").asBoolean()).isTrue();
            assertThat(list.at("/items/0/text").asText()).isEqualTo("تحديث مصحّح");
            assertThat(Api.send(site, "DELETE", "/api/v1/articles/" + id + "/live/" + entry, token, null).statusCode()).isEqualTo(204);
            assertThat(Api.send(site, "DELETE", "/api/v1/articles/" + id + "/live/" + entry, token, null).statusCode()).isEqualTo(404);
            HttpResponse<String> empty = Api.send(site, "POST", "/api/v1/articles/" + id + "/live", token, "{\"text\": \"  \"}");
            assertThat(empty.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(empty.body()).at("/error/code").asText()).isEqualTo("invalid_entry");

            // Ended: the entries stay, nothing new is taken, and search engines see when it ended.
            assertThat(editor.post(desk + "/end").statusCode()).isEqualTo(303);
            HttpResponse<String> late = writer.post(desk + "/entries", "text", "بعد النهاية");
            assertThat(late.headers().firstValue("Location").orElseThrow()).contains("refused=live.error.ended");
            assertThat(Jsoup.parse(writer.get(desk + "?refused=live.error.ended").body()).select("[role=alert]").text()).contains("انتهت هذه التغطية");
            HttpResponse<String> apiLate = Api.send(site, "POST", "/api/v1/articles/" + id + "/live", token, "{\"text\": \"بعد النهاية\"}");
            assertThat(apiLate.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(apiLate.body()).at("/error/code").asText()).isEqualTo("not_live");
            page = Jsoup.parse(site.get("/article/" + id).body());
            assertThat(page.select("#live").attr("data-ended")).isEqualTo("true");
            assertThat(page.select(".live-entry")).hasSize(3);
            assertThat(JSON.readTree(page.select("script[type=application/ld+json]").first().data()).has("coverageEndTime")).isTrue();
            assertThat(site.nashir.live.listFor(id)).hasSize(3);

            // Through the API: a writer may not start coverage, an editor starts it again and ends it.
            String coverage = "/api/v1/articles/" + id + "/live/coverage";
            HttpResponse<String> byWriter = Api.send(site, "PUT", coverage, token, "{\"live\": true}");
            assertThat(byWriter.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(byWriter.body()).at("/error/code").asText()).isEqualTo("forbidden");
            String editorToken = site.nashir.tokens.create(site.nashir.accounts.findByEmail("editor@example.org").orElseThrow().id(), "مكتب");
            HttpResponse<String> bad = Api.send(site, "PUT", coverage, editorToken, "{\"live\": \"yes\"}");
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(bad.body()).at("/error/code").asText()).isEqualTo("invalid_coverage");
            HttpResponse<String> resumed = Api.send(site, "PUT", coverage, editorToken, "{\"live\": true}");
            assertThat(resumed.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(resumed.body()).get("live").asBoolean()).isTrue();
            assertThat(Api.send(site, "POST", "/api/v1/articles/" + id + "/live", token, "{\"text\": \"استؤنفت التغطية\"}").statusCode()).isEqualTo(201);
            assertThat(Jsoup.parse(site.get("/article/" + id).body()).select("#live").attr("data-ended")).isNotEqualTo("true");
            HttpResponse<String> ended = Api.send(site, "PUT", coverage, editorToken, "{\"live\": false}");
            assertThat(JSON.readTree(ended.body()).get("live").asBoolean()).isFalse();
            assertThat(JSON.readTree(ended.body()).get("ended").isNull()).isFalse();
            HttpResponse<String> endedTwice = Api.send(site, "PUT", coverage, editorToken, "{\"live\": false}");
            assertThat(endedTwice.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(endedTwice.body()).at("/error/code").asText()).isEqualTo("not_live");
        }
    }
}
