package org.nashir.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.article.Article;
import org.nashir.testing.Corpus;
import org.nashir.testing.WxrFile;
import org.nashir.testing.Shared;
import org.nashir.testing.TestSite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WordPress export of 5,000 real articles (the ANT corpus from ../shared, read in place) imports with titles,
 * dates, sections and tags as in the source, and a second run adds nothing. Runs where ../shared is given (CI).
 */
class WxrCorpusTest {
    static final int POSTS = 5_000;

    @Test
    void five_thousand_real_articles_import_as_they_were_and_only_once(@TempDir Path dir) throws IOException {
        Path source = Shared.require("data/ant-multisource-v2.1/ant_multisource_v2.1.jsonl.gz");
        List<Corpus.Doc> docs = Corpus.read(source).subList(0, POSTS);
        Path file = dir.resolve("corpus.xml");
        WxrFile.write(file, POSTS, i -> post(docs.get(i - 1)));
        // Not started, as the import command runs: the server's index catches up from the change feed later.
        try (TestSite site = TestSite.create(dir.resolve("site"))) {
            WxrImport.Report r = WxrImportTest.importer(site).run(file, null, n -> { });
            assertThat(r.problems).isEmpty();
            assertThat(r.imported).isEqualTo(POSTS);

            Map<String, Long> byKey = site.nashir.db.jdbi().withHandle(h -> h.createQuery("SELECT import_key, id FROM article")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list()).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(byKey).hasSize(POSTS);
            for (int i = 1; i <= POSTS; i += 97) {
                WxrFile.Post p = post(docs.get(i - 1));
                Article a = site.nashir.articles.findById(byKey.get("wxr:http://corpus.example.org#" + i)).orElseThrow();
                assertThat(a.title()).isEqualTo(p.title().strip());
                assertThat(a.publishedAt()).isEqualTo(p.published());
                assertThat(site.nashir.sections.listAll()).filteredOn(sec -> sec.id() == a.sectionId()).singleElement()
                    .satisfies(sec -> assertThat(sec.name()).isEqualTo(p.category()));
                assertThat(site.nashir.articles.listTags(a.id())).extracting(t -> t.name()).containsExactlyInAnyOrderElementsOf(p.tags());
            }

            WxrImport.Report again = WxrImportTest.importer(site).run(file, null, n -> { });
            assertThat(again.imported).isZero();
            assertThat(again.existed).isEqualTo(POSTS);
            assertThat(site.nashir.articles.listForBackOffice(null, null, POSTS + 10)).hasSize(POSTS);
        }
    }

    static WxrFile.Post post(Corpus.Doc d) {
        String section = Corpus.section(d);
        return new WxrFile.Post(d.title(), d.text(), section, List.of(section + " عاجل", "ANT"), Corpus.published(d));
    }
}
