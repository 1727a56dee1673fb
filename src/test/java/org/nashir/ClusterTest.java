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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: two nodes of one site on one PostgreSQL, as a balancer spreads a client's requests over them. Limits and
 * view de-duplication are the site's, not each node's.
 */
class ClusterTest {
    static final String PASSWORD = "a-long-enough-password";
    @TempDir
    Path dir;
    TestSite one;
    TestSite two;

    @BeforeEach
    void start() {
        Map<String, String> common = Map.of("NASHIR_SECRET_FILE", dir.resolve("secret.key").toString(), "NASHIR_SEARCHES_PER_MINUTE", "4",
            "NASHIR_DRAIN_SECONDS", "0");
        one = TestSite.create(Dialect.POSTGRESQL, dir.resolve("one"), common).start();
        Map<String, String> second = new java.util.HashMap<>(common);
        second.put("NASHIR_DB_URL", one.nashir.settings.dbUrl());
        two = TestSite.create(Dialect.POSTGRESQL, dir.resolve("two"), second).start();
    }

    @AfterEach
    void stop() {
        two.close();
        one.close();
    }

    @Test
    void five_wrong_passwords_lock_an_account_whichever_nodes_they_reach() {
        one.nashir.accounts.create("editor@example.org", "محررة", Role.EDITOR, PASSWORD);
        Agent viaOne = new Agent(one), viaTwo = new Agent(two);
        for (int i = 0; i < 5; i++) assertThat((i % 2 == 0 ? viaOne : viaTwo).signIn("editor@example.org", "guess-" + i).statusCode()).isEqualTo(401);
        assertThat(viaOne.signIn("editor@example.org", PASSWORD).statusCode()).isEqualTo(429);
        assertThat(viaTwo.signIn("editor@example.org", PASSWORD).statusCode()).isEqualTo(429);
    }

    @Test
    void the_search_limit_is_the_sites_not_each_nodes() {
        String q = "/search?q=" + URLEncoder.encode("انتخابات", StandardCharsets.UTF_8);
        assertThat(one.get(q).statusCode()).isEqualTo(200);
        assertThat(two.get(q).statusCode()).isEqualTo(200);
        assertThat(one.get(q).statusCode()).isEqualTo(200);
        assertThat(two.get(q).statusCode()).isEqualTo(200);
        var fifth = one.get(q);
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
        assertThat(two.get(q).statusCode()).isEqualTo(429);
    }

    @Test
    void a_reader_is_counted_once_across_nodes_and_with_the_same_key_after_a_restart() {
        long id = one.publish("سياسة", "خبر يقرؤه قارئ واحد عبر عقدتين", one.clock.instant().minusSeconds(3600));
        one.post("/views/" + id);
        two.post("/views/" + id);
        one.nashir.views.flush();
        two.nashir.views.flush();
        assertThat(one.nashir.articles.findById(id).orElseThrow().viewCount()).isEqualTo(1);
        // Flushed in the other order, in one batch each: still one.
        two.post("/views/" + id, "User-Agent", "Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36");
        one.post("/views/" + id, "User-Agent", "Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36");
        two.nashir.views.flush();
        one.nashir.views.flush();
        assertThat(one.nashir.articles.findById(id).orElseThrow().viewCount()).isEqualTo(2);
        // A node started afresh (nothing in its memory) derives the same key from the site's secret.
        Map<String, String> third = Map.of("NASHIR_DB_URL", one.nashir.settings.dbUrl(), "NASHIR_SECRET_FILE", dir.resolve("secret.key").toString());
        try (TestSite fresh = TestSite.create(Dialect.POSTGRESQL, dir.resolve("three"), third).start()) {
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
            assertThat((i % 2 == 0 ? one : two).get(path, "Authorization", "Bearer nashir_wrong" + i).statusCode()).isEqualTo(401);
        }
        var refused = two.get(path, "Authorization", "Bearer nashir_wrong-again");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"code\":\"rate_limited\"");
        assertThat(one.get(path, "Authorization", "Bearer nashir_wrong-again").statusCode()).isEqualTo(429);
        // The newsroom's own system, behind the same address, is not locked out by someone else's guesses.
        assertThat(one.get(path, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(two.get(path, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
    }
}
