package org.nashir.article;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.nashir.account.Account;
import org.nashir.account.AccountStore;
import org.nashir.account.AuditLog;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Private preview links: an editor shares a draft or an embargoed article with someone who has no account (a
 * partner, a source checking a quote). The link carries a random token; only its SHA-256 is stored. It works until
 * it expires or is revoked, and the page it opens is never cached and never indexed.
 */
public final class PreviewStore {
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(2);
    public static final Duration LONGEST = Duration.ofDays(14);

    /** One link as the editor sees it (the token itself is shown once, when made). */
    public record Link(long id, long articleId, Instant createdAt, Instant expiresAt, Instant revokedAt, boolean usable) {}

    private final Jdbi jdbi;
    private final ArticleStore articles;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PreviewStore(Jdbi jdbi, ArticleStore articles, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.articles = articles;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes a link to article {@code articleId} valid for {@code lifetime}; returns the path, the only time it exists in clear. */
    public String create(long articleId, Duration lifetime, Account by) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(LONGEST) > 0) {
            throw new DeskRefused("preview lifetime " + lifetime, "preview.error.lifetime");
        }
        if (articles.findById(articleId).isEmpty()) throw new DeskRefused("no article " + articleId, "error.article-not-found");
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO preview_link (article_id, token_hash, created_at, expires_at, created_by) VALUES (:a, :h, :now, :until, :by)")
                .bind("a", articleId).bind("h", AccountStore.sha256(token)).bind("now", now).bind("until", now.plus(lifetime))
                .bind("by", Account.idOf(by)).execute();
            audit.record(h, Account.idOf(by), "preview.created", "article:" + articleId, "until " + now.plus(lifetime));
        });
        return "/preview/" + token;
    }

    /** The article behind a usable token, whatever its status; empty for an unknown, expired or revoked token. */
    public Optional<Article> findArticle(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) return Optional.empty();
        Instant now = clock.instant();
        Optional<Long> id = jdbi.withHandle(h -> h.createQuery(
                "SELECT article_id FROM preview_link WHERE token_hash = :h AND revoked_at IS NULL AND expires_at > :now")
            .bind("h", AccountStore.sha256(token)).bind("now", now).mapTo(Long.class).findOne());
        return id.flatMap(articles::findById);
    }

    public List<Link> listFor(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, article_id, created_at, expires_at, revoked_at,
                       CASE WHEN revoked_at IS NULL AND expires_at > :now THEN 1 ELSE 0 END AS usable
                FROM preview_link WHERE article_id = :a ORDER BY created_at DESC, id DESC""")
            .bind("a", articleId).bind("now", clock.instant()).map(ConstructorMapper.of(Link.class)).list());
    }

    /** Stops a link at once; false when it was not one of this article's usable links. */
    public boolean revoke(long articleId, long linkId, Account by) {
        return jdbi.inTransaction(h -> {
            int rows = h.createUpdate("UPDATE preview_link SET revoked_at = :now WHERE id = :id AND article_id = :a AND revoked_at IS NULL")
                .bind("now", clock.instant()).bind("id", linkId).bind("a", articleId).execute();
            if (rows > 0) audit.record(h, Account.idOf(by), "preview.revoked", "article:" + articleId, "link " + linkId);
            return rows > 0;
        });
    }
}
