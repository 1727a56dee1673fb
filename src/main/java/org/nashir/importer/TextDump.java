package org.nashir.importer;

import org.nashir.arabic.ArabicText;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an article back out of a scraped page dump such as {@code shared/seed/massa-2015-11-16.txt}: body
 * paragraphs, a bullet block of metadata (byline, date, views, label, in any order, with or without
 * {@code key:} prefixes), the title, the body again as one run-on paragraph (dropped), {@code المصدر : …},
 * and comment-form boilerplate (dropped). Other layouts are understood too: title first, metadata as plain
 * {@code key: value} lines, no bullets at all. Paragraph text is kept exactly as written.
 */
public final class TextDump {
    /** What a dump holds. {@code views} and {@code label} are null when the page did not show them. */
    public record Parsed(String title, List<String> paragraphs, List<String> bylines, LocalDateTime published,
                         Long views, String label, String sourceName, String sourceUrl, String section, List<String> tags) {}

    /** Either an article or the reasons (in Arabic) why the file could not be read as one. */
    public record Result(Parsed article, List<String> problems) {
        public boolean ok() {
            return article != null;
        }
    }

    private static final Pattern BULLET = Pattern.compile("^\\s*[•●▪◦·∙■□◆○\\-–—*]\\s+(.+?)\\s*$");
    private static final Pattern KEY_VALUE = Pattern.compile("^([^:：]{2,30}?)\\s*[:：]\\s*(.+)$");
    private static final Pattern VIEWS = Pattern.compile("^(?:عدد\\s+)?(?:المشاهدات|مشاهدات|القراءات|قراءات|الزيارات|زيارات|views)?\\s*[:：]?\\s*([0-9][0-9,٬.\\s]{0,20})\\s*(?:مشاهده|مشاهدات|قراءه|قراءات|زياره|زيارات|views|مره)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern BY_PREFIX = Pattern.compile("^(?:بقلم|كتب|كتبت|إعداد|اعداد|تحرير)\\s*[:：]?\\s+(.+)$");

    private static final Set<String> BYLINE_KEYS = folded("الكاتب", "الكاتبة", "كتب", "كتبت", "بقلم", "المحرر", "المحررة", "إعداد", "تحرير", "الصحفي", "المراسل");
    private static final Set<String> DATE_KEYS = folded("التاريخ", "تاريخ النشر", "نشر في", "نشر بتاريخ", "نشر", "تاريخ", "آخر تحديث");
    private static final Set<String> VIEWS_KEYS = folded("المشاهدات", "عدد المشاهدات", "القراءات", "عدد القراءات", "الزيارات", "عدد الزيارات", "شوهد");
    private static final Set<String> LABEL_KEYS = folded("التصنيف", "الشارة", "الوسم", "النوع");
    private static final Set<String> SECTION_KEYS = folded("القسم", "الباب", "الفئة");
    private static final Set<String> SOURCE_KEYS = folded("المصدر", "مصدر الخبر", "نقلا عن", "نقلاً عن");
    private static final Set<String> TAG_KEYS = folded("الوسوم", "الكلمات المفتاحية", "كلمات مفتاحية", "كلمات دلالية", "الكلمات الدلالية");
    private static final Set<String> KNOWN_LABELS = folded("من الأرشيف", "أرشيف", "عاجل", "حصري", "خاص", "تحليل", "رأي", "مقال رأي",
        "تقرير", "فيديو", "بالصور", "بالفيديو", "محدث", "مباشر", "تحقيق", "مقابلة", "حوار");
    /** Whole lines that are the old site's furniture, not the article (compared folded, without trailing colons). */
    private static final Set<String> BOILERPLATE = folded("اكتب تعليق", "اكتب تعليقا", "اكتب تعليقك", "أضف تعليق", "أضف تعليقا",
        "اترك تعليقا", "اترك تعليق", "التعليقات", "تعليقات", "لا توجد تعليقات", "إرسال", "أرسل", "إرسال التعليق", "شارك",
        "شارك هذا المقال", "شارك المقال", "طباعة", "مقالات ذات صلة", "اقرأ أيضا", "أخبار ذات صلة", "الاسم", "الاسم *",
        "البريد الإلكتروني", "البريد الإلكتروني *", "التعليق", "التعليق *", "الموقع", "تابعونا", "إقرأ أيضا");

    /** Words that may stand beside a date on its own line: weekdays, months, AM/PM, era marks. */
    private static final Set<String> DATE_WORDS = folded("الاحد", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الاربعاء", "الأربعاء", "الخميس",
        "الجمعة", "السبت", "ص", "م", "صباحا", "مساء", "هـ", "ه", "من", "كانون", "الثاني", "ثاني", "الأول", "اول", "شباط", "آذار", "نيسان",
        "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين", "يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "ماي", "يونيو", "يونيه",
        "يوليو", "يوليه", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "جانفي", "فيفري", "أفريل", "جوان", "جويلية", "أوت", "يوليوز",
        "غشت", "شتنبر", "نونبر", "دجنبر", "نشر", "في", "بتاريخ", "pm", "am", "gmt");

    private TextDump() {}

    public static Result parse(String text) {
        if (text == null || text.isBlank()) return new Result(null, List.of("الملف فارغ"));
        String[] lines = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);

        // Pass 1: each line is a paragraph, a bullet, or furniture. Consecutive bullets form one block.
        List<String> texts = new ArrayList<>();
        List<String> bullets = new ArrayList<>();
        int bulletBlockAt = -1; // index in texts where the first bullet block sits
        String sourceName = null, sourceUrl = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            Matcher b = BULLET.matcher(line);
            if (b.matches() && !isBoilerplate(b.group(1))) {
                if (bulletBlockAt < 0) bulletBlockAt = texts.size();
                bullets.add(b.group(1));
                continue;
            }
            if (isBoilerplate(line)) continue;
            String[] kv = keyValue(line);
            if (kv != null && SOURCE_KEYS.contains(kv[0])) {
                String[] src = splitUrl(kv[1]);
                sourceName = src[0];
                sourceUrl = src[1];
                continue;
            }
            texts.add(line);
        }

        // Pass 2: metadata from bullets, and from short "key: value" lines that old templates print as text.
        Meta meta = new Meta();
        for (String bullet : bullets) meta.take(bullet, true);
        List<String> remaining = new ArrayList<>();
        int removedBeforeBullets = 0;
        for (int i = 0; i < texts.size(); i++) {
            String line = texts.get(i);
            if (line.length() <= 80 && (meta.takeKeyed(line) || meta.takeUnkeyedLine(line))) {
                if (i < bulletBlockAt) removedBeforeBullets++;
                continue;
            }
            remaining.add(line);
        }
        if (bulletBlockAt >= 0) bulletBlockAt -= removedBeforeBullets;
        if (meta.sourceName != null && sourceName == null) {
            sourceName = meta.sourceName;
            sourceUrl = meta.sourceUrl;
        }

        // Pass 3: the title, then the body without the run-on repeat of itself.
        List<String> problems = new ArrayList<>();
        int titleAt = titleIndex(remaining, bulletBlockAt);
        String title = titleAt >= 0 ? remaining.get(titleAt) : null;
        List<String> body = new ArrayList<>();
        for (int i = 0; i < remaining.size(); i++) {
            String line = remaining.get(i);
            if (i == titleAt || line.equals(title)) continue;
            if (isRunOnRepeat(line, remaining, i, titleAt)) continue;
            body.add(line);
        }
        if (title == null) problems.add("لم يُعثر على العنوان (سطر قصير بعد كتلة البيانات أو في أول الملف)");
        if (body.isEmpty()) problems.add("لم يُعثر على نص المقال");
        if (meta.published == null) problems.add("لم يُعثر على تاريخ النشر (مثل 2015-11-16 أو 16/11/2015 أو 16 تشرين الثاني 2015)");
        if (!problems.isEmpty()) return new Result(null, problems);
        return new Result(new Parsed(title, body, meta.bylines, meta.published, meta.views, meta.label, sourceName, sourceUrl,
            meta.section, meta.tags), List.of());
    }

    /**
     * Where the title is: in the seed's layout it is the first line after the metadata bullets; in a title-first
     * layout it is the only line before them; without bullets it is the first line, if that is short.
     */
    private static int titleIndex(List<String> lines, int bulletBlockAt) {
        if (lines.isEmpty()) return -1;
        if (bulletBlockAt == 1 && lines.size() > 1 && isTitleLike(lines.get(0))) return 0;
        if (bulletBlockAt >= 0 && bulletBlockAt < lines.size() && isTitleLike(lines.get(bulletBlockAt))) return bulletBlockAt;
        // Metadata at the very end (title, body, then the bullets): the title is the first line.
        if (bulletBlockAt >= lines.size() && lines.size() > 1 && isTitleLike(lines.get(0))) return 0;
        if (bulletBlockAt > 0 && isTitleLike(lines.get(bulletBlockAt - 1)) && bulletBlockAt < lines.size()) return bulletBlockAt - 1;
        if (isTitleLike(lines.get(0)) && lines.size() > 1) return 0;
        return -1;
    }

    /** Short, and not ending in a sentence's full stop (titles may end in "..", "؟" or "!"). */
    private static boolean isTitleLike(String line) {
        return line.length() <= 250 && (!line.endsWith(".") || line.endsWith("..")) && !line.endsWith(":");
    }

    /** A line made of two or more of the other lines run together: the dump's second copy of the body. */
    private static boolean isRunOnRepeat(String line, List<String> all, int self, int titleAt) {
        String flat = collapse(line);
        int covered = 0, parts = 0;
        for (int i = 0; i < all.size(); i++) {
            if (i == self || i == titleAt) continue;
            String other = collapse(all.get(i));
            if (other.length() >= 10 && other.length() < flat.length() && flat.contains(other)) {
                covered += other.length() + 1;
                parts++;
            }
        }
        return parts >= 2 && covered >= flat.length() * 0.9;
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static boolean isBoilerplate(String line) {
        String f = ArabicText.fold(line).replaceAll("[:：]\\s*$", "").strip();
        if (BOILERPLATE.contains(f)) return true;
        // «كل الحقول التي عليها علامة (*) مطلوبة» and its variants
        return f.contains("(*)") && (f.contains("مطلوب") || f.contains("الزامي"));
    }

    /** {@code [folded key, value]} for a {@code key: value} line, or null. */
    private static String[] keyValue(String line) {
        Matcher m = KEY_VALUE.matcher(line);
        if (!m.matches() || URL.matcher(m.group(1)).find()) return null;
        return new String[] {ArabicText.fold(m.group(1)).strip(), m.group(2).strip()};
    }

    private static String[] splitUrl(String value) {
        Matcher u = URL.matcher(value);
        if (!u.find()) return new String[] {value, null};
        String name = (value.substring(0, u.start()) + value.substring(u.end())).replaceAll("[\\s\\-–—|,،()]+$", "").replaceAll("^[\\s\\-–—|,،()]+", "").strip();
        return new String[] {name.isEmpty() ? u.group() : name, u.group()};
    }

    private static Set<String> folded(String... words) {
        Set<String> out = new java.util.HashSet<>();
        for (String w : words) out.add(ArabicText.fold(w));
        return out;
    }

    /** Metadata gathered from bullets and keyed lines; the first value of each kind wins. */
    private static final class Meta {
        final List<String> bylines = new ArrayList<>();
        final List<String> tags = new ArrayList<>();
        LocalDateTime published;
        Long views;
        String label, section, sourceName, sourceUrl;
        private final List<String> unkeyed = new ArrayList<>();

        /** A bullet: keyed, or recognised by its shape (a date, a count, a known label), or else a name. */
        void take(String value, boolean bullet) {
            if (takeKeyed(value)) return;
            Matcher by = BY_PREFIX.matcher(value);
            if (by.matches()) {
                addBylines(by.group(1));
                return;
            }
            if (published == null) {
                Optional<LocalDateTime> date = DumpDate.parse(value);
                if (date.isPresent() && value.length() <= 60) {
                    published = date.get();
                    return;
                }
            }
            if (views == null && takeViews(value)) return;
            if (label == null && KNOWN_LABELS.contains(ArabicText.fold(value))) {
                label = value;
                return;
            }
            // An unrecognised bullet: the byline comes first on such pages, then a label.
            if (bylines.isEmpty()) addBylines(value);
            else if (label == null && bullet) label = value;
            else unkeyed.add(value);
        }

        /**
         * A short text line that is plainly metadata without a key: a date on its own ("الاثنين 16 نوفمبر 2015"),
         * a view count with its word ("10056 مشاهدة"), or a byline with its verb ("بقلم سلمى الحداد").
         */
        boolean takeUnkeyedLine(String line) {
            if (line.length() > 60) return false;
            if (published == null && DumpDate.parse(line).isPresent() && mostlyDate(line)) {
                published = DumpDate.parse(line).get();
                return true;
            }
            String folded = ArabicText.fold(line);
            if (views == null && folded.matches(".*[0-9].*") && folded.matches(".*(مشاهد|قراء|زيار|views).*") && takeViews(line)) return true;
            Matcher by = BY_PREFIX.matcher(line);
            if (by.matches() && by.group(1).split("\\s+").length <= 6) {
                addBylines(by.group(1));
                return true;
            }
            return false;
        }

        /** What is left of the line without digits, date punctuation, month and weekday names is (almost) nothing. */
        private static boolean mostlyDate(String line) {
            String rest = ArabicText.fold(line).replaceAll("[0-9/.:\\-،,]", " ");
            for (String w : rest.split("\\s+")) {
                if (w.isEmpty()) continue;
                if (!DATE_WORDS.contains(w)) return false;
            }
            return true;
        }

        boolean takeKeyed(String line) {
            String[] kv = keyValue(line);
            if (kv == null) return false;
            String key = kv[0], value = kv[1];
            if (BYLINE_KEYS.contains(key)) addBylines(value);
            else if (DATE_KEYS.contains(key)) {
                Optional<LocalDateTime> d = DumpDate.parse(value);
                if (d.isEmpty()) return false;
                if (published == null) published = d.get();
            } else if (VIEWS_KEYS.contains(key)) return takeViews(value);
            else if (LABEL_KEYS.contains(key)) label = label == null ? value : label;
            else if (SECTION_KEYS.contains(key)) section = section == null ? value : section;
            else if (TAG_KEYS.contains(key)) {
                for (String t : value.split("[،,؛;|]")) if (!t.isBlank()) tags.add(t.strip());
            } else if (SOURCE_KEYS.contains(key)) {
                String[] src = splitUrl(value);
                sourceName = src[0];
                sourceUrl = src[1];
            } else return false;
            return true;
        }

        private boolean takeViews(String value) {
            Matcher v = VIEWS.matcher(ArabicText.fold(value));
            if (!v.matches()) return false;
            String digits = v.group(1).replaceAll("[^0-9]", "");
            if (digits.isEmpty() || digits.length() > 15) return false;
            views = Long.parseLong(digits);
            return true;
        }

        private void addBylines(String value) {
            for (String name : value.split("\\s*[،,؛;]\\s*")) if (!name.isBlank()) bylines.add(name.strip());
        }
    }
}
