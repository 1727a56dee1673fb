package org.nashir.comment;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nashir.account.Role;
import org.nashir.testing.Agent;
import org.nashir.testing.TestSite;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 5 over HTTP: the form, its checks, moderation, display and counts. */
class CommentTest {
    static HttpResponse<String> post(TestSite site, long article, String... fields) {
        return new Agent(site).postRaw("/article/" + article + "/comments", fields);
    }

    static String token(TestSite site, long article) {
        String t = site.nashir.spam.token(article);
        site.clock.advance(Duration.ofSeconds(20));
        return t;
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({"name, اكتب اسمك.", "email, اكتب بريدك الإلكتروني.", "comment, اكتب تعليقك."})
    void each_missing_required_field_gives_422_and_its_arabic_message_with_the_text_kept(String missing, String message, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            long article = site.publish("سياسة", "خبر", site.clock.instant().minus(Duration.ofHours(1)));
            Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("name", "سلمى", "email", "salma@example.org", "comment", "تعليق\nمن سطرين"));
            fields.put(missing, "   ");
            String[] form = fields.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
            // No token: as a reader without JavaScript sends it; the checks come first all the same.
            HttpResponse<String> r = post(site, article, form);
            assertThat(r.statusCode()).isEqualTo(422);
            Document page = Jsoup.parse(r.body());
            assertThat(page.select(".field-error").eachText()).containsExactly(message);
            if (!missing.equals("comment")) assertThat(page.select("#c-body").first().wholeText()).isEqualTo("تعليق\nمن سطرين");
            assertThat(page.select(".comment-form .meta").first().text()).isEqualTo("كل الحقول التي عليها علامة (*) مطلوبة");
        }
    }

    @Test
    void what_is_stored_is_what_was_accepted_cleaned_by_the_one_rule(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            long article = site.publish("سياسة", "خبر", site.clock.instant().minus(Duration.ofHours(1)));
            // Pasted from a word processor: its line break (U+000B), a NUL, an override; the markup stays text.
            String body = "  سطر أول\r\n\r\n  سطر بعد فراغ <script>x</script>\u000Bوسطر من وورد\u0000\u202E  ";
            post(site, article, "name", " سلمى\u0001 ", "email", "s@example.org", "comment", body, "token", token(site, article));
            Comment stored = site.nashir.comments.listQueue("pending", "", 1).getFirst().comment();
            assertThat(stored.body()).isEqualTo("سطر أول\n\n  سطر بعد فراغ <script>x</script>\nوسطر من وورد");
            assertThat(stored.name()).isEqualTo("سلمى");
        }
    }

    @Test
    void too_long_is_explained_and_nothing_is_stored(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            long article = site.publish("سياسة", "خبر", site.clock.instant().minus(Duration.ofHours(1)));
            HttpResponse<String> r = post(site, article, "name", "سلمى", "email", "s@example.org", "comment", "ك".repeat(3001), "token", token(site, article));
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(r.body()).select(".field-error").text()).contains("3000");
            assertThat(site.nashir.comments.listQueue("pending", "", 10)).isEmpty();
        }
    }

    @Test
    void a_comment_is_held_approved_by_a_moderator_shown_with_its_count_and_a_reply_sits_under_it(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            long article = site.publish("سياسة", "خبر", site.clock.instant().minus(Duration.ofHours(1)));
            String body = "شكراً على التقرير.\nسطر ثانٍ <b>ليس وسماً</b> https://example.org";
            HttpResponse<String> sent = post(site, article, "name", "سلمى", "email", "salma@example.org", "comment", body, "token", token(site, article));
            assertThat(sent.statusCode()).isEqualTo(303);
            assertThat(sent.headers().firstValue("Location").orElseThrow()).startsWith("/article/" + article + "?comment=pending");
            assertThat(Jsoup.parse(site.get("/article/" + article + "?comment=pending").body()).select("[role=status]").text()).contains("بانتظار المراجعة");
            assertThat(Jsoup.parse(site.get("/article/" + article).body()).select(".comment-list")).isEmpty();

            site.nashir.accounts.create("mod@example.org", "مشرفة", Role.MODERATOR, "a-long-enough-password");
            Agent mod = new Agent(site);
            mod.signIn("mod@example.org", "a-long-enough-password");
            Document queue = Jsoup.parse(mod.get("/admin/comments").body());
            String id = queue.select("input[name=ids]").attr("value");
            assertThat(queue.text()).contains("سلمى").contains("خبر");
            // An empty edit is refused with the reason and changes nothing.
            HttpResponse<String> emptyEdit = mod.post("/admin/comments/" + id + "/edit", "comment", "  ");
            assertThat(emptyEdit.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(emptyEdit.body()).select("[role=alert]").text()).isEqualTo("اكتب تعليقك.");
            assertThat(site.nashir.comments.find(Long.parseLong(id)).orElseThrow().body()).isEqualTo(body);
            assertThat(mod.post("/admin/comments/bulk", "action", "approve", "ids", id).statusCode()).isEqualTo(303);

            Document page = Jsoup.parse(site.get("/article/" + article).body());
            assertThat(page.select(".comment-list > li .comment-body").first().wholeText()).isEqualTo(body);
            assertThat(page.select(".comment-list b")).isEmpty();
            assertThat(page.select("#comments-heading").text()).contains("تعليق واحد");
            assertThat(page.text()).doesNotContain("salma@example.org");

            HttpResponse<String> reply = post(site, article, "name", "كريم", "email", "k@example.org", "comment", "أوافقك.", "parent_id", id, "token", token(site, article));
            assertThat(reply.statusCode()).isEqualTo(303);
            String replyId = Jsoup.parse(mod.get("/admin/comments").body()).select("input[name=ids]").attr("value");
            mod.post("/admin/comments/bulk", "action", "approve", "ids", replyId);
            Document withReply = Jsoup.parse(site.get("/article/" + article).body());
            assertThat(withReply.select("#comment-" + id + " .replies .comment-body").text()).isEqualTo("أوافقك.");
            assertThat(withReply.select("#comments-heading").text()).contains("تعليقان");
            // Listings count approved comments too.
            assertThat(Jsoup.parse(site.get("/latest").body()).select(".teasers .meta a[href$=#comments]").text()).isEqualTo("تعليقان");
        }
    }

    @Test
    void a_trusted_commenter_is_shown_at_once_when_the_site_enables_it(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_COMMENT_TRUST_AFTER", "1")).start()) {
            long article = site.publish("سياسة", "خبر", site.clock.instant().minus(Duration.ofHours(1)));
            post(site, article, "name", "سلمى", "email", "salma@example.org", "comment", "الأول", "token", token(site, article));
            site.nashir.comments.setStatus(List.of(site.nashir.comments.listQueue("pending", "", 1).getFirst().comment().id()), Comment.APPROVED);
            HttpResponse<String> second = post(site, article, "name", "سلمى", "email", "Salma@Example.org", "comment", "الثاني", "token", token(site, article));
            assertThat(second.headers().firstValue("Location").orElseThrow()).isEqualTo("/article/" + article + "#comments");
            assertThat(Jsoup.parse(site.get("/article/" + article).body()).select(".comment-body").eachText()).containsExactly("الأول", "الثاني");
            // Someone new is still moderated.
            post(site, article, "name", "كريم", "email", "karim@example.org", "comment", "جديد", "token", token(site, article));
            assertThat(site.nashir.comments.listQueue("pending", "", 10)).hasSize(1);
        }
    }

    @Test
    void a_rule_can_be_told_to_reject_instead_of_marking_spam(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_COMMENT_OUTCOMES", "links=reject")).start()) {
            long article = site.publish("سياسة", "خبر", site.clock.instant().minus(Duration.ofHours(1)));
            HttpResponse<String> r = post(site, article, "name", "س", "email", "s@example.org", "comment",
                "http://a.example http://b.example http://c.example", "token", token(site, article));
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(r.body()).select(".field-error").text()).contains("روابط كثيرة");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.nashir.config.Settings.load(Map.of("NASHIR_COMMENT_OUTCOMES", "links=delete"), Map.of()))
            .hasMessageContaining("NASHIR_COMMENT_OUTCOMES");
    }

    @Test
    void closed_articles_take_no_comments_and_banned_senders_are_refused(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            long article = site.publish("سياسة", "خبر", site.clock.instant().minus(Duration.ofHours(1)));
            post(site, article, "name", "مزعج", "email", "spam@example.org", "comment", "أول", "token", token(site, article));
            long id = site.nashir.comments.listQueue("pending", "", 1).getFirst().comment().id();
            site.nashir.comments.ban(id, "email");
            HttpResponse<String> banned = post(site, article, "name", "مزعج", "email", "SPAM@example.org", "comment", "ثانٍ", "token", token(site, article));
            assertThat(banned.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(banned.body()).select(".field-error").text()).contains("لا يمكن قبول");

            site.nashir.comments.setClosed(article, true);
            Document page = Jsoup.parse(site.get("/article/" + article).body());
            assertThat(page.select("#comment-form")).isEmpty();
            assertThat(page.select("#comments").text()).contains("التعليقات مغلقة");
            assertThat(post(site, article, "name", "س", "email", "s@example.org", "comment", "ن", "token", token(site, article)).statusCode()).isEqualTo(422);
        }
    }

    @Test
    void a_comment_sent_without_the_token_meets_every_other_rule(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_COMMENTS_PER_ADDRESS", "100")).start()) {
            long article = site.publish("سياسة", "خبر", site.clock.instant().minus(Duration.ofHours(1)));
            post(site, article, "name", "مزعج", "email", "spam@example.org", "comment", "أول", "token", token(site, article));
            site.nashir.comments.ban(site.nashir.comments.listQueue("pending", "", 1).getFirst().comment().id(), "email");
            // Banned: refused with or without the token.
            HttpResponse<String> banned = post(site, article, "name", "مزعج", "email", "spam@example.org", "comment", "ثانٍ بلا رمز");
            assertThat(banned.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(banned.body()).select(".field-error").text()).contains("لا يمكن قبول");
            // The same text three times is stored once.
            for (int i = 0; i < 3; i++) post(site, article, "name", "قارئ", "email", "r" + i + "@example.org", "comment", "نص مكرر يرسله برنامج");
            assertThat(site.nashir.comments.listQueue("pending", "", 50).stream().filter(q -> q.comment().body().equals("نص مكرر يرسله برنامج"))).hasSize(1);
            // Four links: spam, not held for a moderator.
            post(site, article, "name", "قارئ", "email", "l@example.org", "comment", "http://a.example http://b.example http://c.example http://d.example");
            assertThat(site.nashir.comments.listQueue("spam", "", 50)).anyMatch(q -> q.comment().body().contains("http://d.example"));
            assertThat(site.nashir.comments.listQueue("pending", "", 50)).noneMatch(q -> q.comment().body().contains("http://d.example"));
        }
    }

    @Test
    void five_comments_per_address_in_ten_minutes_as_the_readme_says(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            long article = site.publish("سياسة", "خبر", site.clock.instant().minus(Duration.ofHours(1)));
            // The site's clock starts at 09:00, the beginning of a 10-minute window.
            for (int i = 0; i < 5; i++) {
                assertThat(post(site, article, "name", "قارئ", "email", "r@example.org", "comment", "تعليق رقم " + i, "token", token(site, article)).statusCode())
                    .isEqualTo(303);
            }
            String sixthToken = token(site, article);
            long sent = System.nanoTime();
            var refused = post(site, article, "name", "قارئ", "email", "r@example.org", "comment", "السادس <b>بخط</b>", "token", sixthToken);
            assertThat(refused.statusCode()).isEqualTo(429);
            // Told after a pause that holds no thread, as a shed request is: answered at once, a flood comes straight back.
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(org.nashir.web.Admission.PAUSE_MS - 100));
            // A small page, not the article again (under a flood nearly every post ends here), that loses nothing:
            // the reader's text given back to copy, the wait said in Arabic, a way back to the article.
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("أرسلت تعليقات كثيرة في وقت قصير")
                .contains("السادس &lt;b&gt;بخط&lt;/b&gt;").contains("href=\"/article/" + article + "#comments\"")
                .doesNotContain("<b>بخط</b>").doesNotContain("name=\"token\"").doesNotContain("application/ld+json");
            site.clock.set(java.time.Instant.parse("2026-11-29T09:08:30Z"));
            assertThat(post(site, article, "name", "قارئ", "email", "r@example.org", "comment", "بعد ثماني دقائق", "token", token(site, article)).statusCode())
                .as("still within the same ten minutes").isEqualTo(429);
            site.clock.set(java.time.Instant.parse("2026-11-29T09:10:00Z"));
            assertThat(post(site, article, "name", "قارئ", "email", "r@example.org", "comment", "في العشر التالية", "token", token(site, article)).statusCode())
                .isEqualTo(303);
        }
    }

    @Test
    void the_per_article_limit_is_the_one_configured(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_COMMENTS_PER_ARTICLE", "2", "NASHIR_COMMENTS_PER_ADDRESS", "100")).start()) {
            long article = site.publish("سياسة", "خبر", site.clock.instant().minus(Duration.ofHours(1)));
            long other = site.publish("سياسة", "خبر آخر", site.clock.instant().minus(Duration.ofHours(1)));
            // All within one clock minute (the window): the forms were opened at 09:30:00 and sent at 09:30:20.
            site.clock.set(java.time.Instant.parse("2026-11-29T09:30:00Z"));
            String token = site.nashir.spam.token(article), otherToken = site.nashir.spam.token(other);
            site.clock.advance(Duration.ofSeconds(20));
            for (int i = 0; i < 2; i++) {
                assertThat(post(site, article, "name", "قارئ", "email", "r" + i + "@example.org", "comment", "تعليق " + i, "token", token).statusCode())
                    .isEqualTo(303);
            }
            assertThat(post(site, article, "name", "قارئ", "email", "r9@example.org", "comment", "الثالث", "token", token).statusCode()).isEqualTo(429);
            assertThat(post(site, other, "name", "قارئ", "email", "r9@example.org", "comment", "على خبر آخر", "token", otherToken).statusCode())
                .as("another article has its own count").isEqualTo(303);
        }
    }
}
