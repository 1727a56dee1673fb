package org.nashir.search;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nashir.account.Role;
import org.nashir.storage.Dialect;
import org.nashir.testing.Agent;
import org.nashir.testing.TestSite;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: editors see what readers search for and what found nothing, by day and week, with no address kept. */
class SearchStatsTest {
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void searches_are_counted_by_folded_words_without_the_reader(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of("NASHIR_BEHIND_PROXY", "true")).start()) {
            site.publish("سياسة", "الرئيس يستقبل الوفد", site.clock.instant().minus(Duration.ofHours(2)));
            String[] typed = {"الرئيس", "الرئيس", "الرئيس  ", "زلزال", "زلزال", "الرئيس"};
            for (String q : typed) {
                site.get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "X-Forwarded-For", "203.0.113.77");
            }
            site.get("/api/v1/search?q=" + URLEncoder.encode("الرئيس", StandardCharsets.UTF_8), "X-Forwarded-For", "203.0.113.77");
            // Another page of the same search is not another search.
            site.get("/search?q=" + URLEncoder.encode("الرئيس", StandardCharsets.UTF_8) + "&page=2");
            site.nashir.searchStats.flush();

            List<SearchStats.Line> top = site.nashir.searchStats.top(1, 10);
            assertThat(top).extracting(SearchStats.Line::shown).containsExactly("الرئيس", "زلزال");
            assertThat(top.getFirst().searches()).isEqualTo(5);
            assertThat(top.getFirst().empty()).isZero();
            assertThat(site.nashir.searchStats.unanswered(1, 10)).containsExactly(new SearchStats.Line("زلزال", 2, 2));

            // Spellings that fold alike are one line.
            site.get("/search?q=" + URLEncoder.encode("الرءيس", StandardCharsets.UTF_8));
            site.nashir.searchStats.flush();
            assertThat(site.nashir.searchStats.top(1, 10).getFirst().searches()).isEqualTo(6);

            // Nothing that tells one reader from another is stored: only these columns, and no address in any value.
            List<Map<String, Object>> rows = site.nashir.db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM search_stat").mapToMap().list());
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.keySet()).containsExactlyInAnyOrder("day", "folded", "shown", "searches", "empty");
                assertThat(r.values().toString()).doesNotContain("203.0.113.77");
            });

            // The editors' page: the day's and the week's, and yesterday's still in the week.
            site.clock.advance(Duration.ofDays(1));
            Agent editor = Agent.signedIn(site, "editor@example.org", Role.EDITOR);
            Document page = Jsoup.parse(editor.get("/admin/searches").body());
            assertThat(page.select("#top-week ~ table tbody tr td:first-child").eachText()).containsExactly("الرئيس", "زلزال");
            assertThat(page.select("#empty-week ~ table tbody tr td:first-child").eachText()).containsExactly("زلزال");
            assertThat(page.select("#top-day ~ table")).isEmpty();
            Agent writer = Agent.signedIn(site, "writer@example.org", Role.WRITER);
            assertThat(writer.get("/admin/searches").statusCode()).as("editors only").isEqualTo(403);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void a_flood_of_distinct_queries_keeps_a_bounded_table(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of()).start()) {
            SearchStats stats = site.nashir.searchStats;
            for (int i = 0; i < SearchStats.QUERIES_PER_DAY + 300; i++) stats.record("كلمة" + i, 0);
            stats.flush();
            long rows = site.nashir.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM search_stat").mapTo(Long.class).one());
            assertThat(rows).isEqualTo(SearchStats.QUERIES_PER_DAY);
            assertThat(stats.dropped()).isEqualTo(300);
            stats.record("كلمة1", 5);
            stats.flush();
            assertThat(stats.top(1, 1).getFirst()).isEqualTo(new SearchStats.Line("كلمة1", 2, 1));
        }
    }
}
