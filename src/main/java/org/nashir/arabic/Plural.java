package org.nashir.arabic;

/**
 * Arabic plural categories (CLDR): 1 one, 2 two, 3–10 few, 11–99 many, the rest (0, 100, 101, 102…) other,
 * where few and many look at {@code n % 100}. A noun gives its form for each, e.g.
 * تعليق / تعليقان / تعليقات / تعليقًا / تعليق.
 */
public record Plural(String one, String two, String few, String many, String other) {

    public enum Category { ONE, TWO, FEW, MANY, OTHER }

    public static Category categoryOf(long n) {
        long abs = Math.abs(n);
        if (abs == 1) return Category.ONE;
        if (abs == 2) return Category.TWO;
        long mod = abs % 100;
        if (mod >= 3 && mod <= 10) return Category.FEW;
        if (mod >= 11 && mod <= 99) return Category.MANY;
        return Category.OTHER;
    }

    /**
     * The counted phrase: one and two are said by the noun alone (تعليق, تعليقان), the others with the number
     * before the noun (٣ تعليقات, ١١ تعليقًا, ١٠٠ تعليق). {@code number} is the already-formatted count.
     */
    public String phrase(long n, String number) {
        return switch (categoryOf(n)) {
            case ONE -> one;
            case TWO -> two;
            case FEW -> number + " " + few;
            case MANY -> number + " " + many;
            case OTHER -> number + " " + other;
        };
    }
}
