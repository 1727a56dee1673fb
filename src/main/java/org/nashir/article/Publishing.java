package org.nashir.article;

import org.jdbi.v3.core.Jdbi;
import org.nashir.arabic.Slug;
import org.nashir.section.SectionStore;
import org.nashir.storage.ChangeFeed;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Creating an article: the row, its section, bylines and tags, and the change-feed row, in one transaction,
 * so readers, caches and the index never see half an article.
 */
public final class Publishing {
    /** The article's id, and whether it was already there (same import key), in which case nothing changed. */
    public record Created(long id, boolean existed) {}

    private final Jdbi jdbi;
    private final ArticleStore articles;
    private final SectionStore sections;
    private final ChangeFeed changes;
    private final Clock clock;

    public Publishing(Jdbi jdbi, ArticleStore articles, SectionStore sections, ChangeFeed changes, Clock clock) {
        this.jdbi = jdbi;
        this.articles = articles;
        this.sections = sections;
        this.changes = changes;
        this.clock = clock;
    }

    public Created create(NewArticle a) {
        return create(a, (h, id) -> { });
    }

    /**
     * Creates the article and, in the same transaction, runs {@code alsoWith} with its id: what an import brings
     * along (comments, old addresses) lands with the article or not at all. Not run when the article existed.
     */
    public Created create(NewArticle a, java.util.function.BiConsumer<org.jdbi.v3.core.Handle, Long> alsoWith) {
        if (a.title() == null || a.title().isBlank()) throw new IllegalArgumentException("article without a title");
        if (a.sectionName() == null || a.sectionName().isBlank()) throw new IllegalArgumentException("article without a section: " + a.title());
        if (!List.of(Article.DRAFT, Article.REVIEW, Article.SCHEDULED, Article.PUBLISHED, Article.ARCHIVED).contains(a.status())) {
            throw new IllegalArgumentException("unknown article status " + a.status());
        }
        if ((Article.PUBLISHED.equals(a.status()) || Article.SCHEDULED.equals(a.status())) && a.publishedAt() == null) {
            throw new IllegalArgumentException("published article without a publication time: " + a.title());
        }
        if (a.sourceUrl() != null && !a.sourceUrl().isBlank() && !a.sourceUrl().matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("source URL must be http(s): " + a.sourceUrl());
        }
        Created created = jdbi.inTransaction(h -> {
            if (a.importKey() != null) {
                var existing = h.createQuery("SELECT id FROM article WHERE import_key = :key").bind("key", a.importKey())
                    .mapTo(Long.class).findOne();
                if (existing.isPresent()) return new Created(existing.get(), true);
            }
            Instant now = clock.instant();
            long section = sections.ensure(h, a.sectionName().strip());
            long id = articles.insert(h, a, Slug.of(a.title()), BodyHtml.sanitize(a.bodyHtml()), section, now);
            int position = 0;
            for (String name : distinct(a.bylines())) articles.addByline(h, id, articles.ensureByline(h, name), position++);
            for (String name : distinct(a.tags())) articles.addTag(h, id, articles.ensureTag(h, name));
            alsoWith.accept(h, id);
            if (!Article.DRAFT.equals(a.status()) && !Article.REVIEW.equals(a.status())) changes.append(h, "article." + a.status(), "article", id);
            return new Created(id, false);
        });
        if (!created.existed()) changes.poll();
        return created;
    }

    private static Set<String> distinct(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        if (names != null) for (String n : names) if (n != null && !n.isBlank()) out.add(n.strip());
        return out;
    }
}
