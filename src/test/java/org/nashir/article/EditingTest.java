package org.nashir.article;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nashir.Nashir;
import org.nashir.config.Settings;
import org.nashir.account.Account;
import org.nashir.account.Role;
import org.nashir.web.Forbidden;
import org.nashir.storage.Dialect;
import org.nashir.testing.TestDatabases;
import org.nashir.testing.TestSite;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Saving from the back office, on SQLite and PostgreSQL: versions, revisions, roles and the scheduler. */
class EditingTest {
    static ArticleForm fields(long section, String title, String body, String version, String action, String publishAt) {
        return new ArticleForm(title, "", "", body, "سلمى الحداد", "", "", Long.toString(section), "وسم", "", "", publishAt, version, action, "news");
    }

    /** What the editor's form sends, as the command it becomes (in the default time zone, which these sites use). */
    static ArticleCommand form(long section, String title, String body, String version, String action, String publishAt) {
        return fields(section, title, body, version, action, publishAt).toCommand(ZoneId.of("Asia/Damascus"));
    }

    static Account account(TestSite site, Role role) {
        long id = site.nashir.accounts.create(role.db() + "@example.org", "حساب " + role.arabic(), role, "a-long-enough-password");
        return site.nashir.accounts.findById(id).orElseThrow();
    }

    static long section(TestSite site) {
        site.nashir.sections.create("سياسة");
        return site.nashir.sections.listAll().getFirst().id();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void every_save_is_a_revision_and_a_stale_save_changes_nothing(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of())) {
            Account editor = account(site, Role.EDITOR);
            long s = section(site);
            long id = site.nashir.editing.create(form(s, "الأولى", "<p>النص الأول</p>", "0", "save", ""), editor).id();
            site.nashir.editing.update(id, form(s, "الثانية", "<p>النص الثاني</p>", "1", "save", ""), editor);
            assertThat(site.nashir.revisions.listFor(id)).extracting(Revision::version, Revision::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "الثانية"), org.assertj.core.groups.Tuple.tuple(1, "الأولى"));

            // A second editor still holding version 1 saves: refused, nothing written.
            assertThatThrownBy(() -> site.nashir.editing.update(id, form(s, "قديمة", "<p>نص قديم</p>", "1", "save", ""), editor))
                .isInstanceOf(Editing.StaleEdit.class);
            Article a = site.nashir.articles.findById(id).orElseThrow();
            assertThat(a.title()).isEqualTo("الثانية");
            assertThat(a.version()).isEqualTo(2);
            assertThat(site.nashir.revisions.listFor(id)).hasSize(2);

            site.nashir.editing.restore(id, 1, editor);
            Article restored = site.nashir.articles.findById(id).orElseThrow();
            assertThat(restored.title()).isEqualTo("الأولى");
            assertThat(restored.body()).isEqualTo("<p>النص الأول</p>");
            assertThat(restored.version()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void writers_submit_for_review_but_cannot_publish_or_touch_others_work(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of())) {
            Account writer = account(site, Role.WRITER);
            Account editor = account(site, Role.EDITOR);
            long s = section(site);
            assertThatThrownBy(() -> site.nashir.editing.create(form(s, "خبر", "<p>نص</p>", "0", "publish", ""), writer)).isInstanceOf(Forbidden.class);
            long id = site.nashir.editing.create(form(s, "خبر", "<p>نص</p>", "0", "submit", ""), writer).id();
            assertThat(site.nashir.articles.findById(id).orElseThrow().status()).isEqualTo(Article.REVIEW);
            assertThatThrownBy(() -> site.nashir.editing.update(id, form(s, "خبر", "<p>نص</p>", "1", "publish", ""), writer)).isInstanceOf(Forbidden.class);
            site.nashir.editing.update(id, form(s, "خبر", "<p>نص</p>", "1", "publish", ""), editor);
            assertThat(site.nashir.articles.findPublished(id)).isPresent();
            // Once published, it is out of the writer's hands.
            assertThatThrownBy(() -> site.nashir.editing.update(id, form(s, "تعديل", "<p>نص</p>", "2", "save", ""), writer)).isInstanceOf(Forbidden.class);
            long othersDraft = site.nashir.editing.create(form(s, "مسودة المحرر", "<p>نص</p>", "0", "save", ""), editor).id();
            // Someone else's draft is, for a writer, no article at all (a 403 would confirm the id holds one).
            assertThatThrownBy(() -> site.nashir.editing.update(othersDraft, form(s, "x", "<p>x</p>", "1", "save", ""), writer)).isInstanceOf(org.nashir.web.NotFound.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void a_scheduled_article_is_published_exactly_once_by_two_nodes(Dialect dialect, @TempDir Path dir) throws Exception {
        String url = TestDatabases.url(dialect, dir);
        Map<String, String> values = Map.of("NASHIR_DB_URL", url, "NASHIR_DB_USER", "postgres", "NASHIR_DATA_DIR", dir.toString());
        org.nashir.testing.MutableClock clock = new org.nashir.testing.MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
        try (Nashir one = new Nashir(Settings.load(values, Map.of()), clock); Nashir two = new Nashir(Settings.load(values, Map.of()), clock)) {
            long accountId = one.accounts.create("e@example.org", "محرر", Role.EDITOR, "a-long-enough-password");
            Account editor = one.accounts.findById(accountId).orElseThrow();
            one.sections.create("سياسة");
            long s = one.sections.listAll().getFirst().id();
            ZoneId zone = one.settings.timeZone();
            String at = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(1)), zone).withSecond(0).withNano(0).toString();
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) ids.add(one.editing.create(form(s, "مجدول " + i, "<p>نص</p>", "0", "schedule", at), editor).id());
            assertThat(one.articles.findPublished(ids.getFirst())).isEmpty();
            assertThat(one.editing.publishDue()).isZero();

            clock.advance(Duration.ofMinutes(61));
            int published;
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Callable<Integer>> runs = List.of(one.editing::publishDue, two.editing::publishDue, one.editing::publishDue, two.editing::publishDue);
                published = 0;
                for (Future<Integer> f : pool.invokeAll(runs)) published += f.get();
            }
            assertThat(published).isEqualTo(5);
            for (long id : ids) assertThat(one.articles.findPublished(id)).isPresent();
            long changeRows = one.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM change WHERE kind = 'article.published'").mapTo(Long.class).one());
            assertThat(changeRows).isEqualTo(5);
            long audits = one.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit WHERE action = 'article.published-on-schedule'").mapTo(Long.class).one());
            assertThat(audits).isEqualTo(5);
        }
    }

    @Test
    void scheduling_needs_a_future_time_and_form_errors_are_named(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir)) {
            ZoneId zone = site.nashir.settings.timeZone();
            String past = LocalDateTime.ofInstant(site.clock.instant().minus(Duration.ofHours(1)), zone).toString();
            var errors = fields(1, "", "<p></p>", "0", "schedule", past).check(zone, site.clock.instant());
            assertThat(errors).containsKeys("title", "body", "publish_at");
            assertThat(errors.get("publish_at").key()).isEqualTo("editor.error.publish-at-past");
            assertThat(fields(1, "x".repeat(301), "<p>x</p>", "0", "save", "").check(zone, site.clock.instant())).containsKey("title");
            assertThat(fields(1, "عنوان", "<p>x</p>", "0", "schedule", "غداً").check(zone, site.clock.instant()).get("publish_at").key())
                .isEqualTo("editor.error.publish-at");
        }
    }

    @Test
    void word_diff_marks_arabic_words_added_and_removed() {
        List<WordDiff.Part> parts = WordDiff.between("قال الوزير إن الحكومة ستعلن القرار غداً", "قال الوزير إن الحكومة أعلنت القرار اليوم");
        assertThat(parts).extracting(WordDiff.Part::kind, WordDiff.Part::text).containsExactly(
            org.assertj.core.groups.Tuple.tuple(WordDiff.Kind.SAME, "قال الوزير إن الحكومة"),
            org.assertj.core.groups.Tuple.tuple(WordDiff.Kind.INSERTED, "أعلنت"),
            org.assertj.core.groups.Tuple.tuple(WordDiff.Kind.DELETED, "ستعلن"),
            org.assertj.core.groups.Tuple.tuple(WordDiff.Kind.SAME, "القرار"),
            org.assertj.core.groups.Tuple.tuple(WordDiff.Kind.INSERTED, "اليوم"),
            org.assertj.core.groups.Tuple.tuple(WordDiff.Kind.DELETED, "غداً"));
        assertThat(WordDiff.between("", "")).isEmpty();
        assertThat(WordDiff.between("نص", "نص")).extracting(WordDiff.Part::kind).containsExactly(WordDiff.Kind.SAME);
    }

    @Test
    void an_editor_pastes_a_library_video_address_and_the_article_plays_it_with_its_poster(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir)) {
            Account editor = account(site, Role.EDITOR);
            long s = section(site);
            // The first bytes of an MP4 file (an ftyp box), then some data.
            byte[] mp4 = new byte[2048];
            System.arraycopy(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'i', 's', 'o', '2'}, 0, mp4, 0, 24);
            long withPoster = site.nashir.media.add("clip.mp4", mp4, 10L << 20, "لقطة", "", "", null, org.nashir.testing.Images.jpeg(1280, 720));
            long bare = site.nashir.media.add("bare.mp4", mp4, 10L << 20, "لقطة ثانية", "", "", null, null);
            String clip = site.nashir.media.findVideo(withPoster).orElseThrow().videoSrc();
            String other = site.nashir.media.findVideo(bare).orElseThrow().videoSrc();

            String body = "<p>قبل المقطع</p><p><a href=\"" + clip + "\">" + clip + "</a></p><p>" + other + "</p><p>بعد المقطع</p>";
            long id = site.nashir.editing.create(form(s, "المؤتمر بالفيديو", body, "0", "publish", ""), editor).id();
            org.jsoup.nodes.Document stored = org.jsoup.Jsoup.parseBodyFragment(site.nashir.articles.findById(id).orElseThrow().body());
            var players = stored.select("video");
            assertThat(players).hasSize(2);
            assertThat(players.get(0).attr("src")).isEqualTo(clip);
            assertThat(players.get(0).attr("poster")).isEqualTo(site.nashir.media.posterOf(clip)).matches("/media/[0-9a-f]{32}/1024\\.jpg");
            assertThat(players.get(1).attr("src")).isEqualTo(other);
            assertThat(players.get(1).hasAttr("poster")).as("a video without a poster gets none invented").isFalse();
            assertThat(stored.select("p").eachText()).containsExactly("قبل المقطع", "بعد المقطع");
        }
    }
}
