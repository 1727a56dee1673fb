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
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    static final RowMapper<Account> ACCOUNT = (rs, ctx) -> new Account(rs.getLong("id"), rs.getString("email"),
        rs.getString("name"), Role.fromDb(rs.getString("role")), rs.getBoolean("disabled"), rs.getTimestamp("created_at").toInstant());
    private static final String COLUMNS = "id, email, name, role, disabled, created_at";

    /** A signed-in session: who, and the token every form must send back. */
    public record Session(Account account, String csrf) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AccountStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Creates an account; the email must be new. Returns its id. */
    public long create(String email, String name, Role role, String password) {
        String normalized = normalizeEmail(email);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) throw new IllegalArgumentException("البريد الإلكتروني غير صالح: " + email);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("الاسم مطلوب");
        if (password.length() < Passwords.MIN_LENGTH) throw new IllegalArgumentException("كلمة المرور أقصر من " + Passwords.MIN_LENGTH + " أحرف");
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

    /** Starts a session; returns the cookie token (shown to the browser once, stored only hashed). */
    public String startSession(long accountId) {
        String token = token();
        Instant now = clock.instant();
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM session WHERE expires_at < :now").bind("now", now).execute();
            h.createUpdate("INSERT INTO session (id, account_id, csrf, created_at, expires_at) VALUES (:id, :a, :c, :now, :exp)")
                .bind("id", sha256(token)).bind("a", accountId).bind("c", token()).bind("now", now).bind("exp", now.plus(SESSION_LIFETIME))
                .execute();
        });
        return token;
    }

    public Optional<Session> findSession(String token) {
        if (token == null || token.length() > 100) return Optional.empty();
        return jdbi.withHandle(h -> h.createQuery("SELECT a.id, a.email, a.name, a.role, a.disabled, a.created_at, s.csrf "
                + "FROM session s JOIN account a ON a.id = s.account_id WHERE s.id = :id AND s.expires_at > :now AND a.disabled = :no")
            .bind("id", sha256(token)).bind("now", clock.instant()).bind("no", false)
            .map((rs, ctx) -> new Session(ACCOUNT.map(rs, ctx), rs.getString("csrf"))).findOne());
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
