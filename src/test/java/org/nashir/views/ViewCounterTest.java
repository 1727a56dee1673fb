package org.nashir.views;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nashir.article.Teaser;
import org.nashir.storage.Dialect;
import org.nashir.testing.TestSite;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ViewCounterTest {
    static final String UA = TestSite.BROWSER_UA;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void concurrent_views_and_flushes_lose_nothing_and_count_nothing_twice(Dialect dialect, @TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dialect, dir, Map.of())) {
            Instant t = site.clock.instant().minus(Duration.ofHours(1));
            long[] ids = {site.publish("سياسة", "أ", t), site.publish("سياسة", "ب", t), site.publish("رياضة", "ج", t)};
            ViewCounter counter = site.nashir.views;
            int threads = 16, perThread = 2_000;
            AtomicLong counted = new AtomicLong();
            AtomicBoolean done = new AtomicBoolean();
            CountDownLatch go = new CountDownLatch(1);
            try (ExecutorService pool = Executors.newFixedThreadPool(threads + 1)) {
                Future<?> flusher = pool.submit(() -> {
                    while (!done.get()) counter.flush();
                    return null;
                });
                List<Future<?>> readers = new ArrayList<>();
                for (int th = 0; th < threads; th++) {
                    int thread = th;
                    readers.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < perThread; i++) {
                            // Every view comes from a different visitor, so every one must count.
                            if (counter.record(ids[i % 3], "10.0." + thread + "." + i, UA)) counted.incrementAndGet();
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> r : readers) r.get();
                done.set(true);
                flusher.get();
            }
            counter.flush();
            assertThat(counted.get()).isEqualTo((long) threads * perThread);
            long total = 0, daily = 0;
            long today = Math.floorDiv(site.clock.millis(), 86_400_000L);
            for (long id : ids) {
                total += site.nashir.articles.findById(id).orElseThrow().viewCount();
                daily += site.nashir.viewStore.viewsOnDay(id, today);
            }
            assertThat(total).isEqualTo(counted.get());
            assertThat(daily).isEqualTo(counted.get());
            assertThat(counter.pendingViews()).isZero();
        }
    }

    @Test
    void a_visitor_rereading_within_30_minutes_counts_once(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir)) {
            long id = site.publish("سياسة", "أ", site.clock.instant().minus(Duration.ofHours(1)));
            ViewCounter counter = site.nashir.views;
            assertThat(counter.record(id, "192.0.2.1", UA)).isTrue();
            assertThat(counter.record(id, "192.0.2.1", UA)).isFalse();
            site.clock.advance(Duration.ofMinutes(29));
            assertThat(counter.record(id, "192.0.2.1", UA)).isFalse();
            assertThat(counter.record(id, "192.0.2.2", UA)).isTrue();
            site.clock.advance(Duration.ofMinutes(2));
            assertThat(counter.record(id, "192.0.2.1", UA)).isTrue();
            counter.flush();
            assertThat(site.nashir.articles.findById(id).orElseThrow().viewCount()).isEqualTo(3);
        }
    }

    @Test
    void crawlers_previews_and_unknown_articles_are_not_counted(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir)) {
            long id = site.publish("سياسة", "أ", site.clock.instant().minus(Duration.ofHours(1)));
            long draft = site.nashir.imports.create(new org.nashir.article.NewArticle("مسودة", null, null, "<p>x</p>", List.of(), null, null,
                "سياسة", List.of(), null, org.nashir.article.Article.DRAFT, null, 0, null, null)).id();
            ViewCounter counter = site.nashir.views;
            for (String bot : List.of("Googlebot/2.1 (+http://www.google.com/bot.html)", "facebookexternalhit/1.1", "curl/8.5.0",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0 Safari/537.36", "", "WhatsApp/2.23")) {
                assertThat(counter.record(id, "198.51.100.7", bot)).as(bot).isFalse();
            }
            assertThat(counter.record(999_999, "198.51.100.7", UA)).isFalse();
            assertThat(counter.record(draft, "198.51.100.7", UA)).isFalse();
            assertThat(counter.pendingViews()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void most_read_lists_cover_the_last_day_and_the_last_week(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of())) {
            Instant t = site.clock.instant().minus(Duration.ofDays(10));
            long old = site.publish("سياسة", "قديم", t), fresh = site.publish("سياسة", "جديد", t), quiet = site.publish("سياسة", "هادئ", t);
            ViewCounter counter = site.nashir.views;
            // Three days ago: "old" is read a lot; today: "fresh" a little, "quiet" once.
            site.clock.advance(Duration.ofDays(-3));
            for (int i = 0; i < 10; i++) counter.record(old, "a" + i, UA);
            counter.flush();
            site.clock.advance(Duration.ofDays(3));
            for (int i = 0; i < 3; i++) counter.record(fresh, "b" + i, UA);
            counter.record(quiet, "c", UA);
            counter.flush();
            assertThat(site.nashir.viewStore.listMostRead(Duration.ofHours(24), 5)).extracting(Teaser::title).containsExactly("جديد", "هادئ");
            assertThat(site.nashir.viewStore.listMostRead(Duration.ofDays(7), 5)).extracting(Teaser::title).containsExactly("قديم", "جديد", "هادئ");
            site.clock.advance(Duration.ofDays(8));
            assertThat(site.nashir.viewStore.listMostRead(Duration.ofDays(7), 5)).isEmpty();
            assertThat(site.nashir.articles.findById(old).orElseThrow().viewCount()).isEqualTo(10);
        }
    }
}
