package org.nashir.arabic;

import java.text.Normalizer;
import java.util.Locale;

/**
 * URL slugs that keep Arabic words readable: {@code التحالف-يقصف-داعش}. Marks and tatweel go, digits become
 * 0-9, Latin is lower-cased, everything that is not a letter or digit becomes one hyphen, and long titles are
 * cut at a word boundary.
 */
public final class Slug {
    static final int MAX_LENGTH = 80;

    private Slug() {}

    public static String of(String text) {
        String n = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (ArabicText.isIgnorable(c)) continue;
            c = ArabicText.latinDigit(c);
            if (Character.isLetterOrDigit(c)) {
                if (dash && out.length() > 0) out.append('-');
                dash = false;
                out.append(Character.toLowerCase(c));
            } else {
                dash = true;
            }
        }
        String slug = out.toString().toLowerCase(Locale.ROOT);
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH);
        }
        return slug;
    }
}
