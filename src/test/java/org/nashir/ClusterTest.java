package org.nashir;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.account.ApiDoor;
import org.nashir.account.Role;
import org.nashir.storage.Dialect;
import org.nashir.testing.Agent;
import org.nashir.testing.TestSite;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: three nodes of one site on one PostgreSQL with their media in one S3 bucket (s3proxy, a real S3 server),
 * as a balancer spreads a client's requests over them. Limits and view de-duplication are the site's, not each
 * node's; every node serves every picture and answers the same bytes.
 */
class ClusterTest {
    static final String PASSWORD = "a-long-enough-password";
    @TempDir
    static Path s3dir;
    static org.nashir.testing.S3Server s3;
    @TempDir
    Path dir;
    TestSite one;
    TestSite two;
    TestSite three;

    @org.junit.jupiter.api.BeforeAll
    static void startS3() throws Exception {
        s3 = org.nashir.testing.S3Server.start(s3dir);
    }

    @org.junit.jupiter.api.AfterAll
    static void stopS3() {
        s3.close();
    }

    @BeforeEach
    void start() {
        Map<String, String> common = new java.util.HashMap<>(s3.settings(s3.newBucket()));
        common.putAll(Map.of("NASHIR_SECRET_FILE", dir.resolve("secret.key").toString(), "NASHIR_SEARCHES_PER_MINUTE", "12",
            "NASHIR_DRAIN_SECONDS", "0", "NASHIR_FEED_POLL_MS", "60000"));
        one = TestSite.create(Dialect.POSTGRESQL, dir.resolve("one"), common).start();
        common.put("NASHIR_DB_URL", one.nashir.settings.dbUrl());
        two = TestSite.create(Dialect.POSTGRESQL, dir.resolve("two"), common).start();
        three = TestSite.create(Dialect.POSTGRESQL, dir.resolve("three"), common).start();
    }

    @AfterEach
    void stop() {
        three.close();
        two.close();
        one.close();
    }

    /** The node a balancer would send the {@code i}th request to. */
    TestSite node(int i) {
        return List.of(one, two, three).get(i % 3);
    }

    @Test
    void a_picture_uploaded_through_one_node_is_served_by_every_node() throws Exception {
        long id = two.nashir.media.addImported("square.jpg", org.nashir.testing.Images.jpeg(900, 600), 10L << 20, "صورة").orElseThrow();
        var m = two.nashir.media.find(id).orElseThrow();
        for (TestSite n : List.of(one, two, three)) {
            for (int w : m.renditionWidths()) assertThat(n.get(m.src(w)).statusCode()).as(m.src(w)).isEqualTo(200);
        }
    }

    @Test
    void five_wrong_passwords_lock_an_account_whichever_nodes_they_reach() {
        one.nashir.accounts.create("editor@example.org", "محررة", Role.EDITOR, PASSWORD);
        for (int i = 0; i < 5; i++) assertThat(new Agent(node(i)).signIn("editor@example.org", "guess-" + i).statusCode()).isEqualTo(401);
        for (int i = 0; i < 3; i++) assertThat(new Agent(node(i)).signIn("editor@example.org", PASSWORD).statusCode()).isEqualTo(429);
    }

    @Test
    void the_search_limit_is_the_sites_not_each_nodes() {
        String q = "/search?q=" + URLEncoder.encode("انتخابات", StandardCharsets.UTF_8);
        for (int i = 0; i < 12; i++) assertThat(node(i).get(q).statusCode()).as("search " + (i + 1)).isEqualTo(200);
        var over = one.get(q);
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("Retry-After")).isPresent();
        assertThat(two.get(q).statusCode()).isEqualTo(429);
        assertThat(three.get(q).statusCode()).isEqualTo(429);
    }

    @Test
    void a_reader_is_counted_once_across_nodes_and_with_the_same_key_after_a_restart() {
        long id = one.publish("سياسة", "خبر يقرؤه قارئ واحد عبر عقدتين", one.clock.instant().minusSeconds(3600));
        one.post("/views/" + id);
        two.post("/views/" + id);
        three.post("/views/" + id);
        one.nashir.views.flush();
        two.nashir.views.flush();
        three.nashir.views.flush();
        assertThat(one.nashir.articles.findById(id).orElseThrow().viewCount()).isEqualTo(1);
        // Flushed in the other order, in one batch each: still one.
        two.post("/views/" + id, "User-Agent", "Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36");
        one.post("/views/" + id, "User-Agent", "Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36");
        two.nashir.views.flush();
        one.nashir.views.flush();
        assertThat(one.nashir.articles.findById(id).orElseThrow().viewCount()).isEqualTo(2);
        // A node started afresh (nothing in its memory) derives the same key from the site's secret.
        Map<String, String> third = Map.of("NASHIR_DB_URL", one.nashir.settings.dbUrl(), "NASHIR_SECRET_FILE", dir.resolve("secret.key").toString());
        try (TestSite fresh = TestSite.create(Dialect.POSTGRESQL, dir.resolve("four"), third).start()) {
            fresh.post("/views/" + id);
            fresh.nashir.views.flush();
        }
        assertThat(one.nashir.articles.findById(id).orElseThrow().viewCount()).isEqualTo(2);
    }

    @Test
    void bad_api_tokens_are_throttled_across_nodes_but_a_good_token_still_works() {
        long editor = one.nashir.accounts.create("desk@example.org", "المناوب", Role.EDITOR, PASSWORD);
        String token = one.nashir.tokens.create(editor, "نظام الأخبار العاجلة");
        long id = one.publish("سياسة", "خبر", one.clock.instant().minusSeconds(60));
        String path = "/api/v1/articles/" + id;
        for (int i = 0; i < ApiDoor.FAILURES_ALLOWED; i++) {
            assertThat(node(i).get(path, "Authorization", "Bearer nashir_wrong" + i).statusCode()).isEqualTo(401);
        }
        var refused = two.get(path, "Authorization", "Bearer nashir_wrong-again");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"code\":\"rate_limited\"");
        assertThat(one.get(path, "Authorization", "Bearer nashir_wrong-again").statusCode()).isEqualTo(429);
        // The newsroom's own system, behind the same address, is not locked out by someone else's guesses.
        assertThat(one.get(path, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(two.get(path, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(three.get(path, "Authorization", "Bearer nashir_wrong-again").statusCode()).isEqualTo(429);
    }

    @Test
    void every_public_route_kind_answers_the_same_bytes_and_etag_on_every_node() throws Exception {
        java.time.Instant at = one.clock.instant().minusSeconds(7200);
        long first = one.nashir.imports.create(new org.nashir.article.NewArticle("البلدية تفتتح حديقة عامة جديدة", "عاجل", "ملخص الخبر",
            "<p>افتتحت البلدية حديقة عامة جديدة في الحي الشمالي.</p>", java.util.List.of("سلمى الحداد", "فريق التحرير"), "وكالة الأنباء", null,
            "محليات", java.util.List.of("بلديات", "حدائق"), null, org.nashir.article.Article.PUBLISHED, at, 0, null, null)).id();
        // Many hits with equal scores: the order of ties is where nodes disagreed.
        for (int i = 0; i < 30; i++) one.publish("محليات", "حديقة الحي رقم " + i, at.plusSeconds(i), "افتتاح حديقة في الحي");
        awaitApplied(two, one.nashir.changes.latest());
        awaitApplied(three, one.nashir.changes.latest());
        var a = one.nashir.articles.findById(first).orElseThrow();
        String tag = one.nashir.articles.listTags(first).getFirst().path();
        String author = one.nashir.articles.listBylines(first).getFirst().path();
        String section = one.nashir.sections.listAll().stream().filter(s -> s.name().equals("محليات")).findFirst().orElseThrow().path();
        String q = URLEncoder.encode("حديقة", StandardCharsets.UTF_8);
        java.util.List<String> paths = java.util.List.of("/", "/latest", "/latest?page=2", a.path(), "/article/" + first + "/live", section, tag, author,
            "/archive/" + at.atZone(one.nashir.settings.timeZone()).getYear(), "/corrections", "/opinion",
            "/feed.xml", "/atom.xml", "/feed.json", section + "/feed.xml", tag + "/atom.xml", author + "/feed.json",
            "/sitemap.xml", "/sitemap-pages.xml", "/sitemap-news.xml", "/sitemap-articles-1.xml", "/robots.txt",
            "/search?q=" + q, "/search?q=" + q + "&page=2", "/api/v1/search?q=" + q + "&limit=10&offset=10",
            "/api/v1/articles", "/api/v1/articles?limit=5&offset=5", "/api/v1/articles/" + first, "/api/v1/sections", "/api/v1/tags", "/api/v1/authors",
            "/api/v1/ticker", "/api/v1/pins", "/api/v1/articles/" + first + "/live", "/api/v1/openapi.json");
        for (String path : paths) {
            var fromOne = one.get(path, "Accept-Encoding", "identity");
            for (TestSite other : List.of(two, three)) {
                var fromOther = other.get(path, "Accept-Encoding", "identity");
                assertThat(fromOther.statusCode()).as(path).isEqualTo(fromOne.statusCode());
                assertThat(fromOther.body()).as(path).isEqualTo(fromOne.body());
                assertThat(fromOther.headers().firstValue("ETag")).as(path).isEqualTo(fromOne.headers().firstValue("ETag"));
            }
        }
    }

    /** Waits (10 s at most) until {@code node} has applied the feed up to {@code seq}; returns how long that took. */
    static long awaitApplied(TestSite node, long seq) throws InterruptedException {
        long start = System.nanoTime();
        while (node.nashir.changes.appliedSeq() < seq || node.nashir.searchIndex().seq() < seq) {
            if (System.nanoTime() - start > 10_000_000_000L) break;
            Thread.sleep(5);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void another_nodes_write_is_applied_at_once_without_waiting_for_the_tail() throws Exception {
        // The tail reads the table once a minute here: only the notification can bring the change sooner.
        long id = one.publish("سياسة", "خبر عاجل من العقدة الأولى", one.clock.instant().minusSeconds(10));
        long seq = one.nashir.changes.latest();
        long millis = awaitApplied(two, seq);
        assertThat(two.nashir.changes.appliedSeq()).isGreaterThanOrEqualTo(seq);
        assertThat(millis).as("applied on the other node after a notification, not a minute's tail").isLessThan(5_000);
        assertThat(two.get("/api/v1/search?q=" + URLEncoder.encode("عاجل", StandardCharsets.UTF_8)).body()).contains("\"id\":" + id);
    }

    @Test
    void the_feed_is_pruned_past_every_live_node_and_a_new_node_builds_its_index_from_the_articles() throws Exception {
        for (int i = 0; i < 5; i++) one.publish("ثقافة", "معرض الكتاب في يومه " + (i + 1), one.clock.instant().minusSeconds(60 - i));
        awaitApplied(two, one.nashir.changes.latest());
        awaitApplied(three, one.nashir.changes.latest());
        long before = one.nashir.changes.latest();
        one.nashir.changes.prune();
        two.nashir.changes.prune();
        three.nashir.changes.prune();
        assertThat(one.nashir.changes.oldest()).as("nothing younger than a week goes").isEqualTo(1);

        for (TestSite n : List.of(one, two, three)) n.clock.advance(org.nashir.storage.ChangeFeed.KEEP.plusDays(1));
        one.nashir.changes.prune();
        two.nashir.changes.prune();
        three.nashir.changes.prune();
        assertThat(one.nashir.changes.oldest()).as("all but the newest change pruned").isEqualTo(before);

        Map<String, String> third = Map.of("NASHIR_DB_URL", one.nashir.settings.dbUrl(), "NASHIR_SECRET_FILE", dir.resolve("secret.key").toString());
        try (TestSite fresh = TestSite.create(Dialect.POSTGRESQL, dir.resolve("four"), third).start()) {
            String found = fresh.get("/api/v1/search?q=" + URLEncoder.encode("معرض الكتاب", StandardCharsets.UTF_8) + "&limit=10").body();
            for (int i = 0; i < 5; i++) assertThat(found).contains("معرض الكتاب في يومه " + (i + 1));
            assertThat(fresh.get("/ready").statusCode()).isEqualTo(200);
        }
    }
}
