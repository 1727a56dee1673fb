package org.nashir.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.account.Role;
import org.nashir.web.Route;
import org.nashir.testing.TestSite;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/openapi.json} describes exactly the API the server has: the same operations as the route table,
 * and for each one a real request answers with a documented status and a body that fits the documented schema,
 * both when it succeeds and when it is refused.
 */
class OpenApiTest {
    @TempDir
    static Path dir;
    static TestSite site;
    static JsonNode doc;
    static String token;
    static long article;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.create(dir).start();
        article = site.publish("سياسة", "الانتخابات البلدية", site.clock.instant().minusSeconds(3600), "نص عن الانتخابات.");
        long editor = site.nashir.accounts.create("editor@example.org", "محررة", Role.EDITOR, "a-long-enough-password");
        token = site.nashir.tokens.create(editor, "اختبار");
        site.nashir.live.start(article, null);
        HttpResponse<String> r = site.get("/api/v1/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        doc = JSON.readTree(r.body());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static Set<String> documented() {
        Set<String> out = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            var p = paths.next();
            for (Iterator<String> m = p.getValue().fieldNames(); m.hasNext(); ) {
                String method = m.next();
                if (!method.equals("parameters")) out.add(method.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey());
            }
        }
        return out;
    }

    @Test
    void the_document_lists_exactly_the_operations_the_server_has() {
        Set<String> served = new HashSet<>();
        for (Route r : site.nashir.routes().under("/api/")) served.add(r.method() + " " + r.path());
        assertThat(documented()).containsExactlyInAnyOrderElementsOf(served);
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo(site.nashir.settings.baseUrl());
    }

    @Test
    void every_operation_answers_as_documented_when_it_works_and_when_it_is_refused() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String op : documented()) {
            String method = op.substring(0, op.indexOf(' ')), template = op.substring(op.indexOf(' ') + 1);
            JsonNode operation = doc.get("paths").get(template).get(method.toLowerCase(java.util.Locale.ROOT));
            String path = template.equals("/api/v1/ticker/{id}") ? "/api/v1/ticker/" + freshTickerLine()
                : template.replace("{id}", Long.toString(article)).replace("{entry}", Long.toString(freshEntry())).replace("{article}", Long.toString(freshPin()));
            // Secured: a token is required (an operation listing {} among its options also answers without one).
            boolean secured = operation.has("security") && !operation.get("security").toString().contains("{}");
            // A working request: required query parameters from their examples, a valid body, the token where needed.
            String query = "";
            for (JsonNode p : operation.path("parameters")) {
                if (p.path("required").asBoolean() && p.get("in").asText().equals("query")) query = "?" + p.get("name").asText() + "=" + java.net.URLEncoder.encode(p.get("example").asText(), "UTF-8");
            }
            String body = method.equals("GET") ? null : validBody(template);
            HttpResponse<String> ok = ApiWriteTest.send(site, method, path + query, secured ? token : null, body);
            check(problems, op, operation, ok, true);
            // A refused one: without the token for writes; a parameter out of range for reads that take one.
            if (secured) {
                check(problems, op + " without a token", operation, ApiWriteTest.send(site, method, path, null, body), false);
                if (operation.has("requestBody")) {
                    check(problems, op + " with a bad body", operation, ApiWriteTest.send(site, method, path, token, "{\"title\": 1}"), false);
                }
            } else if (operation.has("security")) {
                check(problems, op + " with a revoked or made-up token", operation, ApiWriteTest.send(site, method, path, "nashir_made_up", body), false);
            } else if (operation.toString().contains("\"limit\"")) {
                check(problems, op + " with limit=0", operation, ApiWriteTest.send(site, method, path + (query.isEmpty() ? "?" : query + "&") + "limit=0", null, null), false);
            }
        }
        assertThat(problems).isEmpty();
    }

    /** A ticker line, new for each operation (one of them takes it down). */
    private static long freshTickerLine() {
        return site.nashir.ticker.addLine("سطر للاختبار " + System.nanoTime(), null, site.clock.instant().plusSeconds(3600), null);
    }

    /** The article, pinned on the home page again for each operation (one of them unpins it). */
    private static long freshPin() {
        site.nashir.pins.pin("home", article, false, null, null);
        return article;
    }

    /** An entry of the article's live coverage, new for each operation (one of them deletes it). */
    private static long freshEntry() {
        return site.nashir.live.add(article, "تحديث للاختبار " + System.nanoTime(), null, null);
    }

    private static String validBody(String template) {
        ObjectNode b = JSON.createObjectNode();
        if (template.endsWith("/live/coverage")) return b.put("live", true).toString();
        if (template.contains("/live")) return b.put("text", "تحديث جديد من الواجهة البرمجية").toString();
        if (template.endsWith("/corrections")) return b.put("kind", "update").put("text", "أضيفت تفاصيل جديدة.").toString();
        if (template.equals("/api/v1/ticker")) return b.put("text", "عاجل من الواجهة البرمجية").put("hours", 1).toString();
        if (template.equals("/api/v1/pins")) return b.put("article_id", article).put("scope", "home").toString();
        if (template.endsWith("/publish")) return b.put("version", site.nashir.articles.findById(article).orElseThrow().version()).toString();
        b.put("title", "خبر من وثيقة الواجهة").put("body_html", "<p>نص</p>").put("section", site.nashir.sections.listAll().getFirst().slug());
        if (template.endsWith("{id}")) b.put("version", site.nashir.articles.findById(article).orElseThrow().version());
        return b.toString();
    }

    private static void check(List<String> problems, String what, JsonNode operation, HttpResponse<String> r, boolean shouldSucceed) throws Exception {
        JsonNode response = operation.get("responses").get(Integer.toString(r.statusCode()));
        if (response == null) {
            problems.add(what + ": status " + r.statusCode() + " is not documented (" + r.body() + ")");
            return;
        }
        if (shouldSucceed != (r.statusCode() < 300)) problems.add(what + ": unexpected " + r.statusCode() + " " + r.body());
        response = resolve(response);
        JsonNode schema = response.at("/content/application~1json/schema");
        if (schema.isMissingNode()) return;
        validate(JSON.readTree(r.body()), schema, what, problems);
    }

    static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) node = doc.at(node.get("$ref").asText().substring(1));
        return node;
    }

    /** The parts of JSON Schema the document uses: $ref, allOf, type (with null), required, properties, items, enum. */
    static void validate(JsonNode value, JsonNode schema, String where, List<String> problems) {
        schema = resolve(schema);
        for (JsonNode part : schema.path("allOf")) validate(value, part, where, problems);
        JsonNode type = schema.get("type");
        if (type != null) {
            List<String> types = new ArrayList<>();
            if (type.isArray()) type.forEach(t -> types.add(t.asText())); else types.add(type.asText());
            String actual = value.isNull() ? "null" : value.isIntegralNumber() ? "integer" : value.isNumber() ? "number" : value.isTextual() ? "string"
                : value.isBoolean() ? "boolean" : value.isArray() ? "array" : "object";
            if (!types.contains(actual) && !(actual.equals("integer") && types.contains("number"))) {
                problems.add(where + ": " + value + " is " + actual + ", documented " + types);
                return;
            }
        }
        if (schema.has("enum") && !schema.get("enum").toString().contains(value.toString())) problems.add(where + ": " + value + " not in " + schema.get("enum"));
        if (value.isObject()) {
            for (JsonNode req : schema.path("required")) if (!value.has(req.asText())) problems.add(where + ": missing " + req.asText() + " in " + value);
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                var p = it.next();
                if (value.has(p.getKey())) validate(value.get(p.getKey()), p.getValue(), where + "." + p.getKey(), problems);
            }
        }
        if (value.isArray() && schema.has("items")) for (JsonNode item : value) validate(item, schema.get("items"), where + "[]", problems);
    }
}
