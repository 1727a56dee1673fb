package org.nashir.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reader typed, read leniently: words, {@code "quoted phrases"} (an unclosed quote runs to the end),
 * and {@code -excluded} words or phrases. Control characters are dropped; only the first {@link #MAX_WORDS} words
 * are used, and {@link #truncated} says so, so the page can tell the reader.
 */
public record SearchQuery(List<String> words, List<String> phrases, List<String> excluded, boolean truncated) {
    static final int MAX_WORDS = 32;
    private static final Pattern PART = Pattern.compile("(-?)\"([^\"]*)\"?|(-?)([^\\s\"]+)");

    /** What was typed with control and format characters (pasted from a word processor) made spaces; ZWNJ/ZWJ kept. */
    public static String clean(String raw) {
        return raw == null ? "" : CONTROLS.matcher(raw).replaceAll(" ");
    }

    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\u200C\\u200D]]");

    public static SearchQuery parse(String raw) {
        String text = clean(raw);
        if (text.length() > 2_000) text = text.substring(0, 2_000);
        List<String> words = new ArrayList<>(), phrases = new ArrayList<>(), excluded = new ArrayList<>();
        Matcher m = PART.matcher(text);
        int count = 0;
        boolean truncated = raw != null && raw.length() > 2_000;
        while (m.find()) {
            if (++count > MAX_WORDS) {
                truncated = true;
                break;
            }
            if (m.group(2) != null) {
                String phrase = m.group(2).strip();
                if (phrase.isEmpty()) continue;
                (m.group(1).isEmpty() ? phrases : excluded).add(phrase);
            } else {
                String word = m.group(4).replaceAll("^[\\p{Punct}،؛؟«»]+|[\\p{Punct}،؛؟«»]+$", "");
                if (word.isEmpty()) continue;
                (m.group(3).isEmpty() ? words : excluded).add(word);
            }
        }
        return new SearchQuery(words, phrases, excluded, truncated);
    }

    public boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty();
    }
}
