package org.nashir.comment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.TestSite;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5: 10,000 automated submissions of the usual kinds and 100 human-like ones, over HTTP. At least 99 % of the
 * automated ones are rejected or held, none is published unmoderated, at most one human is rejected, and the
 * article page is still served from the cache with the form on it.
 */
class SpamFloodTest {
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static int post(TestSite site, long article, String ip, String... fields) throws Exception {
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < fields.length; i += 2) body.add(fields[i] + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        HttpRequest r = HttpRequest.newBuilder(URI.create(site.url("/article/" + article + "/comments")))
            .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", ip).header("User-Agent", TestSite.BROWSER_UA)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void ten_thousand_bots_are_stopped_and_people_get_through(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_BEHIND_PROXY", "true", "NASHIR_COMMENT_BLOCKLIST", "كازينو,قمار",
            // 10,000 posts one after another: the pause before each refusal (which slows a real flood) would take an hour here.
            "NASHIR_SHED_PAUSE_MS", "0")).start()) {
            List<Long> articles = new ArrayList<>();
            for (int i = 0; i < 100; i++) articles.add(site.publish("سياسة", "خبر " + i, site.clock.instant().minus(Duration.ofHours(1))));
            Random random = new Random(5);
            int botsStopped = 0, bots = 0, published = 0;
            String[] kinds = {"honeypot", "too-fast", "links", "duplicate", "blocklist", "flood", "no-token", "forged-token"};
            for (int i = 0; i < 10_000; i++) {
                if (i % 2_000 == 0) site.clock.advance(Duration.ofMinutes(1)); // keep per-article limits from deciding everything
                String kind = kinds[i % kinds.length];
                long article = articles.get(i % articles.size());
                String ip = kind.equals("flood") ? "198.51.100.66" : "10." + (i / 65536 % 256) + "." + (i / 256 % 256) + "." + (i % 256);
                String token = site.nashir.spam.token(article);
                if (!kind.equals("too-fast")) site.clock.advance(Duration.ofMillis(1));
                String body = "عرض خاص اليوم رقم " + i;
                String website = "";
                switch (kind) {
                    case "honeypot" -> website = "http://spam.example";
                    case "links" -> body = "زوروا http://a.example و http://b.example و http://c.example " + i;
                    case "duplicate" -> body = "اشتر الآن أفضل الأسعار";
                    case "blocklist" -> body = (i % 2 == 0 ? "أفضل كـازينـو" : "ألعاب القِمار") + " على الإنترنت " + i;
                    case "no-token" -> token = "";
                    case "forged-token" -> token = article + ":" + (site.clock.millis() - 60_000) + ":forged";
                    default -> { }
                }
                // Bots that wait: the token is older than the minimum fill time (except the too-fast ones).
                if (!kind.equals("too-fast")) token = kind.equals("no-token") || kind.equals("forged-token") ? token : tokenAged(site, article);
                int status = post(site, article, ip, "name", "bot" + i, "email", "bot" + i + "@spam.example", "comment", body, "token", token, "website", website);
                bots++;
                if (status != 303) botsStopped++;
            }
            // What the bots got stored is pending or spam; nothing is approved.
            long approved = site.nashir.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comment WHERE status = 'approved'").mapTo(Long.class).one());
            long stored = site.nashir.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comment").mapTo(Long.class).one());
            assertThat(approved).isZero();
            // Rejected outright or held (stored pending/spam, never shown): all of them, and most are rejected.
            assertThat(botsStopped + stored).isGreaterThanOrEqualTo((long) Math.ceil(bots * 0.99));

            int humansRejected = 0;
            for (int i = 0; i < 100; i++) {
                site.clock.advance(Duration.ofMinutes(3));
                long article = articles.get(random.nextInt(articles.size()));
                String token = site.nashir.spam.token(article);
                site.clock.advance(Duration.ofSeconds(20 + random.nextInt(200)));
                String body = "رأيي في الخبر رقم " + i + ": " + (i % 10 == 0 ? "المصدر هنا https://news.example/" + i : "التغطية جيدة لكنها تحتاج تفاصيل أكثر عن الموضوع.");
                int status = post(site, article, "203.0." + (i / 256) + "." + (i % 256), "name", "قارئ " + i, "email", "reader" + i + "@example.org", "comment", body, "token", token);
                if (status != 303) humansRejected++;
            }
            assertThat(humansRejected).isLessThanOrEqualTo(1);
            long held = site.nashir.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comment WHERE email LIKE 'reader%' AND status = 'pending'").mapTo(Long.class).one());
            assertThat(held).isGreaterThanOrEqualTo(99);

            // The article page is still the cached one, form included.
            HttpResponse<String> first = site.get("/article/" + articles.getFirst());
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(first.body()).contains("id=\"comment-form\"");
            assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("public");
            assertThat(site.get("/article/" + articles.getFirst(), "If-None-Match", etag).statusCode()).isEqualTo(304);
            System.out.printf("spam flood: %d automated, %d rejected, %d stored as pending/spam, 0 published; %d of 100 people rejected%n",
                bots, botsStopped, stored, humansRejected);
        }
    }

    static String tokenAged(TestSite site, long article) {
        String t = site.nashir.spam.token(article);
        site.clock.advance(Duration.ofSeconds(4));
        return t;
    }
}
