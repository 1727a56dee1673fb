package org.nashir.article;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level diff for revisions. Words are whatever lies between white space, so Arabic words with their
 * clitics and punctuation compare as written. Common beginnings and ends are set aside first; the middle is
 * compared word by word (longest common subsequence) when it is small enough, else shown as replaced whole.
 */
public final class WordDiff {
    /** A run of words that is the same, inserted or deleted. */
    public record Part(Kind kind, String text) {}

    public enum Kind { SAME, INSERTED, DELETED }

    static final long MAX_CELLS = 4_000_000;

    private WordDiff() {}

    public static List<Part> between(String before, String after) {
        String[] a = words(before), b = words(after);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) start++;
        int endA = a.length, endB = b.length;
        while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
            endA--;
            endB--;
        }
        List<Part> parts = new ArrayList<>();
        add(parts, Kind.SAME, a, 0, start);
        int n = endA - start, m = endB - start;
        if ((long) n * m > MAX_CELLS) {
            add(parts, Kind.DELETED, a, start, endA);
            add(parts, Kind.INSERTED, b, start, endB);
        } else {
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = a[start + i].equals(b[start + j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0, j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && a[start + i].equals(b[start + j])) {
                    add(parts, Kind.SAME, a, start + i, start + i + 1);
                    i++;
                    j++;
                } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    add(parts, Kind.INSERTED, b, start + j, start + j + 1);
                    j++;
                } else {
                    add(parts, Kind.DELETED, a, start + i, start + i + 1);
                    i++;
                }
            }
        }
        add(parts, Kind.SAME, a, endA, a.length);
        return parts;
    }

    private static String[] words(String s) {
        String t = s == null ? "" : s.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    /** Appends words [from, to) of {@code w}, merging with the previous part when it is of the same kind. */
    private static void add(List<Part> parts, Kind kind, String[] w, int from, int to) {
        if (from >= to) return;
        String text = String.join(" ", java.util.Arrays.copyOfRange(w, from, to));
        if (!parts.isEmpty() && parts.getLast().kind() == kind) {
            parts.set(parts.size() - 1, new Part(kind, parts.getLast().text() + " " + text));
        } else {
            parts.add(new Part(kind, text));
        }
    }
}
