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

    /** A random password of 16 letters and digits, for accounts created without one. */
    public static String generate() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return out.toString();
    }
}
