package org.nashir.account;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * API tokens: created in the back office, shown once, stored as SHA-256 only. A token acts as its account with
 * the account's role, checked on every request, so demoting or disabling the account narrows or stops its tokens
 * at once.
 */
public final class ApiTokenStore {
    /** A token as the back office lists it: never the token itself, only its first letters as a hint. */
    public record Token(long id, String name, String hint, Instant createdAt, Instant lastUsedAt, Instant revokedAt, Instant expiresAt) {
        /** Whether the token has reached the end it was given. */
        public boolean expired(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }

    static final String PREFIX = "nashir_";
    /** Last-used times are written at most this often per token: not one write per API call. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokenStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A new token for {@code accountId}; the returned value is the only time it exists in clear. */
    public String create(long accountId, String name) {
        return create(accountId, name, null);
    }

    /** A new token that stops working at {@code expiresAt} (null: when revoked). */
    public String create(long accountId, String name, Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_token (account_id, name, token_hash, hint, created_at, expires_at) VALUES (:a, :n, :h, :hint, :at, :exp)")
            .bind("a", accountId).bind("n", name).bind("h", AccountStore.sha256(token)).bind("hint", token.substring(0, PREFIX.length() + 4))
            .bind("at", clock.instant()).bind("exp", expiresAt).execute());
        return token;
    }

    public List<Token> listFor(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, hint, created_at, last_used_at, revoked_at, expires_at FROM api_token "
                + "WHERE account_id = :a ORDER BY created_at DESC, id DESC")
            .bind("a", accountId).map(ConstructorMapper.of(Token.class)).list());
    }

    /** Revokes one of the account's own tokens; false when it has no such token. */
    public boolean revoke(long accountId, long tokenId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE api_token SET revoked_at = :now WHERE id = :id AND account_id = :a AND revoked_at IS NULL")
            .bind("now", clock.instant()).bind("id", tokenId).bind("a", accountId).execute()) > 0;
    }

    /** The enabled account a live token belongs to. */
    public Optional<Account> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) return Optional.empty();
        Instant now = clock.instant();
        String hash = AccountStore.sha256(token);
        Optional<Account> found = jdbi.withHandle(h -> h.createQuery("SELECT a.id, a.email, a.name, a.role, a.disabled, a.created_at "
                + "FROM api_token t JOIN account a ON a.id = t.account_id WHERE t.token_hash = :h AND t.revoked_at IS NULL AND a.disabled = :no "
                + "AND (t.expires_at IS NULL OR t.expires_at > :now)")
            .bind("h", hash).bind("no", false).bind("now", now).map(AccountStore.ACCOUNT).findOne());
        if (found.isPresent()) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE api_token SET last_used_at = :now WHERE token_hash = :h AND (last_used_at IS NULL OR last_used_at < :since)")
                .bind("now", now).bind("h", hash).bind("since", now.minus(LAST_USED_PRECISION)).execute());
        }
        return found;
    }
}
