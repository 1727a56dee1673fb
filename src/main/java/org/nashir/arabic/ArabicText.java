package org.nashir.arabic;

import java.text.Normalizer;

/**
 * Arabic text folding for matching (month names, duplicate detection, import keys) and digit handling.
 * Display text is never passed through here: only the keys we compare.
 */
public final class ArabicText {
    private ArabicText() {}

    /** Harakat, superscript alef and Quranic marks; tatweel; bidi controls and zero-width joiners. */
    static boolean isIgnorable(int c) {
        return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640
            || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F
            || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
    }

    /**
     * The matching form of {@code text}: NFKC (folds presentation forms), marks removed, hamza seats and
     * alef forms to bare letters, ى→ي, ة→ه, Persian ی ک to Arabic, Arabic-Indic and Persian digits to 0-9,
     * Latin lower-cased, runs of white space to one space.
     */
    public static String fold(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (isIgnorable(c)) continue;
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
                case 'ى', 'ی' -> 'ي';
                case 'ة' -> 'ه';
                case 'ؤ' -> 'و';
                case 'ئ' -> 'ي';
                case 'ک' -> 'ك';
                default -> Character.toLowerCase(latinDigit(c));
            });
        }
        return out.toString();
    }

    /** 0-9 for Arabic-Indic (٠-٩) and Persian (۰-۹) digits; any other character unchanged. */
    public static char latinDigit(char c) {
        if (c >= '\u0660' && c <= '\u0669') return (char) ('0' + c - '\u0660');
        if (c >= '\u06F0' && c <= '\u06F9') return (char) ('0' + c - '\u06F0');
        return c;
    }

    public static String latinDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) out.append(latinDigit(s.charAt(i)));
        return out.toString();
    }

    public static String arabicIndicDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= '0' && c <= '9' ? (char) ('\u0660' + c - '0') : c);
        }
        return out.toString();
    }
}
