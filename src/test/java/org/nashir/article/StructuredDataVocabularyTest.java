package org.nashir.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nashir.account.Account;
import org.nashir.account.Role;
import org.nashir.testing.Shared;
import org.nashir.testing.TestSite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: the article page's JSON-LD for every kind of piece, with a correction, uses only schema.org types that
 * exist and properties that apply to the type they sit on (schema.org release 30.0 from {@code ../shared}).
 */
class StructuredDataVocabularyTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** schema.org's types with their direct superclasses, and its properties with the types they apply to. */
    record Vocabulary(Map<String, Set<String>> supertypes, Map<String, Set<String>> domains) {
        static Vocabulary read(Path file) throws IOException {
            JsonNode root = JSON.readTree(file.toFile());
            return new Vocabulary(sets(root.get("types")), sets(root.get("properties")));
        }

        private static Map<String, Set<String>> sets(JsonNode node) {
            Map<String, Set<String>> out = new java.util.HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                var e = it.next();
                Set<String> values = new HashSet<>();
                e.getValue().forEach(v -> values.add(v.asText()));
                out.put(e.getKey(), values);
            }
            return out;
        }

        Set<String> ancestorsOf(String type) {
            Set<String> out = new HashSet<>();
            List<String> todo = new ArrayList<>(List.of(type));
            while (!todo.isEmpty()) {
                String t = todo.removeLast();
                if (out.add(t)) todo.addAll(supertypes.getOrDefault(t, Set.of()));
            }
            return out;
        }

        /** Every problem in one JSON-LD node and the nodes inside it. */
        void check(JsonNode node, String where, List<String> problems) {
            if (node.isArray()) {
                for (JsonNode n : node) check(n, where, problems);
                return;
            }
            if (!node.isObject() || !node.has("@type")) return;
            String type = "schema:" + node.get("@type").asText();
            if (!supertypes.containsKey(type)) {
                problems.add(where + ": no type " + type);
                return;
            }
            Set<String> ancestors = ancestorsOf(type);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().startsWith("@")) continue;
                Set<String> domain = domains.get("schema:" + e.getKey());
                if (domain == null) problems.add(where + ": no property " + e.getKey());
                else if (domain.stream().noneMatch(ancestors::contains)) problems.add(where + ": " + e.getKey() + " does not apply to " + type);
                check(e.getValue(), where + "." + e.getKey(), problems);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ArticleKind.class)
    void every_kind_of_piece_is_described_with_real_types_and_properties(ArticleKind kind, @TempDir Path dir) throws Exception {
        Vocabulary vocabulary = Vocabulary.read(Shared.require("schemaorg/vocabulary-30.0.json"));
        try (TestSite site = TestSite.create(dir).start()) {
            site.nashir.sections.create("سياسة");
            long section = site.nashir.sections.listAll().getFirst().id();
            long accountId = site.nashir.accounts.create("e@example.org", "سلمى الحداد", Role.EDITOR, "كلمة-سر-طويلة-للمحرر");
            Account editor = site.nashir.accounts.findById(accountId).orElseThrow();
            long id = site.nashir.editing.create(new ArticleCommand("عنوان " + kind.arabic(), "", "ملخص قصير", "<p>نص المادة.</p>", List.of("سلمى الحداد"),
                "وكالة الأنباء", "https://example.org/source", section, List.of("وسم"), "", kind, null, null, ArticleCommand.Action.PUBLISH, 0), editor).id();
            site.nashir.corrections.add(id, CorrectionStore.CORRECTION, "صُحّح اسم المدينة.", editor);

            JsonNode ld = JSON.readTree(Jsoup.parse(site.get("/article/" + id).body()).select("script[type=application/ld+json]").first().data());
            assertThat(ld.get("@type").asText()).isEqualTo(kind.schemaType());
            assertThat(ld.at("/correction/0/@type").asText()).isEqualTo("CorrectionComment");
            List<String> problems = new ArrayList<>();
            vocabulary.check(ld, kind.code(), problems);
            assertThat(problems).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void the_check_finds_made_up_types_and_properties_on_the_wrong_type() throws Exception {
        Vocabulary vocabulary = Vocabulary.read(Shared.require("schemaorg/vocabulary-30.0.json"));
        List<String> problems = new ArrayList<>();
        vocabulary.check(JSON.readTree("""
            {"@type": "NewsArticle", "headline": "x", "coverageStartTime": "2026-01-01T00:00:00Z",
             "author": [{"@type": "Person", "name": "x", "articleBody": "y"}], "correction": [{"@type": "Correction", "text": "z"}]}"""), "t", problems);
        assertThat(problems).containsExactlyInAnyOrder("t: coverageStartTime does not apply to schema:NewsArticle",
            "t.author: articleBody does not apply to schema:Person", "t.correction: no type schema:Correction");
    }

    @org.junit.jupiter.api.Test
    void live_coverage_is_a_live_blog_posting_with_real_properties(@TempDir Path dir) throws Exception {
        Vocabulary vocabulary = Vocabulary.read(Shared.require("schemaorg/vocabulary-30.0.json"));
        try (TestSite site = TestSite.create(dir).start()) {
            long id = site.publish("محليات", "الانتخابات لحظة بلحظة", site.clock.instant().minusSeconds(3600));
            site.nashir.live.start(id, null);
            site.nashir.live.add(id, "فتحت مراكز الاقتراع أبوابها.", null, null);
            site.nashir.live.add(id, "نسبة المشاركة حتى الظهر ٣٢٪.", null, null);
            site.nashir.live.end(id, null);
            JsonNode ld = JSON.readTree(Jsoup.parse(site.get("/article/" + id).body()).select("script[type=application/ld+json]").first().data());
            assertThat(ld.get("@type").asText()).isEqualTo("LiveBlogPosting");
            assertThat(ld.get("liveBlogUpdate")).hasSize(2);
            assertThat(ld.has("coverageEndTime")).isTrue();
            List<String> problems = new ArrayList<>();
            vocabulary.check(ld, "live", problems);
            assertThat(problems).isEmpty();
        }
    }
}
