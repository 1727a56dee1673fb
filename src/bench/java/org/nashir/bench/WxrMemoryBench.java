package org.nashir.bench;

import org.nashir.testing.WxrFile;
import org.nashir.testing.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Prepares {@code bench/wxr-memory.sh}: a WordPress export of {@code nashir.bench.posts} posts (100,000 by default)
 * cycled from the ANT corpora, written to {@code nashir.bench.wxr}. The script then imports it with a small heap.
 */
class WxrMemoryBench {
    @Test
    void prepare() throws IOException {
        int posts = Integer.getInteger("nashir.bench.posts", 100_000);
        Path file = Path.of(System.getProperty("nashir.bench.wxr", "target/bench-wxr/export.xml"));
        Files.createDirectories(file.getParent());
        List<Corpus.Doc> docs = Corpus.all();
        WxrFile.write(file, posts, i -> {
            Corpus.Doc d = docs.get((i - 1) % docs.size());
            int round = (i - 1) / docs.size();
            // Later rounds are other posts with the same text: a day later each time, so titles and dates differ.
            return new WxrFile.Post(round == 0 ? d.title() : d.title() + " (" + (round + 1) + ")", d.text(), Corpus.section(d),
                List.of(Corpus.section(d) + " عاجل"), Corpus.published(d).plus(Duration.ofDays(round)));
        });
        System.out.printf("wrote %d posts to %s (%d MB)%n", posts, file, Files.size(file) >> 20);
    }
}
