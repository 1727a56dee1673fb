package org.nashir.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nashir.account.Role;
import org.nashir.article.Article;
import org.nashir.article.BodyHtml;
import org.nashir.article.NewArticle;
import org.nashir.storage.Dialect;
import org.nashir.testing.Agent;
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

/** Issue 14: the spellings of one name meet in search; editors keep the list; tags of one name merge in one click. */
class NamesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static long tagged(TestSite site, String title, Instant at, String tag) {
        return site.nashir.imports.create(new NewArticle(title, null, null, BodyHtml.fromParagraphs(List.of("نص الخبر.")), List.of(), null, null,
            "سياسة", List.of(tag), null, Article.PUBLISHED, at, 0, null, null)).id();
    }

    static List<String> found(TestSite site, String q) {
        HttpResponse<String> r = site.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        try {
            return JSON.readTree(r.body()).get("items").findValuesAsText("title");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void spellings_of_one_name_find_each_other_and_editors_keep_the_list(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            Instant t = site.clock.instant().minus(Duration.ofHours(3));
            tagged(site, "ترامب يلتقي ماكرون في باريس", t, "ترامب");
            tagged(site, "ترمب يعلن خطة جديدة للتجارة", t.plusSeconds(60), "ترمب");
            site.publish("سياسة", "كيسنجر يتحدث عن الصين", t.plusSeconds(120));

            // Seeded names: either spelling finds both, with clitics too; other words are untouched.
            assertThat(found(site, "ترمب")).containsExactlyInAnyOrder("ترامب يلتقي ماكرون في باريس", "ترمب يعلن خطة جديدة للتجارة");
            assertThat(found(site, "وترامب")).hasSize(2);
            assertThat(found(site, "ماكرن")).containsExactly("ترامب يلتقي ماكرون في باريس");
            assertThat(found(site, "كيسينغر")).as("not listed yet (two letters apart: no typo match either)").isEmpty();

            // An editor adds a name; search uses it at once.
            Agent editor = Agent.signedIn(site, "editor@example.org", Role.EDITOR);
            HttpResponse<String> saved = editor.post("/admin/names", "spellings", "كيسنجر، كيسينغر", "latin", "Henry Kissinger");
            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(found(site, "كيسينغر")).containsExactly("كيسنجر يتحدث عن الصين");
            // A spelling another name has, or a single spelling, is refused in Arabic with what was typed kept.
            HttpResponse<String> taken = editor.post("/admin/names", "spellings", "ترمب، ترومب", "latin", "");
            assertThat(taken.statusCode()).isEqualTo(422);
            Document page = Jsoup.parse(taken.body());
            assertThat(page.select("[role=alert]").text()).contains("مسجلة لاسم آخر");
            assertThat(page.select("#name-spellings").val()).isEqualTo("ترمب، ترومب");
            assertThat(editor.post("/admin/names", "spellings", "ترومب", "latin", "").statusCode()).isEqualTo(422);
            Agent writer = Agent.signedIn(site, "writer@example.org", Role.WRITER);
            assertThat(writer.post("/admin/names", "spellings", "أ، ب", "latin", "").statusCode()).as("editors only").isEqualTo(403);

            // A tag of a listed name shows its Latin form and other spellings, and search engines get them all.
            Document tagPage = Jsoup.parse(site.get("/tag/" + URLEncoder.encode("ترامب", StandardCharsets.UTF_8)).body());
            assertThat(tagPage.select("p.meta").first().text()).contains("Donald Trump").contains("ويُكتب أيضاً: ترمب");
            JsonNode ld = readLd(tagPage);
            assertThat(ld.get("@type").asText()).isEqualTo("CollectionPage");
            assertThat(ld.at("/about/alternateName").toString()).contains("ترمب").contains("Donald Trump");

            // The two tags are spellings of one name: one click merges them.
            Document names = Jsoup.parse(editor.get("/admin/names").body());
            var merge = names.select("form[action=/admin/tags/merge]").first();
            assertThat(merge).isNotNull();
            String target = merge.select("input[name=target]").val();
            List<String> fields = new java.util.ArrayList<>(List.of("target", target));
            for (var m : merge.select("input[name=merge]")) fields.addAll(List.of("merge", m.val()));
            assertThat(editor.post("/admin/tags/merge", fields.toArray(String[]::new)).statusCode()).isEqualTo(303);
            assertThat(site.nashir.articles.listTagUse()).filteredOn(u -> u.articles() > 0).hasSize(1);

            // Changing a name: a third spelling and its Latin form.
            long kissinger = site.nashir.names.list().stream().filter(e -> "Henry Kissinger".equals(e.latin())).findFirst().orElseThrow().id();
            assertThat(editor.post("/admin/names/" + kissinger, "spellings", "كيسنجر، كيسينغر، كيسينجير", "latin", "Henry A. Kissinger").statusCode()).isEqualTo(303);
            assertThat(found(site, "كيسينجير")).containsExactly("كيسنجر يتحدث عن الصين");
            assertThat(editor.post("/admin/names/" + kissinger, "spellings", "كيسنجر، ترامب", "latin", "").statusCode()).as("another name's spelling").isEqualTo(422);
            assertThat(site.nashir.names.list()).anyMatch(e -> "Henry A. Kissinger".equals(e.latin()) && e.spellings().size() == 3);

            // A name that is not there is a 404 in Arabic, not an error; control characters pasted in are dropped.
            HttpResponse<String> missing = editor.post("/admin/names/999999", "spellings", "أ ب، ت ث", "latin", "");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(Jsoup.parse(missing.body()).text()).contains("لا يوجد اسم");
            assertThat(editor.post("/admin/names", "spellings", "هولاند\u0007، أولاند\u200F", "latin", "François\u0000 Hollande").statusCode()).isEqualTo(303);
            assertThat(site.nashir.names.list()).anyMatch(e -> "François Hollande".equals(e.latin()) && e.spellings().containsAll(List.of("هولاند", "أولاند")));

            // Deleting the name: the spellings part again.
            assertThat(editor.post("/admin/names/" + kissinger + "/delete").statusCode()).isEqualTo(303);
            assertThat(found(site, "كيسينغر")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void the_sites_own_titles_propose_spellings_that_may_be_one_name(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            Instant t = site.clock.instant().minus(Duration.ofDays(1));
            for (int i = 0; i < 3; i++) {
                site.publish("سياسة", "ستيفنسون يزور المنطقة رقم " + i, t.plusSeconds(i));
                site.publish("سياسة", "لقاء مع ستيفنسن في العاصمة رقم " + i, t.plusSeconds(10 + i));
                // A common noun that differs by a long vowel too, but takes the article: not proposed.
                site.publish("سياسة", "المدارس تفتح أبوابها رقم " + i, t.plusSeconds(20 + i));
                site.publish("سياسة", "المدرس يعود رقم " + i, t.plusSeconds(30 + i));
                // One letter apart, never the article, but in different company: not proposed.
                site.publish("رياضة", "فريق سانتوس يفوز بالكأس", t.plusSeconds(40 + i));
                site.publish("اقتصاد", "شركة سانتس للبرمجيات تطلق منتجا", t.plusSeconds(50 + i));
            }
            Agent editor = Agent.signedIn(site, "editor@example.org", Role.EDITOR);
            Document page = Jsoup.parse(editor.get("/admin/names").body());
            List<String> proposed = page.select("input[name=spellings][type=hidden]").eachAttr("value");
            assertThat(proposed).anyMatch(p -> p.contains("ستيفنسون") && p.contains("ستيفنسن"));
            assertThat(proposed).noneMatch(p -> p.contains("مدارس") || p.contains("مدرس"));
            assertThat(proposed).noneMatch(p -> p.contains("سانتوس"));
            // Accepting is one click: the pair becomes a name.
            String pair = proposed.stream().filter(p -> p.contains("ستيفنسون")).findFirst().orElseThrow();
            assertThat(editor.post("/admin/names", "spellings", pair).statusCode()).isEqualTo(303);
            assertThat(found(site, "ستيفنسن")).hasSize(6);
        }
    }

    static JsonNode readLd(Document page) {
        try {
            return JSON.readTree(page.select("script[type=application/ld+json]").first().data());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
