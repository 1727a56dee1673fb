package org.nashir.comment;

import org.nashir.arabic.ArabicText;
import org.nashir.config.Settings;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Spam defence without a paid service. A comment passes, in order: a honeypot field people never see; a signed,
 * time-stamped token the page fetches from an uncached endpoint (so the article HTML stays cacheable), neither
 * used faster than a person types nor after it expired; bans; duplicate text; a limit on links; a word blocklist
 * compared after Arabic folding (so spelling variants of a word match). Nothing is published unmoderated.
 */
public final class SpamGuard {
    /** reject: refused with a message, nothing stored; spam: stored hidden; hold: stored for moderation. */
    public record Verdict(String outcome, String reason) {
        static Verdict reject(String reason) {
            return new Verdict("reject", reason);
        }
    }

    static final Duration MIN_FILL = Duration.ofSeconds(3);
    static final Duration TOKEN_LIFETIME = Duration.ofHours(2);
    static final Duration DUPLICATE_WINDOW = Duration.ofDays(1);
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.|\\b[a-z0-9-]+\\.(com|net|org|info|ru|xyz|top|io)\\b)");


    private final java.util.Map<String, String> outcomes;
    private final byte[] key;
    private final Clock clock;
    private final List<String> blocklist;
    private final CommentStore store;

    public SpamGuard(byte[] key, Clock clock, List<String> blocklist, java.util.Map<String, String> outcomes, CommentStore store) {
        java.util.Map<String, String> all = new java.util.HashMap<>(Settings.COMMENT_RULE_DEFAULTS);
        all.putAll(outcomes);
        this.outcomes = java.util.Map.copyOf(all);
        this.key = key.clone();
        this.clock = clock;
        this.blocklist = blocklist.stream().map(ArabicText::fold).filter(w -> !w.isBlank()).toList();
        this.store = store;
    }

    /** A token for the form of article {@code articleId}: issue time and article, signed. */
    public String token(long articleId) {
        String payload = articleId + ":" + clock.millis();
        return payload + ":" + sign(payload);
    }

    /** The verdict of the first rule the comment trips, with the outcome the site chose for that rule. */
    public Verdict judge(long articleId, CommentForm f, String ipHash, String emailHash) {
        Verdict v = check(articleId, f, ipHash, emailHash);
        return v.reason().equals("moderation") ? v : new Verdict(outcomes.get(v.reason()), v.reason());
    }

    private Verdict check(long articleId, CommentForm f, String ipHash, String emailHash) {
        if (!f.website().isEmpty()) return Verdict.reject("honeypot");
        // A missing token (a reader without JavaScript) is one more signal, judged last: every other rule applies
        // to such a comment too, or sending no token would be the way round them.
        boolean noToken = f.token().isEmpty();
        if (!noToken) {
            String[] parts = f.token().split(":");
            if (parts.length != 3 || !parts[0].equals(Long.toString(articleId)) || !parts[1].matches("[0-9]{1,15}")
                || !MessageDigest.isEqual(sign(parts[0] + ":" + parts[1]).getBytes(StandardCharsets.UTF_8), parts[2].getBytes(StandardCharsets.UTF_8))) {
                return Verdict.reject("token");
            }
            long age = clock.millis() - Long.parseLong(parts[1]);
            if (age < MIN_FILL.toMillis()) return Verdict.reject("too-fast");
            if (age > TOKEN_LIFETIME.toMillis()) return Verdict.reject("expired");
        }
        if (store.isBanned(ipHash, emailHash)) return Verdict.reject("banned");
        if (store.isDuplicate(bodyHash(f.body()), DUPLICATE_WINDOW)) return Verdict.reject("duplicate");
        long links = LINK.matcher(f.body()).results().count();
        if (links > 2) return new Verdict("spam", "links");
        String folded = " " + ArabicText.fold(f.body() + " " + f.name()) + " ";
        for (String word : blocklist) if (folded.contains(word)) return new Verdict("spam", "blocklist");
        if (noToken) return new Verdict("hold", "no-token");
        return new Verdict("hold", "moderation");
    }

    /** Keyed hash of an address or email: enough to rate-limit and ban, useless to anyone reading the database. */
    public String hash(String value) {
        return sign("id:" + value.strip().toLowerCase(java.util.Locale.ROOT)).substring(0, 32);
    }

    static String bodyHash(String body) {
        try {
            String normal = ArabicText.fold(body).replaceAll("[\\p{P}\\p{S}\\s]+", " ").strip();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
