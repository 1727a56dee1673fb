package org.nashir.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.TestSite;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: when uncached anonymous work is saturated it is turned away first; cached reads and editors go on. */
class AdmissionTest {
    static final String SEARCH = "/search?q=%D8%A7%D9%86%D8%AA%D8%AE%D8%A7%D8%A8%D8%A7%D8%AA";

    @Test
    void searches_get_503_with_retry_after_while_pages_and_the_back_office_answer(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_SHED_CONCURRENCY", "1", "NASHIR_HTTP_THREADS", "16", "NASHIR_BACK_OFFICE_THREADS", "8")).start()) {
            site.publish("سياسة", "خبر عن الانتخابات", site.clock.instant());
            Admission admission = site.nashir.admission;
            // A slow search holds the only place for shed-first work.
            assertThat(admission.enter()).isTrue();
            try {
                var search = site.get(SEARCH);
                assertThat(search.statusCode()).isEqualTo(503);
                assertThat(search.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(search.body()).contains("الخادم مشغول").contains("انتظر بضع ثوانٍ");
                var api = site.get("/api/v1/search?q=x");
                assertThat(api.statusCode()).isEqualTo(503);
                assertThat(api.body()).contains("\"code\":\"overloaded\"");
                assertThat(site.get("/").statusCode()).as("pages are not shed").isEqualTo(200);
                assertThat(site.get("/admin/sign-in").statusCode()).as("the back office gets in").isEqualTo(200);
            } finally {
                admission.leave();
            }
            assertThat(site.get(SEARCH).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_flood_of_searches_is_refused_after_a_pause_that_holds_no_server_thread(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_SHED_CONCURRENCY", "1", "NASHIR_HTTP_THREADS", "16", "NASHIR_BACK_OFFICE_THREADS", "8")).start()) {
            site.publish("سياسة", "خبر عن الانتخابات", site.clock.instant());
            assertThat(site.get("/").statusCode()).isEqualTo(200);
            Admission admission = site.nashir.admission;
            assertThat(admission.enter()).isTrue();
            try (var readers = Executors.newVirtualThreadPerTaskExecutor()) {
                long start = System.nanoTime();
                // More searches than the server has threads: had each waited on a thread, the home page below would wait too.
                List<Future<HttpResponse<String>>> searches = new ArrayList<>();
                for (int i = 0; i < 40; i++) searches.add(readers.submit(() -> site.get(SEARCH)));
                Thread.sleep(200);
                assertThat(site.get("/").statusCode()).isEqualTo(200);
                assertThat(searches).as("the searches are still paused when the page has been served").noneMatch(Future::isDone);
                for (Future<HttpResponse<String>> f : searches) {
                    HttpResponse<String> r = f.get();
                    assertThat(r.statusCode()).isEqualTo(503);
                    assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
                    assertThat(r.body()).contains("الخادم مشغول");
                }
                assertThat(System.nanoTime() - start).as("refused after the pause").isGreaterThanOrEqualTo(Admission.PAUSE_MS * 1_000_000L);
            } finally {
                admission.leave();
            }
            assertThat(site.get(SEARCH).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_burst_waits_briefly_for_a_place_instead_of_being_refused() throws Exception {
        Admission admission = new Admission(1, 16, 8);
        assertThat(admission.enter()).isTrue();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Boolean> waiting = pool.submit(admission::enter);
            Thread.sleep(50);
            assertThat(admission.enter()).as("one waits already: the next is refused at once").isFalse();
            admission.leave();
            assertThat(waiting.get()).as("the one waiting got the place that came free").isTrue();
            admission.leave();
        }
    }

    @Test
    void with_no_place_to_render_a_cached_page_is_served_as_it_was_and_an_uncached_one_gets_503(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_PAGE_CACHE_SECONDS", "60", "NASHIR_HTTP_THREADS", "16", "NASHIR_BACK_OFFICE_THREADS", "8")).start()) {
            long old = site.publish("سياسة", "خبر قديم", site.clock.instant().minusSeconds(86_400));
            assertThat(site.get("/").body()).contains("خبر قديم");
            Admission admission = site.nashir.admission;
            int held = 0;
            while (admission.startRender()) held++;
            try {
                site.publish("سياسة", "خبر جديد", site.clock.instant());
                var home = site.get("/");
                assertThat(home.statusCode()).isEqualTo(200);
                assertThat(home.body()).as("the previous version, not a wait").contains("خبر قديم").doesNotContain("خبر جديد");
                var uncached = site.get("/article/" + old);
                assertThat(uncached.statusCode()).isEqualTo(503);
                assertThat(uncached.body()).contains("الخادم مشغول");
                // The page with a form's state in it is never kept: it is bound by the same places, not a way around.
                assertThat(site.get("/article/" + old + "?reply=1").statusCode()).isEqualTo(503);
                assertThat(site.get("/article/" + old + "?comment=pending").statusCode()).isEqualTo(503);
            } finally {
                for (int i = 0; i < held; i++) admission.endRender();
            }
            assertThat(site.get("/").body()).contains("خبر جديد");
            assertThat(site.get("/article/" + old).statusCode()).isEqualTo(200);
            assertThat(site.get("/article/" + old + "?comment=pending").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void public_uncached_work_leaves_the_back_offices_reserve() {
        Admission admission = new Admission(4, 16, 8);
        for (int i = 0; i < 4; i++) assertThat(admission.enter()).as("shed-first place " + i).isTrue();
        assertThat(admission.enter()).isFalse();
        for (int i = 0; i < 4; i++) assertThat(admission.startRender()).as("render place " + i).isTrue();
        assertThat(admission.startRender()).as("the ninth would take the reserve").isFalse();
    }

    @Test
    void the_common_pools_threads_run_at_normal_priority_even_when_a_shed_first_thread_starts_them() throws Exception {
        var pool = new java.util.concurrent.ForkJoinPool(1, new WebServer.CommonPoolThreads(), null, false);
        try {
            var seen = new java.util.concurrent.atomic.AtomicInteger();
            Thread shedFirst = new Thread(() -> seen.set(pool.submit(() -> Thread.currentThread().getPriority()).join()));
            shedFirst.setPriority(Thread.MIN_PRIORITY);
            shedFirst.start();
            shedFirst.join();
            assertThat(seen.get()).isEqualTo(Thread.NORM_PRIORITY);
        } finally {
            pool.shutdownNow();
        }
    }
}
