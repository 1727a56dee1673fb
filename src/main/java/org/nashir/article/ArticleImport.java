package org.nashir.article;

import org.jdbi.v3.core.Jdbi;
import org.nashir.storage.ChangeFeed;
import org.nashir.storage.ChangeKind;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Bringing an article in from elsewhere (a scraped page, a WordPress export, the demo): the row, its section
 * (created by name if new), bylines and tags, and the change-feed row, in one transaction, so readers, caches and
 * the index never see half an article. Idempotent by import key. Articles written here go through {@link Editing}.
 */
public final class ArticleImport {
    /** The article's id, and whether it was already there (same import key), in which case nothing changed. */
    public record Created(long id, boolean existed) {}

    private final Jdbi jdbi;
    private final ArticleStore articles;
    private final SectionStore sections;
    private final ChangeFeed changes;
    private final Clock clock;

    public ArticleImport(Jdbi jdbi, ArticleStore articles, SectionStore sections, ChangeFeed changes, Clock clock) {
        this.jdbi = jdbi;
        this.articles = articles;
        this.sections = sections;
        this.changes = changes;
        this.clock = clock;
    }

    public Created create(NewArticle a) {
        return create(a, ArticleKind.NEWS, (h, id) -> { });
    }

    /** An article of another kind than news (an opinion piece, an analysis) brought in. */
    public Created create(NewArticle a, ArticleKind kind) {
        return create(a, kind, (h, id) -> { });
    }

    /**
     * Creates the article and, in the same transaction, runs {@code alsoWith} with its id: what an import brings
     * along (comments, old addresses) lands with the article or not at all. Not run when the article existed.
     */
    public Created create(NewArticle a, java.util.function.BiConsumer<org.jdbi.v3.core.Handle, Long> alsoWith) {
        return create(a, ArticleKind.NEWS, alsoWith);
    }

    /** An article of another kind than news, with what comes along with it (see above). */
    public Created create(NewArticle a, ArticleKind kind, java.util.function.BiConsumer<org.jdbi.v3.core.Handle, Long> alsoWith) {
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
        return jdbi.inTransaction(h -> {
            if (a.importKey() != null) {
                var existing = h.createQuery("SELECT id FROM article WHERE import_key = :key").bind("key", a.importKey())
                    .mapTo(Long.class).findOne();
                if (existing.isPresent()) return new Created(existing.get(), true);
            }
            Instant now = clock.instant();
            long section = sections.ensure(h, a.sectionName().strip());
            long id = articles.insert(h, new ArticleStore.NewRow(a.title(), a.kicker(), a.summary(), a.bodyHtml(), a.sourceName(), a.sourceUrl(),
                a.label(), kind.code(), section, a.status(), a.publishedAt(), a.viewCount(), null, null, a.legacyUrl(), a.importKey()), now);
            articles.replaceLinks(h, id, List.copyOf(distinct(a.bylines())), List.copyOf(distinct(a.tags())));
            alsoWith.accept(h, id);
            if (!Article.DRAFT.equals(a.status()) && !Article.REVIEW.equals(a.status())) changes.append(h, ChangeKind.articleNow(a.status()), id);
            return new Created(id, false);
        });
    }

    private static Set<String> distinct(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        if (names != null) for (String n : names) if (n != null && !n.isBlank()) out.add(n.strip());
        return out;
    }
}
