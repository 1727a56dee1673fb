package org.nashir.account;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Accounts and their sessions. A session cookie holds a random token; only its SHA-256 is stored. */
public final class AccountStore {
    /** How often a session's last use is written: each request would be a write, and a minute is precise enough. */
    private static final Duration LAST_SEEN_PRECISION = Duration.ofMinutes(1);
    static final RowMapper<Account> ACCOUNT = (rs, ctx) -> new Account(rs.getLong("id"), rs.getString("email"),
        rs.getString("name"), Role.fromDb(rs.getString("role")), rs.getBoolean("disabled"), rs.getTimestamp("created_at").toInstant());
    private static final String COLUMNS = "id, email, name, role, disabled, created_at";

    /** A signed-in session: who, and the token every form must send back. */
    public record Session(Account account, String csrf) {}

    /** One of an account's sessions as "where you are signed in" shows it; {@code handle} names it in forms. */
    public record SessionInfo(String handle, Instant createdAt, Instant lastSeenAt, String browser, String address) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration idle;
    private final SecureRandom random = new SecureRandom();

    /** Sessions end {@code lifetime} after sign-in, or after {@code idle} without a request, whichever comes first. */
    public AccountStore(Jdbi jdbi, Clock clock, Duration lifetime, Duration idle) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.lifetime = lifetime;
        this.idle = idle;
    }

    public Duration sessionLifetime() {
        return lifetime;
    }

    /** Creates an account; the email must be new. Returns its id. */
    public long create(String email, String name, Role role, String password) {
        String normalized = normalizeEmail(email);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) throw new IllegalArgumentException("البريد الإلكتروني غير صالح: " + email);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("الاسم مطلوب");
        Passwords.problem(password, normalized).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        if (findByEmail(normalized).isPresent()) throw new IllegalArgumentException("يوجد حساب بهذا البريد: " + normalized);
        String hash = Passwords.hash(password);
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO account (email, name, role, password_hash, disabled, created_at) VALUES (:e, :n, :r, :p, :d, :at)")
            .bind("e", normalized).bind("n", name.strip()).bind("r", role.db()).bind("p", hash).bind("d", false).bind("at", clock.instant())
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public Optional<Account> findByEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM account WHERE email = :e").bind("e", normalizeEmail(email)).map(ACCOUNT).findOne());
    }

    public Optional<Account> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM account WHERE id = :id").bind("id", id).map(ACCOUNT).findOne());
    }

    public List<Account> listAll() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM account ORDER BY name").map(ACCOUNT).list());
    }

    public boolean any() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM account").mapTo(Integer.class).one()) > 0;
    }

    public void setRole(long id, Role role) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE account SET role = :r WHERE id = :id").bind("r", role.db()).bind("id", id).execute());
    }

    /**
     * The account whose password this is, or empty. An unknown email costs one hash check too, so the answer
     * time does not tell which emails have accounts.
     */
    public Optional<Account> authenticate(String email, String password) {
        var row = jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", password_hash FROM account WHERE email = :e")
            .bind("e", normalizeEmail(email))
            .map((rs, ctx) -> new Object[] {ACCOUNT.map(rs, ctx), rs.getString("password_hash")}).findOne());
        if (row.isEmpty()) {
            Passwords.burnCheck(password);
            return Optional.empty();
        }
        Account account = (Account) row.get()[0];
        boolean ok = Passwords.matches(password, (String) row.get()[1]);
        return ok && !account.disabled() ? Optional.of(account) : Optional.empty();
    }

    /**
     * Closes an account (someone who left) or opens it again. Closing ends its sessions at once; its API tokens stop
     * with it (they act only for an enabled account); its articles, bylines and history stay as they are.
     */
    public void setDisabled(long id, boolean disabled) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE account SET disabled = :d WHERE id = :id").bind("d", disabled).bind("id", id).execute();
            if (disabled) h.createUpdate("DELETE FROM session WHERE account_id = :id").bind("id", id).execute();
        });
    }

    /**
     * Sets a new password (already checked with {@link Passwords#problem}) and ends the account's sessions but
     * {@code keepSession} (the cookie token of the session that made the change; null ends them all).
     */
    public void setPassword(long id, String password, String keepSession) {
        String hash = Passwords.hash(password);
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE account SET password_hash = :p WHERE id = :id").bind("p", hash).bind("id", id).execute();
            h.createUpdate("DELETE FROM session WHERE account_id = :id AND id <> :keep").bind("id", id)
                .bind("keep", keepSession == null ? "" : sha256(keepSession)).execute();
        });
    }

    /** Whether {@code password} is the account's current one (same time whatever the answer). */
    public boolean passwordMatches(long id, String password) {
        String hash = jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM account WHERE id = :id").bind("id", id).mapTo(String.class).findOne()).orElse(null);
        if (hash == null) {
            Passwords.burnCheck(password);
            return false;
        }
        return Passwords.matches(password, hash);
    }

    /** What an account has done that the site keeps: why it cannot be deleted, only closed. */
    public record Traces(long articles, long revisions, long media, long auditEntries) {
        public boolean none() {
            return articles + revisions + media + auditEntries == 0;
        }
    }

    public Traces traces(long id) {
        return jdbi.withHandle(h -> traces(h, id));
    }

    private static Traces traces(org.jdbi.v3.core.Handle h, long id) {
        return h.createQuery("""
                SELECT (SELECT COUNT(*) FROM article WHERE created_by = :id), (SELECT COUNT(*) FROM revision WHERE account_id = :id),
                       (SELECT COUNT(*) FROM media WHERE created_by = :id), (SELECT COUNT(*) FROM audit WHERE account_id = :id)""")
            .bind("id", id).map((rs, ctx) -> new Traces(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).one();
    }

    /**
     * Deletes an account that has left no trace (one made by mistake); otherwise deletes nothing and returns what it
     * has done, so the admin can be told to close it instead.
     */
    public Traces deleteIfUnused(long id) {
        return jdbi.inTransaction(h -> {
            Traces t = traces(h, id);
            if (t.none()) h.createUpdate("DELETE FROM account WHERE id = :id").bind("id", id).execute();
            return t;
        });
    }

    /**
     * Starts a session; returns the cookie token (shown to the browser once, stored only hashed). {@code browser}
     * and {@code address} are what "where you are signed in" shows: a few words, and the network, not the address.
     */
    public String startSession(long accountId, String browser, String address) {
        String token = token();
        Instant now = clock.instant();
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM session WHERE expires_at < :now OR last_seen_at < :idle").bind("now", now).bind("idle", now.minus(idle)).execute();
            h.createUpdate("""
                    INSERT INTO session (id, account_id, csrf, created_at, expires_at, last_seen_at, browser, address)
                    VALUES (:id, :a, :c, :now, :exp, :now, :browser, :address)""")
                .bind("id", sha256(token)).bind("a", accountId).bind("c", token()).bind("now", now).bind("exp", now.plus(lifetime))
                .bind("browser", browser).bind("address", address).execute();
        });
        return token;
    }

    /** The account's live sessions, the latest used first. */
    public java.util.List<SessionInfo> listSessions(long accountId) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, created_at, last_seen_at, browser, address FROM session
                WHERE account_id = :a AND expires_at > :now AND (last_seen_at IS NULL OR last_seen_at > :idle)
                ORDER BY last_seen_at DESC, created_at DESC""")
            .bind("a", accountId).bind("now", now).bind("idle", now.minus(idle))
            .map((rs, ctx) -> new SessionInfo(rs.getString("id").substring(0, 16), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_seen_at") == null ? null : rs.getTimestamp("last_seen_at").toInstant(), rs.getString("browser"), rs.getString("address")))
            .list());
    }

    /** The handle of the session behind this cookie token (to mark "this browser" in the list). */
    public static String handleOf(String token) {
        return token == null ? "" : sha256(token).substring(0, 16);
    }

    /** Ends one of the account's sessions by its handle; false when it has none such. */
    public boolean endSession(long accountId, String handle) {
        if (handle == null || !handle.matches("[0-9a-f]{16}")) return false;
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM session WHERE account_id = :a AND id LIKE :prefix")
            .bind("a", accountId).bind("prefix", handle + "%").execute()) > 0;
    }

    /** Ends every session of the account but the one behind {@code keepToken}; returns how many ended. */
    public int endOtherSessions(long accountId, String keepToken) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM session WHERE account_id = :a AND id <> :keep")
            .bind("a", accountId).bind("keep", keepToken == null ? "" : sha256(keepToken)).execute());
    }

    public Optional<Session> findSession(String token) {
        if (token == null || token.length() > 100) return Optional.empty();
        Instant now = clock.instant();
        String id = sha256(token);
        Optional<Session> found = jdbi.withHandle(h -> h.createQuery("SELECT a.id, a.email, a.name, a.role, a.disabled, a.created_at, s.csrf "
                + "FROM session s JOIN account a ON a.id = s.account_id WHERE s.id = :id AND s.expires_at > :now AND a.disabled = :no "
                + "AND (s.last_seen_at IS NULL OR s.last_seen_at > :idle)")
            .bind("id", id).bind("now", now).bind("no", false).bind("idle", now.minus(idle))
            .map((rs, ctx) -> new Session(ACCOUNT.map(rs, ctx), rs.getString("csrf"))).findOne());
        if (found.isPresent()) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE session SET last_seen_at = :now WHERE id = :id AND (last_seen_at IS NULL OR last_seen_at < :since)")
                .bind("now", now).bind("id", id).bind("since", now.minus(LAST_SEEN_PRECISION)).execute());
        }
        return found;
    }

    public void endSession(String token) {
        if (token == null) return;
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM session WHERE id = :id").bind("id", sha256(token)).execute());
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Hex SHA-256 of a secret (session ids, API tokens, preview tokens): what is stored instead of the secret. */
    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
