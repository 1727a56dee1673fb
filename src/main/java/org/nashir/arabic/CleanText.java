package org.nashir.arabic;

import java.text.Normalizer;

/**
 * The one rule every text a person or an import sends goes through before it is checked and stored. Text pasted from
 * word processors and other sites carries characters no page, feed or sitemap can hold (XML forbids most control
 * characters: one U+000B in a title made every feed answer 500) and bidirectional controls that reorder what readers
 * see (U+202E turns the rest of a line around, a way to disguise a link or a name). So:
 * <ul>
 *   <li>line and paragraph breaks of every kind (U+000B from Word, U+000C, U+0085, U+2028, U+2029, CR LF, CR) become
 *       a line feed in text that has lines and a space in a one-line field; a tab becomes a space in one line;</li>
 *   <li>characters XML 1.0 cannot hold are dropped: other C0 controls, DEL and the C1 controls, unpaired surrogates,
 *       noncharacters such as U+FFFE and U+FFFF, and the byte-order mark;</li>
 *   <li>bidirectional overrides (U+202D, U+202E) are dropped; embeddings and isolates are kept only when each is
 *       closed on the same line, else all of that line's are dropped; the marks (LRM, RLM, ALM) stay, as writers of
 *       mixed Arabic and Latin text need them, except at the start or end of the text;</li>
 *   <li>the result is in Unicode normal form C (the same word typed on two keyboards is stored the same way), with
 *       white space and invisible marks trimmed from both ends.</li>
 * </ul>
 * A field holding nothing visible is then empty, and refused by its own check as any empty field is.
 */
public final class CleanText {
    private CleanText() {
    }

    /** A one-line field: titles, names, bylines, tags, alt text. */
    public static String line(String s) {
        return s == null ? null : clean(s, false);
    }

    /** Text with lines: summaries, comments, captions. */
    public static String lines(String s) {
        return s == null ? null : clean(s, true);
    }

    /**
     * Markup (an article body): only what XML cannot hold and the overrides are dropped; its own sanitiser deals with
     * the rest, and breaks inside markup mean nothing.
     */
    public static String markup(String s) {
        if (s == null) return null;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029) out.append('\n');
            else if (c == '\t' || c == '\n' || c == '\r' || !forbidden(c) && c != 0x202D && c != 0x202E) out.appendCodePoint(c);
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** Whether XML 1.0 cannot hold {@code c} (or it has no business in text): what feeds and sitemaps drop as a last defence. */
    public static boolean forbidden(int c) {
        if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
        if (c >= 0x7F && c <= 0x9F) return true;
        if (c >= 0xD800 && c <= 0xDFFF) return true;
        if (c >= 0xFDD0 && c <= 0xFDEF) return true;
        if ((c & 0xFFFE) == 0xFFFE) return true;
        return c == 0xFEFF;
    }

    /** {@code s} without what XML cannot hold, unchanged otherwise (and the same object when there is nothing to drop). */
    public static String xmlSafe(String s) {
        if (s == null) return null;
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (forbidden(c)) break;
            i += Character.charCount(c);
        }
        if (i == s.length()) return s;
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(c -> !forbidden(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String clean(String s, boolean multiline) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\r') {
                if (i < s.length() && s.charAt(i) == '\n') i++;
                out.append(multiline ? '\n' : ' ');
            } else if (c == '\n' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029) {
                out.append(multiline ? '\n' : ' ');
            } else if (c == '\t') {
                out.append(multiline ? '\t' : ' ');
            } else if (!forbidden(c) && c != 0x202D && c != 0x202E) {
                out.appendCodePoint(c);
            }
        }
        String text = balanced(out.toString());
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        return trim(text);
    }

    private static boolean opener(int c) {
        return c == 0x202A || c == 0x202B || c == 0x2066 || c == 0x2067 || c == 0x2068;
    }

    private static boolean closer(int c) {
        return c == 0x202C || c == 0x2069;
    }

    /** Each line's embeddings and isolates, kept only when every one opened is closed by its own kind on that line. */
    private static String balanced(String s) {
        if (s.chars().noneMatch(c -> opener(c) || closer(c))) return s;
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.split("\n", -1)) {
            java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
            boolean ok = true;
            for (int i = 0; i < line.length() && ok; i++) {
                char c = line.charAt(i);
                if (opener(c)) open.push((int) c);
                else if (closer(c)) {
                    if (open.isEmpty()) ok = false;
                    else {
                        int o = open.pop();
                        boolean isolate = o >= 0x2066;
                        ok = isolate == (c == 0x2069);
                    }
                }
            }
            ok &= open.isEmpty();
            if (ok) out.append(line);
            else line.chars().filter(c -> !opener(c) && !closer(c)).forEach(c -> out.append((char) c));
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** Drops white space and invisible format characters (marks, joiners, balanced controls with nothing between) from both ends. */
    private static String trim(String s) {
        int start = 0, end = s.length();
        // Not the embeddings and isolates, kept balanced above: trimming one end of a pair would unbalance it.
        while (start < end && edge(s.codePointAt(start))) start += Character.charCount(s.codePointAt(start));
        while (end > start && edge(s.codePointBefore(end))) end -= Character.charCount(s.codePointBefore(end));
        String t = s.substring(start, end);
        // Only controls left (say an isolate around nothing): nothing visible.
        return t.codePoints().allMatch(CleanText::invisible) ? "" : t;
    }

    private static boolean edge(int c) {
        return invisible(c) && !opener(c) && !closer(c);
    }

    private static boolean invisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT || c == 0x034F;
    }
}
