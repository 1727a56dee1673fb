package org.nashir.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.account.Role;
import org.nashir.article.Article;
import org.nashir.account.ApiDoor;
import org.nashir.testing.Agent;
import org.nashir.testing.Api;
import org.nashir.testing.TestSite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The write API: tokens from the back office, the roles they carry, optimistic locking, and JSON errors for every bad request. */
class ApiWriteTest {
    @TempDir
    static Path dir;
    static TestSite site;
    static String writerToken, editorToken;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "كلمة-سر-طويلة-1";

    @BeforeAll
    static void start() {
        site = TestSite.create(dir).start();
        site.nashir.sections.create("سياسة");
        writerToken = tokenFor(Role.WRITER);
        editorToken = tokenFor(Role.EDITOR);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** Signs in as a new account of {@code role} and makes a token on /admin/tokens, as a person would. */
    static String tokenFor(Role role) {
        String email = role.db() + "@example.org";
        site.nashir.accounts.create(email, "حساب " + role.arabic(), role, PASSWORD);
        Agent agent = new Agent(site);
        agent.signIn(email, PASSWORD);
        agent.get("/admin/tokens");
        HttpResponse<String> made = agent.post("/admin/tokens", "name", "تطبيق الهاتف");
        assertThat(made.statusCode()).isEqualTo(201);
        Matcher m = Pattern.compile("id=\"new-token\">(nashir_[A-Za-z0-9_-]+)<").matcher(made.body());
        assertThat(m.find()).as(made.body()).isTrue();
        // Shown once: the list afterwards has only its first letters.
        assertThat(agent.get("/admin/tokens").body()).doesNotContain(m.group(1)).contains(m.group(1).substring(0, 11));
        return m.group(1);
    }

    static HttpResponse<String> send(String method, String path, String token, String body) {
        return send(site, method, path, token, body);
    }

    static HttpResponse<String> send(TestSite site, String method, String path, String token, String body) {
        return Api.send(site, method, path, token, body);
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(r.body(), e);
        }
    }

    static String article(String title, String status) {
        return JSON.createObjectNode().put("title", title).put("body_html", "<p>نص الخبر.</p><script>alert(1)</script>").put("section", "سياسة")
            .put("status", status).set("tags", JSON.createArrayNode().add("انتخابات")).toString();
    }

    @Test
    void an_editor_publishes_through_the_api_and_readers_see_it() {
        HttpResponse<String> r = send("POST", "/api/v1/articles", editorToken, article("خبر من التطبيق", "published"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode saved = json(r);
        assertThat(saved.get("status").asText()).isEqualTo(Article.PUBLISHED);
        long id = saved.get("id").asLong();
        JsonNode read = json(site.get("/api/v1/articles/" + id));
        assertThat(read.get("title").asText()).isEqualTo("خبر من التطبيق");
        assertThat(read.get("body_html").asText()).contains("نص الخبر.").doesNotContain("script");
        assertThat(read.get("bylines")).isEmpty();
        assertThat(site.get("/article/" + id).body()).contains("خبر من التطبيق");
    }

    @Test
    void a_writer_saves_and_revises_drafts_but_cannot_publish() {
        HttpResponse<String> published = send("POST", "/api/v1/articles", writerToken, article("محاولة نشر", "published"));
        assertThat(published.statusCode()).isEqualTo(403);
        assertThat(json(published).at("/error/code").asText()).isEqualTo("forbidden");
        assertThat(json(published).at("/error/message").asText()).isNotBlank();

        JsonNode draft = json(send("POST", "/api/v1/articles", writerToken, article("مسودة الكاتب", "draft")));
        long id = draft.get("id").asLong();
        assertThat(draft.get("version").asInt()).isEqualTo(1);
        String revised = JSON.createObjectNode().put("title", "مسودة الكاتب بعد التعديل").put("body_html", "<p>نص أطول.</p>").put("version", 1).toString();
        HttpResponse<String> ok = send("PUT", "/api/v1/articles/" + id, writerToken, revised);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok).get("version").asInt()).isEqualTo(2);
        assertThat(json(ok).get("status").asText()).as("status kept when none is sent").isEqualTo(Article.DRAFT);

        // The same version again: someone (here, the writer) saved since; nothing is overwritten.
        HttpResponse<String> stale = send("PUT", "/api/v1/articles/" + id, writerToken, revised);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).at("/error/code").asText()).isEqualTo("stale_version");
        assertThat(json(stale).at("/error/current_version").asInt()).isEqualTo(2);

        assertThat(send("POST", "/api/v1/articles/" + id + "/publish", writerToken, "{\"version\": 2}").statusCode()).isEqualTo(403);
        HttpResponse<String> byEditor = send("POST", "/api/v1/articles/" + id + "/publish", editorToken, "{\"version\": 2}");
        assertThat(byEditor.statusCode()).as(byEditor.body()).isEqualTo(200);
        assertThat(site.nashir.articles.findById(id).orElseThrow().status()).isEqualTo(Article.PUBLISHED);
        assertThat(site.nashir.articles.findById(id).orElseThrow().title()).isEqualTo("مسودة الكاتب بعد التعديل");
        // Published now: no longer the writer's to change.
        assertThat(send("PUT", "/api/v1/articles/" + id, writerToken, revised.replace("\"version\":1", "\"version\":3")).statusCode()).isEqualTo(403);
    }

    @Test
    void another_writers_draft_answers_as_a_missing_article_in_the_api_and_the_back_office() {
        long id = json(send("POST", "/api/v1/articles", writerToken, article("مسودة لا تخص غيري", "draft"))).get("id").asLong();
        long other = site.nashir.accounts.create("writer2@example.org", "كاتب آخر", Role.WRITER, PASSWORD);
        String otherToken = site.nashir.tokens.create(other, "تطبيق آخر");
        String change = JSON.createObjectNode().put("title", "تعديل من غير صاحبها").put("version", 1).toString();
        long missing = id + 100_000;
        for (String[] call : new String[][] {{"PUT", "/api/v1/articles/%d", change}, {"POST", "/api/v1/articles/%d/publish", "{\"version\": 1}"}}) {
            HttpResponse<String> theirs = send(call[0], call[1].formatted(id), otherToken, call[2]);
            HttpResponse<String> none = send(call[0], call[1].formatted(missing), otherToken, call[2]);
            assertThat(theirs.statusCode()).as(call[1]).isEqualTo(none.statusCode()).isEqualTo(404);
            assertThat(json(theirs).at("/error/code").asText()).isEqualTo(json(none).at("/error/code").asText());
        }
        Agent agent = new Agent(site);
        agent.signIn("writer2@example.org", PASSWORD);
        assertThat(agent.get("/admin/articles/" + id).statusCode()).isEqualTo(agent.get("/admin/articles/" + missing).statusCode()).isEqualTo(404);
        agent.get("/admin/articles/new");
        assertThat(agent.post("/admin/articles/" + id, "title", "x", "body", "<p>x</p>", "version", "1", "action", "save").statusCode()).isEqualTo(404);
    }

    @Test
    void a_token_reads_the_drafts_its_account_may_edit_and_no_one_elses() {
        long draft = json(send("POST", "/api/v1/articles", writerToken, article("مسودة للقراءة", "draft"))).get("id").asLong();
        JsonNode mine = json(send("GET", "/api/v1/articles/" + draft, writerToken, null));
        assertThat(mine.get("status").asText()).isEqualTo(Article.DRAFT);
        assertThat(mine.get("version").asInt()).isEqualTo(1);
        assertThat(mine.get("title").asText()).isEqualTo("مسودة للقراءة");
        assertThat(send("GET", "/api/v1/articles/" + draft, editorToken, null).statusCode()).isEqualTo(200);
        HttpResponse<String> anonymous = send("GET", "/api/v1/articles/" + draft, null, null);
        assertThat(anonymous.statusCode()).as("readers never see drafts").isEqualTo(404);
        assertThat(send("GET", "/api/v1/articles/" + draft, "nashir_made_up", null).statusCode()).isEqualTo(401);
        long editorsDraft = json(send("POST", "/api/v1/articles", editorToken, article("مسودة المحرر", "draft"))).get("id").asLong();
        assertThat(send("GET", "/api/v1/articles/" + editorsDraft, writerToken, null).statusCode()).as("another's draft does not exist for a writer").isEqualTo(404);
        assertThat(send("GET", "/api/v1/articles/" + draft, writerToken, null).headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void scheduling_takes_an_instant_with_its_offset() {
        String body = JSON.createObjectNode().put("title", "خبر مجدول").put("body_html", "<p>نص</p>").put("section", "سياسة")
            .put("status", "scheduled").put("publish_at", "2026-12-24T09:30:00+02:00").toString();
        HttpResponse<String> r = send("POST", "/api/v1/articles", editorToken, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Article a = site.nashir.articles.findById(json(r).get("id").asLong()).orElseThrow();
        assertThat(a.status()).isEqualTo(Article.SCHEDULED);
        assertThat(a.publishedAt()).isEqualTo(java.time.Instant.parse("2026-12-24T07:30:00Z"));
    }

    @Test
    void missing_bad_and_revoked_tokens_are_refused_and_a_flood_is_slowed() throws Exception {
        HttpResponse<String> none = send("POST", "/api/v1/articles", null, article("بلا مفتاح", "draft"));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json(none).at("/error/code").asText()).isEqualTo("unauthorized");
        assertThat(send("POST", "/api/v1/articles", "nashir_guessed", article("تخمين", "draft")).statusCode()).isEqualTo(401);

        String token = tokenFor(Role.ADMIN);
        assertThat(send("POST", "/api/v1/articles", token, article("قبل الإلغاء", "draft")).statusCode()).isEqualTo(201);
        long tokenId = site.nashir.tokens.listFor(site.nashir.accounts.findByEmail("admin@example.org").orElseThrow().id()).getFirst().id();
        assertThat(site.nashir.tokens.revoke(site.nashir.accounts.findByEmail("admin@example.org").orElseThrow().id(), tokenId)).isTrue();
        assertThat(send("POST", "/api/v1/articles", token, article("بعد الإلغاء", "draft")).statusCode()).isEqualTo(401);

        int last = 0;
        for (int i = 0; i < ApiDoor.FAILURES_ALLOWED + 2; i++) last = send("POST", "/api/v1/articles", "nashir_x" + i, "{}").statusCode();
        assertThat(last).isEqualTo(429);
        site.clock.advance(ApiDoor.FAILURE_WINDOW.plusSeconds(1));
        assertThat(send("POST", "/api/v1/articles", editorToken, article("بعد المهلة", "draft")).statusCode()).isEqualTo(201);
    }

    @Test
    void bad_requests_get_json_errors_naming_the_fields() {
        record Case(String body, int status, String code, String field) {}
        for (Case c : new Case[] {
            new Case("not json", 400, "bad_json", null),
            new Case("[1, 2]", 400, "bad_json", null),
            new Case("{\"body_html\": \"<p>نص</p>\", \"section\": \"سياسة\"}", 422, "invalid_article", "title"),
            new Case("{\"title\": \"عنوان\", \"section\": \"سياسة\"}", 422, "invalid_article", "body_html"),
            new Case("{\"title\": \"عنوان\", \"body_html\": \"<p>نص</p>\", \"section\": \"لا-يوجد\"}", 422, "invalid_article", "section"),
            new Case("{\"title\": 5, \"body_html\": \"<p>نص</p>\", \"section\": \"سياسة\"}", 422, "invalid_article", "title"),
            new Case("{\"title\": \"عنوان\", \"body_html\": \"<p>نص</p>\", \"section\": \"سياسة\", \"colour\": \"أحمر\"}", 422, "invalid_article", "colour"),
            new Case("{\"title\": \"عنوان\", \"body_html\": \"<p>نص</p>\", \"section\": \"سياسة\", \"status\": \"live\"}", 422, "invalid_article", "status"),
            new Case("{\"title\": \"عنوان\", \"body_html\": \"<p>نص</p>\", \"section\": \"سياسة\", \"tags\": \"واحد\"}", 422, "invalid_article", "tags"),
            new Case("{\"title\": \"عنوان\", \"body_html\": \"<p>نص</p>\", \"section\": \"سياسة\", \"status\": \"scheduled\", \"publish_at\": \"غداً\"}", 422, "invalid_article", "publish_at"),
            new Case("{\"title\": \"" + "ع".repeat(301) + "\", \"body_html\": \"<p>نص</p>\", \"section\": \"سياسة\"}", 422, "invalid_article", "title")}) {
            HttpResponse<String> r = send("POST", "/api/v1/articles", editorToken, c.body());
            assertThat(r.statusCode()).as(c.body() + " → " + r.body()).isEqualTo(c.status());
            JsonNode e = json(r).get("error");
            assertThat(e.get("code").asText()).as(c.body()).isEqualTo(c.code());
            assertThat(e.get("message").asText()).as("Arabic message").matches(".*[\\u0600-\\u06FF].*");
            assertThat(e.get("message_en").asText()).isNotBlank();
            if (c.field() != null) assertThat(e.at("/fields/" + c.field()).asText()).as(c.body()).matches(".*[\\u0600-\\u06FF0-9].*");
        }
        assertThat(send("PUT", "/api/v1/articles/abc", editorToken, "{}").statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/api/v1/articles/999999", editorToken, article("لا يوجد", "draft")).statusCode()).isEqualTo(404);
        HttpResponse<String> noVersion = send("POST", "/api/v1/articles/1/publish", editorToken, "{}");
        assertThat(noVersion.statusCode()).isIn(404, 422);
        assertThat(noVersion.body()).contains("\"code\"");
    }

    @Test
    void tags_and_authors_are_listed() {
        send("POST", "/api/v1/articles", editorToken, JSON.createObjectNode().put("title", "خبر بتوقيع").put("body_html", "<p>نص</p>")
            .put("section", "سياسة").put("status", "published").<com.fasterxml.jackson.databind.node.ObjectNode>set("bylines", JSON.createArrayNode().add("سلمى حداد"))
            .set("tags", JSON.createArrayNode().add("اقتصاد")).toString());
        JsonNode tags = json(site.get("/api/v1/tags"));
        assertThat(tags.get("items").findValuesAsText("name")).contains("اقتصاد");
        assertThat(json(site.get("/api/v1/tags?limit=0")).at("/error/code").asText()).isEqualTo("bad_limit");
        JsonNode authors = json(site.get("/api/v1/authors"));
        assertThat(authors.get("items").findValuesAsText("name")).contains("سلمى حداد");
    }

    /** Issue 10: bylines travel as a list, never joined and split again, so a name may hold a comma. */
    @Test
    void a_byline_name_may_hold_a_comma() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/articles", editorToken, JSON.createObjectNode().put("title", "خبر بتوقيع مركّب")
            .put("body_html", "<p>نص</p>").put("section", "سياسة").put("status", "published")
            .<com.fasterxml.jackson.databind.node.ObjectNode>set("bylines", JSON.createArrayNode().add("مكتب دمشق، قسم الأخبار").add("Smith, John"))
            .toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).get("id").asLong();
        JsonNode article = json(site.get("/api/v1/articles/" + id));
        assertThat(article.get("bylines").findValuesAsText("name")).containsExactly("مكتب دمشق، قسم الأخبار", "Smith, John");
    }
}
