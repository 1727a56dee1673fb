package org.nashir.article;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nashir.storage.Dialect;
import org.nashir.testing.TestSite;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The article store and the imports transaction, on SQLite and on PostgreSQL. */
class ArticleStoreTest {
    static final Instant T = Instant.parse("2026-11-29T08:00:00Z");

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void published_article_is_found_with_its_section_bylines_and_tags(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of())) {
            long id = site.nashir.imports.create(new NewArticle("عنوان الخبر", "تمهيد", "ملخص", "<p>نص</p><script>alert(1)</script>",
                List.of("سلمى الحداد", "فريق ماسة"), "وكالة", "https://example.org/a", "سياسة", List.of("البرلمان", "الانتخابات"),
                "عاجل", Article.PUBLISHED, T, 5, "http://old.example/1", null)).id();

            Article a = site.nashir.articles.findPublished(id).orElseThrow();
            assertThat(a.title()).isEqualTo("عنوان الخبر");
            assertThat(a.slug()).isEqualTo("عنوان-الخبر");
            assertThat(a.body()).isEqualTo("<p>نص</p>");
            assertThat(a.publishedAt()).isEqualTo(T);
            assertThat(a.version()).isEqualTo(1);
            assertThat(site.nashir.articles.listBylines(id)).extracting(Byline::name, Byline::desk)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("سلمى الحداد", false), org.assertj.core.groups.Tuple.tuple("فريق ماسة", true));
            assertThat(site.nashir.articles.listTags(id)).extracting(Tag::name).containsExactlyInAnyOrder("البرلمان", "الانتخابات");
            assertThat(site.nashir.sections.findBySlug("سياسة")).get().extracting(s -> s.name()).isEqualTo("سياسة");
            Tag tag = site.nashir.articles.findTag("البرلمان").orElseThrow();
            assertThat(site.nashir.articles.listTagged(tag.id(), 10, 0).items()).extracting(Teaser::id).containsExactly(id);
            Byline desk = site.nashir.articles.findByline("فريق-ماسة").orElseThrow();
            assertThat(site.nashir.articles.listBylined(desk.id(), 10, 0).total()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void drafts_and_articles_scheduled_for_later_are_not_visible_to_readers(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of())) {
            long draft = site.nashir.imports.create(new NewArticle("مسودة", null, null, "<p>x</p>", List.of(), null, null, "سياسة",
                List.of(), null, Article.DRAFT, null, 0, null, null)).id();
            long later = site.publish("سياسة", "لاحقاً", site.clock.instant().plus(Duration.ofHours(1)));
            assertThat(site.nashir.articles.findPublished(draft)).isEmpty();
            assertThat(site.nashir.articles.findPublished(later)).isEmpty();
            assertThat(site.nashir.articles.listLatest(10, 0).total()).isZero();
            site.clock.advance(Duration.ofHours(2));
            assertThat(site.nashir.articles.findPublished(later)).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void listings_are_newest_first_paginated_and_counted(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of())) {
            for (int i = 0; i < 25; i++) site.publish(i % 2 == 0 ? "رياضة" : "ثقافة", "خبر " + i, T.minus(Duration.ofHours(i)));
            ArticleStore.Slice first = site.nashir.articles.listLatest(10, 0);
            assertThat(first.total()).isEqualTo(25);
            assertThat(first.items()).extracting(Teaser::title).startsWith("خبر 0", "خبر 1", "خبر 2");
            assertThat(site.nashir.articles.listLatest(10, 20).items()).hasSize(5);
            long sport = site.nashir.sections.findBySlug("رياضة").orElseThrow().id();
            assertThat(site.nashir.articles.listInSection(sport, 100, 0).total()).isEqualTo(13);
            // Archive by date: [from, to)
            assertThat(site.nashir.articles.listPublishedBetween(T.minus(Duration.ofHours(4)), T, 100, 0).items())
                .extracting(Teaser::title).containsExactly("خبر 1", "خبر 2", "خبر 3", "خبر 4");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void every_visible_write_appends_to_the_change_feed_in_its_transaction(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of())) {
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            site.nashir.changes.subscribe(c -> seen.add(c.kind() + ":" + c.entityId()));
            long id = site.publish("سياسة", "خبر", T);
            assertThat(seen).containsExactly("article.published:" + id);
            // Drafts are not visible, so they are not in the feed.
            site.nashir.imports.create(new NewArticle("مسودة", null, null, "<p>x</p>", List.of(), null, null,
                "سياسة", List.of(), null, Article.DRAFT, null, 0, null, null));
            assertThat(seen).containsExactly("article.published:" + id);
            long rows = site.nashir.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM change WHERE entity_id = :id")
                .bind("id", id).mapTo(Long.class).one());
            assertThat(rows).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void bad_source_urls_are_refused(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of())) {
            assertThatThrownBy(() -> site.nashir.imports.create(new NewArticle("عنوان", null, null, "<p>x</p>", List.of(), "مصدر",
                "javascript:alert(1)", "سياسة", List.of(), null, Article.PUBLISHED, T, 0, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
            assertThat(site.nashir.articles.listLatest(10, 0).total()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void same_named_bylines_tags_and_sections_are_reused_and_distinct_names_get_distinct_slugs(Dialect dialect, @TempDir Path dir) {
        try (TestSite site = TestSite.create(dialect, dir, Map.of())) {
            long a = site.nashir.imports.create(new NewArticle("أ", null, null, "<p>x</p>", List.of("مُحَمَّد"), null, null, "سياسة",
                List.of("وسم"), null, Article.PUBLISHED, T, 0, null, null)).id();
            long b = site.nashir.imports.create(new NewArticle("ب", null, null, "<p>x</p>", List.of("محمد", "مُحَمَّد"), null, null, "سياسة",
                List.of("وسم"), null, Article.PUBLISHED, T, 0, null, null)).id();
            assertThat(site.nashir.articles.listBylines(a)).extracting(Byline::slug).containsExactly("محمد");
            assertThat(site.nashir.articles.listBylines(b)).extracting(Byline::slug).containsExactly("محمد-2", "محمد");
            assertThat(site.nashir.sections.listAll()).hasSize(1);
        }
    }
}
