package org.nashir.article;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.account.Role;
import org.nashir.testing.Agent;
import org.nashir.testing.TestSite;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Renaming sections and tags keeps old addresses working; merging tags moves their articles. */
class TaxonomyTest {
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void a_renamed_section_redirects_its_old_address_and_the_navigation_follows_at_once(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            site.publish("منوعات", "خبر", site.clock.instant().minus(Duration.ofHours(1)));
            site.publish("رياضة", "مباراة", site.clock.instant().minus(Duration.ofHours(1)));
            site.nashir.accounts.create("editor@example.org", "محررة", Role.EDITOR, "a-long-enough-password");
            Agent editor = new Agent(site);
            editor.signIn("editor@example.org", "a-long-enough-password");
            editor.get("/admin/sections");
            assertThat(site.get("/").body()).contains(">منوعات<");
            long id = site.nashir.sections.findBySlug("منوعات").orElseThrow().id();

            assertThat(editor.post("/admin/sections/" + id, "name", "حياة ومجتمع").statusCode()).isEqualTo(303);
            HttpResponse<String> old = site.get("/section/" + enc("منوعات"));
            assertThat(old.statusCode()).isEqualTo(301);
            assertThat(old.headers().firstValue("Location")).hasValue("/section/" + enc("حياة-ومجتمع"));
            assertThat(site.get("/section/" + enc("حياة-ومجتمع")).statusCode()).isEqualTo(200);
            assertThat(site.get("/").body()).contains(">حياة ومجتمع<").doesNotContain(">منوعات<");

            assertThat(editor.post("/admin/sections/" + id, "name", "رياضة").statusCode()).isEqualTo(422);
            assertThat(editor.post("/admin/sections/" + id, "name", "   ").statusCode()).isEqualTo(422);
            assertThat(editor.post("/admin/sections/" + id + "/move", "direction", "down").statusCode()).isEqualTo(303);
            assertThat(site.nashir.sections.listAll()).extracting(Section::name).containsExactly("رياضة", "حياة ومجتمع");
        }
    }

    @Test
    void merging_tags_moves_their_articles_and_redirects_the_merged_tags(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            var t = site.clock.instant().minus(Duration.ofHours(1));
            long a = site.nashir.imports.create(new org.nashir.article.NewArticle("أ", null, null, "<p>x</p>", List.of(), null, null, "سياسة",
                List.of("الانتخابات"), null, "published", t, 0, null, null)).id();
            long b = site.nashir.imports.create(new org.nashir.article.NewArticle("ب", null, null, "<p>x</p>", List.of(), null, null, "سياسة",
                List.of("انتخابات", "الانتخابات"), null, "published", t, 0, null, null)).id();
            site.nashir.accounts.create("editor@example.org", "محررة", Role.EDITOR, "a-long-enough-password");
            Agent editor = new Agent(site);
            editor.signIn("editor@example.org", "a-long-enough-password");
            editor.get("/admin/tags");
            Tag keep = site.nashir.articles.findTag("الانتخابات").orElseThrow();
            Tag gone = site.nashir.articles.findTag("انتخابات").orElseThrow();
            assertThat(editor.post("/admin/tags/merge", "merge", Long.toString(gone.id()), "target", Long.toString(keep.id())).statusCode()).isEqualTo(303);
            assertThat(site.nashir.articles.listTags(a)).extracting(Tag::name).containsExactly("الانتخابات");
            assertThat(site.nashir.articles.listTags(b)).extracting(Tag::name).containsExactly("الانتخابات");
            HttpResponse<String> old = site.get("/tag/" + enc("انتخابات"));
            assertThat(old.statusCode()).isEqualTo(301);
            assertThat(old.headers().firstValue("Location")).hasValue("/tag/" + enc("الانتخابات"));
            assertThat(editor.post("/admin/tags/merge", "target", Long.toString(keep.id())).statusCode()).isEqualTo(422);
        }
    }
}
