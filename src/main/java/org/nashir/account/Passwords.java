package org.nashir.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import java.security.SecureRandom;

/**
 * Argon2id password hashes (OWASP's minimum: 19 MiB, 2 passes, 1 lane). A hash for a password nobody has is
 * kept so that signing in as an unknown account costs the same time as a wrong password.
 */
public final class Passwords {
    static final int MIN_LENGTH = 10;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    private static final String DECOY = hash("decoy-" + new SecureRandom().nextLong());

    private Passwords() {}

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public static boolean matches(String password, String hash) {
        return Password.check(password, hash).with(ARGON2);
    }

    /** Spends the time of one check, for unknown accounts. */
    static void burnCheck(String password) {
        matches(password, DECOY);
    }

    static final int MAX_LENGTH = 200;
    private static final java.util.Set<String> COMMON = loadCommon();

    /**
     * Why {@code password} will not do for the account {@code email}, in Arabic, or empty. Length is the rule (10
     * characters at least, letters of any script, spaces allowed: a phrase is best), with no rules of composition;
     * refused besides are the passwords attackers try first (a list, compared without case, spaces, trailing digits
     * and the usual Arabic spelling variants), runs of one key or of the keyboard or alphabet, and the e-mail's name.
     */
    public static java.util.Optional<String> problem(String password, String email) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) return java.util.Optional.of("كلمة المرور أقصر من " + MIN_LENGTH + " أحرف؛ عبارة من بضع كلمات أسهل حفظاً وأصعب تخميناً.");
        if (length > MAX_LENGTH) return java.util.Optional.of("كلمة المرور أطول من " + MAX_LENGTH + " حرف.");
        String plain = normal(password);
        String bare = plain.replaceFirst("[0-9!@#$%^&*().,?_\\-]+$", "");
        if (COMMON.contains(plain) || COMMON.contains(bare) || plain.codePoints().distinct().count() <= 2 || sequence(plain)) {
            return java.util.Optional.of("كلمة المرور هذه من أول ما يجرّبه المهاجمون؛ اختر عبارة لا يعرفها غيرك.");
        }
        String local = email == null ? "" : normal(email.replaceFirst("@.*", ""));
        if (local.length() >= 4 && plain.contains(local)) return java.util.Optional.of("لا تجعل اسم بريدك جزءاً من كلمة المرور.");
        return java.util.Optional.empty();
    }

    private static String normal(String s) {
        return org.nashir.arabic.ArabicText.fold(org.nashir.arabic.ArabicText.latinDigits(s.toLowerCase(java.util.Locale.ROOT))).replaceAll("\\s+", "");
    }

    /** Whether each character follows the one before by the same step (abcdef…, 98765…): a walk along a row. */
    private static boolean sequence(String s) {
        int[] c = s.codePoints().toArray();
        if (c.length < 3) return false;
        int step = c[1] - c[0];
        if (Math.abs(step) != 1) return false;
        for (int i = 2; i < c.length; i++) if (c[i] - c[i - 1] != step) return false;
        return true;
    }

    private static java.util.Set<String> loadCommon() {
        try (var in = Passwords.class.getResourceAsStream("/account/common-passwords.txt")) {
            if (in == null) throw new IllegalStateException("common-passwords.txt is missing from the build");
            java.util.Set<String> out = new java.util.HashSet<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) out.add(normal(line.strip()));
            }
            return java.util.Set.copyOf(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A random password of 16 letters and digits, for accounts created without one. */
    public static String generate() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return out.toString();
    }
}
