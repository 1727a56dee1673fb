package org.nashir.arabic;

import java.text.Normalizer;
import java.util.List;
import java.util.Set;

/**
 * Nashir's Arabic matching form of a word: folding (what readers type differently) then light stemming (what
 * grammar attaches). Used at index and query time alike; display text is never touched.
 *
 * <p>Folding: NFKC (presentation forms), harakat, dagger alef, tatweel and bidi/zero-width marks removed; أ إ آ ٱ → ا;
 * every hamza seat (ء ؤ ئ) → ء, so مسؤول and مسئول meet; ى ی → ي; ة → ه; ک → ك; Arabic-Indic and Persian digits → 0-9.
 *
 * <p>Stemming strips stacked proclitics (و ف, then ب ك ل with ال, or لل) and the future س before an imperfect
 * verb; then pronoun suffixes, sound plurals and duals (ات ون ين ان), then ta marbuta. A protected list keeps words
 * whose first or last letters only look like affixes (وزير، فلسطين، الله، بيروت، ليبيا…), and minimum stem lengths
 * keep short words whole. Where stripping a lone و ف ب ك ل or س is a guess (وقال is و+قال, but وزيرة is one word),
 * {@link #stems} gives both readings so either spelling finds the article.
 */
public final class ArabicStemmer {
    private ArabicStemmer() {}

    /**
     * Words whose first letters look like a clitic but are not (folded forms): no prefix is stripped from them, but
     * their real suffixes still are, so وزارات meets وزارة and لاعبين meets لاعب.
     */
    static final Set<String> PROTECTED = Set.copyOf(fold(List.of(
        "الله", "اللهم", "وزير", "وزيره", "وزراء", "وزاره", "وزارات", "وطن", "وطني", "وطنيه", "وقت", "ولد", "ولايه", "ولايات", "وكاله",
        "وكالات", "وفد", "وضع", "وجه", "وسط", "وثيقه", "واشنطن", "واقع", "وادي", "وفاه", "وقف", "وعد", "وحده", "ورقه", "وليد", "وصول",
        "فلسطين", "فرنسا", "فريق", "فيلم", "فكره", "فتره", "فصل", "فوز", "فيروس", "فندق", "فنان", "فيديو", "فيسبوك", "فنزويلا", "فنلندا",
        "بيروت", "بريطانيا", "بغداد", "بلد", "بلاد", "بنك", "بيان", "بيت", "بحر", "برنامج", "بطوله", "بطل", "بلجيكا", "برازيل",
        "بولندا", "بلغاريا", "باكستان", "بنغلاديش", "بكين", "برلين", "بروكسل", "باريس", "بوتين", "بايدن", "بوليفيا", "بيلاروسيا",
        "كتاب", "كرة", "كره", "كأس", "كاس", "كلمه", "كوريا", "كندا", "كينيا", "كولومبيا", "كرواتيا", "كوبا", "كويت", "كورونا",
        "لبنان", "ليبيا", "لندن", "لجنه", "لقاء", "لقاء", "لاعب", "لاعبين", "لعبه", "ليله", "لحظه", "لغه", "ليبي", "ليبيين",
        "سيد", "سياره", "سيارات", "سياسه", "سياسي", "سياسيه", "سينما", "سيطره", "سياحه", "سيناء", "سيول", "سيناريو",
        "ستان", "تلفزيون", "يابان", "ايران", 
        "عمان", "اردن", "بحرين", "صين", "نتنياهو", "ترامب", "طهران",
        "امريكا", "اميركا", "افريقيا", "اسيا", "اوروبا", "استراليا", "تركيا", "روسيا", "المانيا", "ايطاليا", "اسبانيا", "رومانيا", "نيجيريا",
        "اثيوبيا", "تونس", "مصر", "قطر", "موريتانيا",         "ميلان", "برشلونه", "ريال", "مدريد", "ليفربول", "تشيلسي", "يوفنتوس", "ارسنال", "مانشستر")));

    /**
     * Words whose ending looks like a plural, dual or pronoun suffix but belongs to the word (folded forms): لبنان is
     * not لبن + ان, بحرين not بحر + ين, الله not ال + له: listed where the stripped form is another word (عمران/عمر,
     * طيران/طير) or a name would lose its last letters. A suffix added to them is still stripped (لبنانيون → لبنان).
     */
    static final Set<String> WHOLE = Set.copyOf(fold(List.of(
        "الله", "اللهم", "وجه", "فلسطين", "بكين", "برلين", "بوتين", "كورونا", "لبنان", "ستان", "تلفزيون", "يابان", "ايران", "عمان",
        "بحرين", "طهران", "ميلان", "بيان", "فنان", "سودان", "يونان", "سلمان", "سليمان", "عمران", "ارسنال", "تشرين", "انسان", "طيران",
        "بركان")));

    static final Set<String> STOP = Set.copyOf(fold(List.of(
        "في", "من", "على", "إلى", "الى", "عن", "أن", "ان", "إن", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "هذا", "هذه",
        "ذلك", "تلك", "هؤلاء", "اولئك", "كان", "كانت", "يكون", "تكون", "قد", "لقد", "لا", "لم", "لن", "ما", "ماذا", "مع", "و", "او", "أو",
        "ثم", "حتى", "بعد", "قبل", "كل", "بين", "عند", "عندما", "هو", "هي", "هم", "هن", "نحن", "انا", "أنا", "انت", "أنت", "كما", "لكن",
        "لكن", "بل", "اي", "أي", "إذا", "اذا", "الا", "إلا", "منذ", "خلال", "عليه",
        "عليها", "فيه", "فيها", "منه", "منها", "به", "بها", "له", "لها", "لهم", "انه", "أنه", "انها", "أنها", "إنه", "إنها", "هناك", "هنا",
        "كذلك", "ايضا", "أيضا", "وقد", "وكان", "وهو", "وهي", "ولا", "كيف", "متى", "أين", "اين", "لماذا", "هل", "يا", "وان", "وأن", "وإن",
        "فإن", "بأن", "بان", "لدى", "لذلك", "وفي", "ومن", "وعلى", "الا", "سوف", "ليس", "ليست")));

    /** The folded form of a word: what readers type differently, made the same. */
    public static String fold(String word) {
        String n = needsNfkc(word) ? Normalizer.normalize(word, Normalizer.Form.NFKC) : word;
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640
                || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x00AD) {
                continue;
            }
            out.append(switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
                case 'ؤ', 'ئ' -> 'ء';
                case 'ى', 'ی' -> 'ي';
                case 'ة' -> 'ه';
                case 'ک' -> 'ك';
                default -> {
                    if (c >= '\u0660' && c <= '\u0669') yield (char) ('0' + c - '\u0660');
                    if (c >= '\u06F0' && c <= '\u06F9') yield (char) ('0' + c - '\u06F0');
                    yield Character.toLowerCase(c);
                }
            });
        }
        return out.toString();
    }

    /**
     * Whether NFKC could change how {@code word} folds. Plain ASCII, Arabic letters, harakat and digits come out of
     * NFKC as they went in (harakat may be reordered, but they are dropped anyway), so the normaliser's scan and
     * copy is saved on nearly every word of an article at index time. Not skipped: the combining madda and hamzas (و + U+0654 composes to ؤ), presentation
     * forms and everything else.
     */
    private static boolean needsNfkc(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean stable = c < 0x80 || (c >= 0x0621 && c <= 0x065F && (c < 0x0653 || c > 0x0655)) || (c >= 0x0660 && c <= 0x0669);
            if (!stable) return true;
        }
        return false;
    }

    /**
     * The word as readers type it without the hamza's seat, folded: ؤ → و and ئ → ي (موامرة for مؤامرة, اسراييل for
     * إسرائيل, الطواري for الطوارئ), and a final ء after alef dropped (الوزرا for الوزراء); null when the word has no
     * such hamza. Indexed beside the word's own terms, so those spellings meet it; the query is analysed as typed.
     */
    public static String seatless(String word) {
        if (word.indexOf('ؤ') < 0 && word.indexOf('ئ') < 0 && word.indexOf('ء') < 0 && word.indexOf('\u0654') < 0) return null;
        String n = needsNfkc(word) ? Normalizer.normalize(word, Normalizer.Form.NFKC) : word;
        String bare = fold(n.replace('ؤ', 'و').replace('ئ', 'ي'));
        if (bare.endsWith("اء")) bare = bare.substring(0, bare.length() - 1);
        return bare.equals(fold(n)) ? null : bare;
    }

    /**
     * Stems of the seatless spelling ({@link #seatless}) worth indexing: those not already among the word's stems,
     * and, where a final ء was dropped, only stems of four letters or more, so دعاء does not meet the verb دعا nor
     * بناء the pronoun-laden بنا, while الوزراء still meets الوزرا.
     */
    public static List<String> seatlessStems(String word, List<String> own, boolean stem) {
        String bare = seatless(word);
        if (bare == null || isStopWord(bare)) return List.of();
        boolean droppedFinal = fold(word).endsWith("اء");
        List<String> out = new java.util.ArrayList<>(2);
        for (String s : stem ? stems(bare) : List.of(surface(bare))) {
            if (own.contains(s) || out.contains(s)) continue;
            if (droppedFinal && s.length() < 4) continue;
            out.add(s);
        }
        return out;
    }

    /**
     * The matching terms of a text, space-separated with a space at each end (" a b c "): the stems of each word
     * that is not a stop word, and of its seatless spelling. Stored beside an article's title for the back office's
     * search, which must find drafts the public index does not hold, with the same analysis.
     */
    public static String terms(String text) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (String word : text.split("[^\\p{L}\\p{N}\\p{M}\\u0640]+")) {
            String folded = fold(word);
            if (folded.isEmpty() || isStopWord(folded)) continue;
            List<String> stems = stems(folded);
            out.addAll(stems);
            out.addAll(seatlessStems(word, stems, true));
        }
        return out.isEmpty() ? " " : " " + String.join(" ", out) + " ";
    }

    /** The terms one typed word may match in {@link #terms}: its stems and its seatless stems; empty for a stop word. */
    public static List<String> alternatives(String word) {
        String folded = fold(word);
        if (folded.isEmpty() || isStopWord(folded)) return List.of();
        List<String> stems = stems(folded);
        List<String> out = new java.util.ArrayList<>(stems);
        out.addAll(seatlessStems(word, stems, true));
        return out;
    }

    /** Each word of {@code phrase} folded ({@link #fold}), in order, one space between: how names and queries compare. */
    public static String foldPhrase(String phrase) {
        List<String> words = new java.util.ArrayList<>();
        for (String w : phrase.strip().split("\\s+")) {
            String f = fold(w);
            if (!f.isEmpty()) words.add(f);
        }
        return String.join(" ", words);
    }

    private static List<String> fold(List<String> words) {
        return words.stream().map(ArabicStemmer::fold).toList();
    }

    public static boolean isStopWord(String folded) {
        return STOP.contains(folded);
    }

    /**
     * The stems of a folded word: one, or two when a leading single-letter clitic may or may not be one (the
     * first is the stripped reading). Non-Arabic words come back as they are.
     */
    public static List<String> stems(String w) {
        if (w.length() < 3 || !isArabic(w.charAt(0))) return List.of(w);
        if (PROTECTED.contains(w) || WHOLE.contains(w)) return List.of(suffixes(w));
        String s = w;
        boolean guessed = false;
        // و ف: a conjunction when what follows is a word of at least three letters.
        if ((s.charAt(0) == 'و' || s.charAt(0) == 'ف') && s.length() >= 4) {
            String rest = s.substring(1);
            if (PROTECTED.contains(rest) || WHOLE.contains(rest)) return List.of(suffixes(rest));
            boolean sure = rest.startsWith("ال") || rest.startsWith("لل") || rest.startsWith("بال") || rest.startsWith("كال");
            if (!sure) guessed = true;
            s = rest;
        }
        boolean article = false;
        for (String p : new String[] {"بال", "كال", "لل", "ال"}) {
            if (s.startsWith(p) && s.length() - p.length() >= 2) {
                s = s.substring(p.length());
                article = true;
                break;
            }
        }
        if (!article && s.length() >= 5 && !PROTECTED.contains(s) && !WHOLE.contains(s)) {
            char c = s.charAt(0);
            if (c == 'ب' || c == 'ك' || c == 'ل') {
                s = s.substring(1);
                guessed = true;
            } else if (c == 'س' && "يتنا".indexOf(s.charAt(1)) >= 0) {
                // The future particle: سيقول is يقول.
                s = s.substring(1);
                guessed = true;
            }
        }
        String stem = suffixes(s);
        if (!guessed) return List.of(stem);
        String whole = suffixes(w);
        return whole.equals(stem) ? List.of(stem) : List.of(stem, whole);
    }

    /**
     * The word as written, less the clitics that are certainly clitics (the article with the conjunctions and
     * prepositions stacked on it): the "as written" fields, where والمدرسة and المدرسة are one word but مدرسة and
     * مدارس are not.
     */
    public static String surface(String w) {
        if (w.length() < 4 || !isArabic(w.charAt(0)) || PROTECTED.contains(w)) return caseEnding(w);
        for (String p : new String[] {"وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"}) {
            if (w.startsWith(p) && w.length() - p.length() >= 2) {
                String rest = w.substring(p.length());
                return caseEnding(PROTECTED.contains("ال" + rest) ? "ال" + rest : rest);
            }
        }
        return caseEnding(w);
    }

    /**
     * المعلمون and المعلمين, الطالبتان and الطالبتين are one word in two grammatical cases, not two wordings: the
     * as-written form writes both with ين, so a reader who types the other case still gets the exact-wording rank.
     */
    private static String caseEnding(String w) {
        if (w.length() >= 5 && w.endsWith("ون") && isArabic(w.charAt(0))) return w.substring(0, w.length() - 2) + "ين";
        if (w.length() >= 6 && w.endsWith("تان") && isArabic(w.charAt(0))) return w.substring(0, w.length() - 3) + "تين";
        return w;
    }

    /** The stem used for matching when one form is needed (tests, highlighting of stems). */
    public static String stem(String folded) {
        return stems(folded).getFirst();
    }

    /** سوريا and سورية, ليبيا and ليبية are the same place: both end as ي. */
    private static String countryEnding(String s) {
        if (s.length() >= 5 && (s.endsWith("يا") || s.endsWith("يه"))) return nisba(s.substring(0, s.length() - 1));
        return s;
    }

    private static String suffixes(String word) {
        if (WHOLE.contains(word)) return word;
        if (PROTECTED.contains(word) && (word.endsWith("يا") || word.endsWith("يه"))) return countryEnding(word);
        String s = word;
        if (s.endsWith("يا") && s.length() >= 5) s = s.substring(0, s.length() - 1) + "ه";
        boolean pronoun = false;
        for (String p : new String[] {"هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا"}) {
            if (s.endsWith(p) && s.length() - p.length() >= 3) {
                s = s.substring(0, s.length() - p.length());
                pronoun = true;
                break;
            }
        }
        for (String p : new String[] {"تان", "تين", "ات", "ون", "ين", "ان"}) {
            if (!s.endsWith(p)) continue;
            // Two letters may remain of a sound plural (قوات → قو, as قوة → قو); ان keeps three (مكان, بيان stay words).
            int min = p.equals("ان") ? 3 : 2;
            if (s.length() - p.length() >= min && !(p.equals("ان") && s.endsWith("ستان"))) {
                s = s.substring(0, s.length() - p.length());
                if (p.startsWith("ت")) pronoun = false;
            }
            break;
        }
        if (s.endsWith("ه") && s.length() - 1 >= 2) {
            s = s.substring(0, s.length() - 1);
            pronoun = true;
        }
        // مدرستها / مدرسته: the ta of ta marbuta shows before a pronoun.
        if (pronoun && s.endsWith("ت") && s.length() >= 5) s = s.substring(0, s.length() - 1);
        return nisba(s);
    }

    /** Adjectives of relation meet their noun: عراقي → عراق, إيراني → إيران, فلسطيني → فلسطين, الثانية → ثان. */
    private static final java.util.Map<String, String> SHORT_NISBA = java.util.Map.of("مصري", "مصر", "يمني", "يمن", "قطري", "قطر",
        "عربي", "عرب", "غربي", "غرب", "شرقي", "شرق", "دولي", "دول", "امني", "امن");

    private static String nisba(String s) {
        String known = SHORT_NISBA.get(s);
        if (known != null) return known;
        // Four letters must remain: سوري stays سوري, the stem سوريا and سورية share.
        if (s.endsWith("ي") && s.length() - 1 >= 4) return s.substring(0, s.length() - 1);
        return s;
    }

    private static boolean isArabic(char c) {
        return c >= 0x0600 && c <= 0x06FF;
    }
}
