package org.nashir.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 13: what readers get from the page cache when pages change, expire, or cannot be rendered. */
class PageCacheTest {
    static Supplier<byte[]> text(String s) {
        return () -> s.getBytes(StandardCharsets.UTF_8);
    }

    static String read(PageCache.Page p) {
        return new String(p.plain(), StandardCharsets.UTF_8);
    }

    @Test
    void a_change_is_seen_by_the_next_reader() {
        PageCache cache = new PageCache(60);
        assertThat(read(cache.get("/", text("v1")))).isEqualTo("v1");
        assertThat(read(cache.get("/", text("v2")))).as("fresh: not rendered again").isEqualTo("v1");
        cache.invalidateAll();
        assertThat(read(cache.get("/", text("v2")))).isEqualTo("v2");
    }

    @Test
    void when_rendering_fails_the_previous_version_is_served_and_health_is_told() {
        PageCache cache = new PageCache(60);
        cache.get("/", text("v1"));
        cache.invalidateAll();
        Supplier<byte[]> databaseDown = () -> { throw new IllegalStateException("database is down"); };
        assertThat(read(cache.get("/", databaseDown))).isEqualTo("v1");
        assertThat(cache.problem()).contains("database is down");
        // A page never rendered has nothing to fall back on: the failure is the answer.
        assertThatThrownBy(() -> cache.get("/other", databaseDown)).hasMessage("database is down");
        // Once the database is back, the page is rendered again.
        assertThat(read(cache.get("/", text("v2")))).isEqualTo("v2");
    }

    @Test
    void while_the_database_cannot_be_reached_no_reader_tries_a_render_until_a_probe_finds_it_back() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean databaseUp = new java.util.concurrent.atomic.AtomicBoolean(true);
        PageCache cache = new PageCache(60, Admission.UNLIMITED, databaseUp::get);
        cache.get("/", text("v1"));
        cache.get("/article/1", text("a1"));
        databaseUp.set(false);
        AtomicInteger tries = new AtomicInteger();
        Supplier<byte[]> unreachable = () -> {
            tries.incrementAndGet();
            throw new IllegalStateException("render", new java.sql.SQLTransientConnectionException("nashir-db - Connection is not available"));
        };
        cache.invalidateAll();
        assertThat(read(cache.get("/", unreachable))).isEqualTo("v1");
        assertThat(tries).as("the first reader found the database gone").hasValue(1);
        for (int i = 0; i < 20; i++) {
            assertThat(read(cache.get("/", unreachable))).isEqualTo("v1");
            assertThat(read(cache.get("/article/1", unreachable))).as("other pages too").isEqualTo("a1");
        }
        assertThat(tries).as("no reader waited on the database again").hasValue(1);
        assertThat(cache.problem()).contains("database cannot be reached");

        databaseUp.set(true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (read(cache.get("/", text("v2"))).equals("v1") && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(read(cache.get("/", text("v3")))).as("rendered again once the probe found the database").isEqualTo("v2");
        assertThat(cache.problem()).doesNotContain("database cannot be reached");
    }

    @Test
    void a_page_whose_answer_is_now_not_found_is_not_served_from_its_old_copy() {
        PageCache cache = new PageCache(60);
        cache.get("/article/1", text("article"));
        cache.invalidateAll();
        assertThatThrownBy(() -> cache.get("/article/1", () -> { throw new NotFound("unpublished", "error.article-not-found"); }))
            .isInstanceOf(NotFound.class);
        assertThat(read(cache.get("/article/1", text("back")))).isEqualTo("back");
    }

    @Test
    void while_one_reader_renders_a_changed_page_the_others_get_the_previous_version_at_once() throws Exception {
        PageCache cache = new PageCache(60);
        cache.get("/", text("v1"));
        cache.invalidateAll();
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        AtomicInteger renders = new AtomicInteger();
        Supplier<byte[]> slow = () -> {
            renders.incrementAndGet();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "v2".getBytes(StandardCharsets.UTF_8);
        };
        CompletableFuture<PageCache.Page> first = CompletableFuture.supplyAsync(() -> cache.get("/", slow));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 20; i++) assertThat(read(cache.get("/", slow))).isEqualTo("v1");
        release.countDown();
        assertThat(read(first.get(5, TimeUnit.SECONDS))).isEqualTo("v2");
        assertThat(renders.get()).as("one render for all those readers").isEqualTo(1);
        assertThat(read(cache.get("/", slow))).isEqualTo("v2");
    }

    @Test
    void readers_of_a_page_never_rendered_wait_for_one_render() throws Exception {
        PageCache cache = new PageCache(60);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger renders = new AtomicInteger();
        Supplier<byte[]> slow = () -> {
            renders.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "page".getBytes(StandardCharsets.UTF_8);
        };
        var readers = java.util.stream.IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> cache.get("/new", slow))).toList();
        Thread.sleep(200);
        release.countDown();
        for (var r : readers) assertThat(read(r.get(5, TimeUnit.SECONDS))).isEqualTo("page");
        assertThat(renders.get()).isEqualTo(1);
    }

    @Test
    void an_expired_page_is_rendered_again_by_one_reader_while_the_others_get_the_previous_version() throws Exception {
        PageCache cache = new PageCache(1);
        cache.get("/", text("v1"));
        Thread.sleep(Duration.ofMillis(1100));
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        Supplier<byte[]> slow = () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "v2".getBytes(StandardCharsets.UTF_8);
        };
        CompletableFuture<PageCache.Page> first = CompletableFuture.supplyAsync(() -> cache.get("/", slow));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(read(cache.get("/", text("v3")))).as("nobody else waits for the replacement").isEqualTo("v1");
        release.countDown();
        assertThat(read(first.get(5, TimeUnit.SECONDS))).isEqualTo("v2");
        assertThat(read(cache.get("/", text("v3")))).isEqualTo("v2");
    }

    @Test
    void a_change_during_a_render_leaves_that_render_out_of_date() throws Exception {
        PageCache cache = new PageCache(60);
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        CompletableFuture<PageCache.Page> first = CompletableFuture.supplyAsync(() -> cache.get("/", () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "before the change".getBytes(StandardCharsets.UTF_8);
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        cache.invalidateAll();
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertThat(read(cache.get("/", text("after the change")))).isEqualTo("after the change");
    }
}
