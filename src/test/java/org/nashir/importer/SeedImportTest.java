package org.nashir.importer;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nashir.article.Article;
import org.nashir.article.Byline;
import org.nashir.storage.Dialect;
import org.nashir.testing.Shared;
import org.nashir.testing.TestSite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 2: importing the seed page rebuilds its article exactly, once. */
class SeedImportTest {
    static final String TITLE = "لافروف: التحالف يقصف داعش في سورية برأفة.. وسائل إعلام: الطائرات الفرنسية تقصف مواقع خالية في الرقة للمرة الثانية";

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void importing_the_seed_page_rebuilds_its_article_exactly_and_only_once(Dialect dialect, @TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(Shared.seed());
        // The body as the page shows it: the non-empty lines before the metadata bullets.
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> expectedParagraphs = Arrays.stream(text.substring(0, text.indexOf("  •")).split("\n"))
            .filter(l -> !l.isBlank()).toList();
        assertThat(expectedParagraphs).hasSize(8);

        try (TestSite site = TestSite.create(dialect, dir, java.util.Map.of())) {
            Importing importing = new Importing(site.nashir.imports, ZoneId.of("Asia/Damascus"));
            Importing.Outcome first = importing.importText("massa-2015-11-16.txt", bytes, "أرشيف");
            assertThat(first.problems()).isEmpty();
            Article a = site.nashir.articles.findById(first.articleId()).orElseThrow();
            assertThat(a.title()).isEqualTo(TITLE);
            assertThat(a.publishedAt().atZone(ZoneId.of("Asia/Damascus")).toLocalDate()).hasToString("2015-11-16");
            assertThat(a.viewCount()).isEqualTo(10056);
            assertThat(a.label()).isEqualTo("من الأرشيف");
            assertThat(a.sourceName()).isEqualTo("الماسة السورية");
            assertThat(a.status()).isEqualTo(Article.PUBLISHED);
            assertThat(site.nashir.articles.listBylines(a.id())).extracting(Byline::name, Byline::desk).containsExactly(org.assertj.core.groups.Tuple.tuple("فريق ماسة", true));
            List<String> stored = Jsoup.parseBodyFragment(a.body()).select("p").stream().map(p -> p.wholeText()).toList();
            assertThat(stored).containsExactlyElementsOf(expectedParagraphs);

            Importing.Outcome again = importing.importText("copy-of-seed.txt", bytes, "أرشيف");
            assertThat(again.existed()).isTrue();
            assertThat(again.articleId()).isEqualTo(first.articleId());
            assertThat(site.nashir.articles.listLatest(10, 0).total()).isEqualTo(1);
        }
    }
}
