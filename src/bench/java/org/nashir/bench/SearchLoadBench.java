package org.nashir.bench;

import org.nashir.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.nashir.Nashir;
import org.nashir.config.Settings;
import org.nashir.article.Article;
import org.nashir.article.BodyHtml;
import org.nashir.article.NewArticle;
import org.nashir.search.SearchIndex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Prepares the search latency benchmark: imports the ANT corpora into a fresh data folder through the real write
 * path, rebuilds the search index from the database (the build rate is the figure the issue asks for), and writes
 * the queries wrk will send. {@code bench/search-latency.sh} runs it, then serves that folder and measures.
 */
class SearchLoadBench {
    @Test
    void prepare() throws IOException {
        Path data = Path.of(System.getProperty("nashir.bench.data", "target/bench-data"));
        List<Corpus.Doc> docs = Corpus.all();
        // With nashir.bench.dbUrl the articles go to that database (PostgreSQL for bench/new-node.sh), else to SQLite in data.
        Map<String, String> env = new java.util.HashMap<>(Map.of("NASHIR_DATA_DIR", data.toString()));
        String dbUrl = System.getProperty("nashir.bench.dbUrl", "");
        if (!dbUrl.isEmpty()) env.putAll(Map.of("NASHIR_DB_URL", dbUrl, "NASHIR_DB_USER", System.getProperty("nashir.bench.dbUser", "nashir")));
        try (Nashir nashir = new Nashir(Settings.load(env, Map.of()), Clock.systemUTC())) {
            long have = nashir.articles.listLatest(1, 0).total();
            if (have < docs.size() / 2) {
                long t0 = System.nanoTime();
                int n = 0;
                for (Corpus.Doc d : docs) {
                    Instant at = Corpus.published(d);
                    nashir.imports.create(new NewArticle(d.title(), null, null,
                        BodyHtml.fromParagraphs(Arrays.stream(d.text().split("\n")).filter(p -> !p.isBlank()).toList()), List.of(),
                        null, null, Corpus.section(d), List.of(), null, Article.PUBLISHED, at, 0, null, "ant:" + d.id()));
                    if (++n % 5000 == 0) System.out.printf(Locale.ROOT, "imported %d articles%n", n);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "import: %d articles in %.1f s = %.0f articles/s (one transaction each, synchronous=FULL)%n", n, s, n / s);
            }
            long t0 = System.nanoTime();
            long count = SearchIndex.rebuild(data.resolve("index"), nashir.articles, nashir.changes);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "index build: %d articles in %.1f s = %.0f articles/s%n", count, s, count / s);
        }
        // Queries as readers type them: two to four words of real titles, some with the usual spelling variants.
        Random r = new Random(7);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String[] words = docs.get(r.nextInt(docs.size())).title().split("\\s+");
            int from = r.nextInt(Math.max(1, words.length - 2));
            String q = String.join(" ", Arrays.copyOfRange(words, from, Math.min(words.length, from + 2 + r.nextInt(3))));
            if (i % 3 == 0) q = q.replaceAll("[أإآ]", "ا").replace('ة', 'ه');
            queries.add("/api/v1/search?limit=10&q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        Files.write(data.resolve("queries.txt"), queries, StandardCharsets.UTF_8);
    }
}
