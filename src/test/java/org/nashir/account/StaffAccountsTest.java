package org.nashir.account;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nashir.storage.Dialect;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.Agent;
import org.nashir.testing.TestSite;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: the everyday account work of a newsroom: leavers, passwords, sessions, and the audit log of all of it. */
class StaffAccountsTest {
    static final String PASSWORD = "كلمة-سر-طويلة-للاختبار";
    // (Ten tries of the current password per account in 15 minutes: the test below stays within them.)

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void a_closed_account_cannot_sign_in_its_sessions_and_tokens_stop_at_once_and_its_articles_stay(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            Agent admin = Agent.signedIn(site, "admin@example.org", Role.ADMIN);
            Agent writer = Agent.signedIn(site, "leaver@example.org", Role.WRITER);
            long writerId = site.nashir.accounts.findByEmail("leaver@example.org").orElseThrow().id();
            String token = site.nashir.tokens.create(writerId, "سكربت");
            long article = site.publish("سياسة", "خبر كتبه من غادر", site.clock.instant().minusSeconds(60));
            site.nashir.db.jdbi().useHandle(h -> h.createUpdate("UPDATE article SET created_by = :w WHERE id = :id").bind("w", writerId).bind("id", article).execute());

            admin.get("/admin/accounts");
            assertThat(admin.post("/admin/accounts/" + writerId + "/disable").statusCode()).isEqualTo(303);
            assertThat(writer.get("/admin").statusCode()).as("the session ended at once").isEqualTo(302);
            assertThat(site.nashir.tokens.authenticate(token)).isEmpty();
            assertThat(new Agent(site).signIn("leaver@example.org", PASSWORD).statusCode()).isNotEqualTo(303);
            assertThat(site.get("/article/" + article).statusCode()).isIn(200, 301);

            // Deleting an account with a trace is refused and says why; closing was the way.
            admin.get("/admin/accounts");
            HttpResponse<String> delete = admin.post("/admin/accounts/" + writerId + "/delete");
            assertThat(delete.statusCode()).isEqualTo(409);
            assertThat(Jsoup.parse(delete.body()).select(".error").text()).contains("leaver@example.org").contains("أغلقه");
            assertThat(site.nashir.accounts.findById(writerId)).isPresent();

            admin.get("/admin/accounts");
            assertThat(admin.post("/admin/accounts/" + writerId + "/enable").statusCode()).isEqualTo(303);
            assertThat(new Agent(site).signIn("leaver@example.org", PASSWORD).statusCode()).isEqualTo(303);
            assertThat(site.nashir.tokens.authenticate(token)).as("a token not revoked works again with its account").isPresent();

            // An account made by mistake, never used, can be deleted; an admin cannot close or delete their own.
            long mistake = site.nashir.accounts.create("typo@example.org", "خطأ", Role.WRITER, PASSWORD);
            admin.get("/admin/accounts");
            assertThat(admin.post("/admin/accounts/" + mistake + "/delete").statusCode()).isEqualTo(303);
            assertThat(site.nashir.accounts.findById(mistake)).isEmpty();
            long adminId = site.nashir.accounts.findByEmail("admin@example.org").orElseThrow().id();
            admin.get("/admin/accounts");
            assertThat(admin.post("/admin/accounts/" + adminId + "/disable").statusCode()).isEqualTo(422);

            String log = admin.get("/admin/audit").body();
            assertThat(log).contains("account.disabled").contains("account.enabled").contains("account.deleted");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void changing_ones_password_needs_the_current_one_refuses_common_ones_and_ends_the_other_sessions(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            Agent laptop = Agent.signedIn(site, "editor@example.org", Role.EDITOR);
            Agent phone = new Agent(site);
            assertThat(phone.signIn("editor@example.org", PASSWORD).statusCode()).isEqualTo(303);
            laptop.get("/admin/password");
            assertThat(laptop.post("/admin/password", "current", "غير صحيحة أبداً", "password", "عبارة جديدة طويلة", "password_again", "عبارة جديدة طويلة").statusCode())
                .isEqualTo(422);
            for (String common : new String[] {"Password 123!", "كلمة المرور", "1234567890", "ضصثقفغعهخح", "aaaaaaaaaaaa", "editor-editor-1"}) {
                HttpResponse<String> r = laptop.post("/admin/password", "current", PASSWORD, "password", common, "password_again", common);
                assertThat(r.statusCode()).as(common).isEqualTo(422);
            }
            assertThat(laptop.post("/admin/password", "current", PASSWORD, "password", "short", "password_again", "short").statusCode()).isEqualTo(422);
            HttpResponse<String> ok = laptop.post("/admin/password", "current", PASSWORD, "password", "قهوة الصباح في مكتب التحرير", "password_again", "قهوة الصباح في مكتب التحرير");
            assertThat(ok.statusCode()).isEqualTo(303);
            assertThat(laptop.get("/admin").statusCode()).as("this session stays").isEqualTo(200);
            assertThat(phone.get("/admin").statusCode()).as("the other one ended").isEqualTo(302);
            assertThat(new Agent(site).signIn("editor@example.org", "قهوة الصباح في مكتب التحرير").statusCode()).isEqualTo(303);
            assertThat(site.nashir.audit.listLatest(50)).anyMatch(e -> e.action().equals("password.changed"))
                .anyMatch(e -> e.action().equals("password.change-refused"));
        }
    }

    @Test
    void an_admin_resets_a_forgotten_password_shown_once_and_every_session_of_that_account_ends(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            Agent admin = Agent.signedIn(site, "admin@example.org", Role.ADMIN);
            Agent writer = Agent.signedIn(site, "forgot@example.org", Role.WRITER);
            long writerId = site.nashir.accounts.findByEmail("forgot@example.org").orElseThrow().id();
            admin.get("/admin/accounts");
            HttpResponse<String> reset = admin.post("/admin/accounts/" + writerId + "/password");
            assertThat(reset.statusCode()).isEqualTo(200);
            String fresh = Jsoup.parse(reset.body()).select("#new-password").text();
            assertThat(fresh).hasSizeGreaterThanOrEqualTo(16);
            assertThat(writer.get("/admin").statusCode()).isEqualTo(302);
            assertThat(new Agent(site).signIn("forgot@example.org", PASSWORD).statusCode()).isNotEqualTo(303);
            assertThat(new Agent(site).signIn("forgot@example.org", fresh).statusCode()).isEqualTo(303);
            assertThat(admin.get("/admin/accounts").body()).doesNotContain(fresh);
            assertThat(site.nashir.audit.listLatest(50)).anyMatch(e -> e.action().equals("password.reset"));
        }
    }

    @Test
    void where_you_are_signed_in_lists_sessions_that_end_one_by_one_all_others_idle_or_old(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_SESSION_IDLE_MINUTES", "30", "NASHIR_SESSION_HOURS", "8")).start()) {
            Agent laptop = Agent.signedIn(site, "editor@example.org", Role.EDITOR);
            Agent phone = new Agent(site);
            phone.signIn("editor@example.org", PASSWORD);
            Agent tablet = new Agent(site);
            tablet.signIn("editor@example.org", PASSWORD);
            var page = Jsoup.parse(laptop.get("/admin/sessions").body());
            assertThat(page.select("tbody tr")).hasSize(3);
            assertThat(page.select("tbody tr").text()).contains("هذا المتصفح").contains("Chrome، Linux").contains("127.0.0.0/24");

            String phoneHandle = page.select("tbody tr input[name=session]").first().attr("value");
            assertThat(laptop.post("/admin/sessions/end", "session", phoneHandle).statusCode()).isEqualTo(303);
            assertThat(Jsoup.parse(laptop.get("/admin/sessions").body()).select("tbody tr")).hasSize(2);
            laptop.get("/admin/sessions");
            assertThat(laptop.post("/admin/sessions/end", "session", "others").statusCode()).isEqualTo(303);
            assertThat(phone.get("/admin").statusCode()).isEqualTo(302);
            assertThat(tablet.get("/admin").statusCode()).isEqualTo(302);
            assertThat(laptop.get("/admin").statusCode()).isEqualTo(200);

            // Used every 20 minutes, the session lives until its 8 hours are up; 31 idle minutes end it.
            for (int i = 0; i < 23; i++) {
                site.clock.advance(Duration.ofMinutes(20));
                assertThat(laptop.get("/admin").statusCode()).as("after %d minutes", (i + 1) * 20).isEqualTo(200);
            }
            site.clock.advance(Duration.ofMinutes(21));
            assertThat(laptop.get("/admin").statusCode()).as("past 8 hours").isEqualTo(302);
            Agent idle = Agent.signedIn(site, "idle@example.org", Role.WRITER);
            site.clock.advance(Duration.ofMinutes(31));
            assertThat(idle.get("/admin").statusCode()).isEqualTo(302);
            assertThat(site.nashir.audit.listLatest(50)).anyMatch(e -> e.action().equals("session.ended"));
        }
    }

    @Test
    void a_writer_whose_session_ended_gets_the_story_back_to_copy(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            Agent writer = Agent.signedIn(site, "writer@example.org", Role.WRITER);
            writer.get("/admin/articles/new");
            site.nashir.accounts.endOtherSessions(site.nashir.accounts.findByEmail("writer@example.org").orElseThrow().id(), null);
            HttpResponse<String> r = writer.post("/admin/articles", "title", "قصة كتبتها ساعتين", "body", "<p>فقرة لا يجوز أن تضيع</p>", "action", "save");
            assertThat(r.statusCode()).isEqualTo(403);
            var page = Jsoup.parse(r.body());
            assertThat(page.select("form.kept textarea").eachText()).contains("قصة كتبتها ساعتين", "<p>فقرة لا يجوز أن تضيع</p>");
            assertThat(page.select("form.kept button")).as("sending it again as it is would be refused the same way").isEmpty();
            assertThat(page.select("form.kept input[name=_csrf]")).isEmpty();
        }
    }
}
