package org.nashir.cli;

import org.nashir.Nashir;
import org.nashir.search.SearchIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code reindex}: builds a fresh search index from the database beside the current one and switches to it; a
 * running site keeps answering from the old index until the switch, then follows and replays what changed meanwhile.
 */
@Command(name = "reindex", description = "أعد بناء فهرس البحث من قاعدة البيانات")
public final class ReindexCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Override
    public Integer call() {
        try (Nashir nashir = new Nashir(site.batchSettings(), Clock.systemUTC())) {
            long started = System.nanoTime();
            long count = SearchIndex.rebuild(nashir.settings.dataDir().resolve("index"), nashir.articles, nashir.changes);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("فُهرس %d مقالاً في %.1f ثانية (%.0f مقالاً في الثانية).%n", count, seconds, count / Math.max(seconds, 0.001));
        }
        return 0;
    }
}
