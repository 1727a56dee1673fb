package org.nashir.account;

import org.jdbi.v3.core.Jdbi;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Two-step sign-in with an authenticator app: time-based one-time codes (RFC 6238: HMAC-SHA1, 30-second steps, six
 * digits, one step of clock drift either way), each accepted once; ten recovery codes for a lost phone, kept hashed,
 * each usable once; the roles that must use it. Secrets are stored encrypted (AES-GCM) with a key derived from the
 * site's secret.
 */
public final class TwoStep {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TwoStep.class);
    static final int STEP_SECONDS = 30;
    static final int RECOVERY_CODES = 10;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    /** Recovery codes avoid letters read as others (0/O, 1/I/L). */
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    /** How a code was accepted, or that it was not. */
    public enum Result { CODE, RECOVERY_CODE, WRONG }

    /** A secret to show while it is being set up: as text and as the address an authenticator app reads from the QR code. */
    public record Setup(String secret, String uri) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final byte[] key;
    private final String issuer;
    private final SecureRandom random = new SecureRandom();

    public TwoStep(Jdbi jdbi, Clock clock, byte[] siteSecret, String issuer) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.key = hmac(siteSecret, "nashir two-step secrets".getBytes(StandardCharsets.UTF_8));
        this.issuer = issuer;
    }

    public boolean enabled(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT totp_secret IS NOT NULL FROM account WHERE id = :id").bind("id", accountId)
            .mapTo(Boolean.class).findOne()).orElse(false);
    }

    /** A new secret for {@code account}, kept as pending until a code from it confirms it ({@link #confirm}). */
    public Setup begin(Account account) {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        jdbi.useHandle(h -> h.createUpdate("UPDATE account SET totp_pending = :p WHERE id = :id")
            .bind("p", encrypt(secret)).bind("id", account.id()).execute());
        return setup(account, secret);
    }

    /** The secret shown and not yet confirmed, to show again (the person may have scanned it already), or empty. */
    public Optional<Setup> pending(Account account) {
        return jdbi.withHandle(h -> h.createQuery("SELECT totp_pending FROM account WHERE id = :id").bind("id", account.id())
            .mapTo(String.class).findOne()).map(p -> readable(p, account.id())).map(secret -> setup(account, secret));
    }

    private Setup setup(Account account, byte[] secret) {
        String text = base32(secret);
        String label = URLEncoder.encode(issuer + ":" + account.email(), StandardCharsets.UTF_8).replace("+", "%20");
        return new Setup(text, "otpauth://totp/" + label + "?secret=" + text + "&issuer=" + URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20")
            + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS);
    }

    /**
     * Turns two-step on when {@code code} comes from the pending secret; returns the ten recovery codes (shown
     * once), or empty when the code is wrong or nothing is pending.
     */
    public Optional<List<String>> confirm(long accountId, String code) {
        String pending = jdbi.withHandle(h -> h.createQuery("SELECT totp_pending FROM account WHERE id = :id").bind("id", accountId)
            .mapTo(String.class).findOne()).orElse(null);
        byte[] secret = pending == null ? null : readable(pending, accountId);
        if (secret == null) return Optional.empty();
        long step = matchingStep(secret, code, 0);
        if (step < 0) return Optional.empty();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) codes.add(recoveryCode());
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE account SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = :step, totp_enabled_at = :now WHERE id = :id")
                .bind("step", step).bind("now", clock.instant()).bind("id", accountId).execute();
            h.createUpdate("DELETE FROM recovery_code WHERE account_id = :id").bind("id", accountId).execute();
            for (String c : codes) {
                h.createUpdate("INSERT INTO recovery_code (account_id, code_hash) VALUES (:id, :h)").bind("id", accountId).bind("h", hashRecovery(c)).execute();
            }
        });
        return Optional.of(codes);
    }

    /**
     * Checks a code at sign-in: six digits from the app (each accepted once: a code seen once is refused within its
     * window), or one of the recovery codes (then used up).
     */
    public Result verify(long accountId, String code) {
        String input = code == null ? "" : org.nashir.arabic.ArabicText.latinDigits(code).replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (input.matches("[0-9]{6}")) {
            record Stored(String secret, long lastStep) {}
            Stored stored = jdbi.withHandle(h -> h.createQuery("SELECT totp_secret, totp_last_step FROM account WHERE id = :id").bind("id", accountId)
                .map((rs, ctx) -> new Stored(rs.getString(1), rs.getLong(2))).findOne()).orElse(null);
            if (stored == null || stored.secret() == null) return Result.WRONG;
            byte[] secret = readable(stored.secret(), accountId);
            if (secret == null) return Result.WRONG;
            long step = matchingStep(secret, input, stored.lastStep());
            if (step < 0) return Result.WRONG;
            // Conditional: of two requests with the same code, one moves the step and the other finds it moved.
            int moved = jdbi.withHandle(h -> h.createUpdate("UPDATE account SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step")
                .bind("step", step).bind("id", accountId).execute());
            return moved == 1 ? Result.CODE : Result.WRONG;
        }
        if (input.matches("[a-z0-9]{10}")) {
            int used = jdbi.withHandle(h -> h.createUpdate("UPDATE recovery_code SET used_at = :now WHERE account_id = :id AND code_hash = :h AND used_at IS NULL")
                .bind("now", clock.instant()).bind("id", accountId).bind("h", hashRecovery(input)).execute());
            return used == 1 ? Result.RECOVERY_CODE : Result.WRONG;
        }
        return Result.WRONG;
    }

    /** Recovery codes not yet used. */
    public int recoveryCodesLeft(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM recovery_code WHERE account_id = :id AND used_at IS NULL").bind("id", accountId)
            .mapTo(Integer.class).one());
    }

    /** Since when two-step is on, or null. */
    public Instant enabledAt(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT totp_enabled_at FROM account WHERE id = :id").bind("id", accountId)
            .mapTo(Instant.class).findOne()).orElse(null);
    }

    /** Turns two-step off: the secret and the recovery codes are forgotten. */
    public void disable(long accountId) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE account SET totp_secret = NULL, totp_pending = NULL, totp_enabled_at = NULL WHERE id = :id").bind("id", accountId).execute();
            h.createUpdate("DELETE FROM recovery_code WHERE account_id = :id").bind("id", accountId).execute();
        });
    }

    public Set<Role> requiredRoles() {
        Set<Role> out = EnumSet.noneOf(Role.class);
        jdbi.withHandle(h -> h.createQuery("SELECT role FROM two_step_role").mapTo(String.class).list()).forEach(r -> out.add(Role.fromDb(r)));
        return out;
    }

    public void setRequiredRoles(Set<Role> roles) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM two_step_role").execute();
            for (Role r : roles) h.createUpdate("INSERT INTO two_step_role (role) VALUES (:r)").bind("r", r.db()).execute();
        });
    }

    /** Whether {@code account} must set two-step up before anything else in the back office. */
    public boolean mustSetUp(Account account) {
        // One query: it runs before every back-office request.
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT COUNT(*) FROM account a JOIN two_step_role r ON r.role = a.role WHERE a.id = :id AND a.totp_secret IS NULL""")
            .bind("id", account.id()).mapTo(Integer.class).one()) > 0;
    }

    /** The step (now, or one either side) whose code {@code code} is and which is after {@code after}; −1 when none. */
    private long matchingStep(byte[] secret, String code, long after) {
        if (code == null) return -1;
        String digits = org.nashir.arabic.ArabicText.latinDigits(code).replaceAll("\\s", "");
        if (!digits.matches("[0-9]{6}")) return -1;
        long now = clock.instant().getEpochSecond() / STEP_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > after && java.security.MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII), digits.getBytes(StandardCharsets.US_ASCII))) {
                return step;
            }
        }
        return -1;
    }

    /** The six-digit code of {@code secret} at time step {@code step} (RFC 6238 over RFC 4226's truncation). */
    public static String code(byte[] secret, long step) {
        byte[] h = hmacSha1(secret, ByteBuffer.allocate(8).putLong(step).array());
        int offset = h[h.length - 1] & 0x0f;
        int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0, bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        return out.toString();
    }

    /** The bytes of a secret written in base32 (RFC 4648), as an authenticator app reads it. */
    public static byte[] unbase32(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0, bits = 0;
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            int v = ALPHABET.indexOf(c);
            if (v < 0) continue;
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private String recoveryCode() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 10; i++) out.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
        return out.toString();
    }

    private static String hashRecovery(String code) {
        return AccountStore.sha256("recovery:" + code.toLowerCase(Locale.ROOT));
    }

    /**
     * The stored secret, or null when this site's key cannot read it (the database restored or imported beside
     * another secret.key): said in the log, and the person's code is refused until an admin's password reset turns
     * two-step off for them to set it up again. Not a 500 at the sign-in page.
     */
    private byte[] readable(String stored, long accountId) {
        try {
            return decrypt(stored);
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.error("the two-step secret of account {} cannot be read with this site's key (was secret.key replaced?); an admin's password reset turns two-step off", accountId);
            return null;
        }
    }

    private String encrypt(byte[] secret) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(secret);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    private byte[] decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, all, 0, 12));
            return c.doFinal(all, 12, all.length - 12);
        } catch (GeneralSecurityException e) {
            // Another site secret than the one the secret was stored with (a restore without secret.key).
            throw new IllegalStateException("a two-step secret cannot be read with this site's key (was secret.key replaced?)", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmacSha1(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
