package org.nashir.importer;

import org.nashir.arabic.ArabicText;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as old Arabic news sites print them: {@code 2015-11-16}, {@code 16/11/2015}, {@code 16 تشرين الثاني 2015},
 * {@code الاثنين 16 نوفمبر 2015 - 10:30 م}, {@code ١٦ تشرين الثاني/نوفمبر ٢٠١٥}, in Levantine, Egyptian, Maghrebi
 * or Moroccan month names, with Arabic-Indic or Latin digits. Day-first when the order is ambiguous, as Arabic
 * sites write it.
 */
final class DumpDate {
    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        String[][] names = {
            {"كانون الثاني", "كانون ثاني", "يناير", "جانفي", "جانفييه"},
            {"شباط", "فبراير", "فيفري"},
            {"آذار", "اذار", "مارس"},
            {"نيسان", "أبريل", "ابريل", "أفريل", "افريل", "إبريل"},
            {"أيار", "ايار", "مايو", "ماي"},
            {"حزيران", "يونيو", "يونيه", "جوان"},
            {"تموز", "يوليو", "يوليه", "جويلية", "جويلييه", "يوليوز"},
            {"آب", "اب", "أغسطس", "اغسطس", "أغسطوس", "أوت", "اوت", "غشت"},
            {"أيلول", "ايلول", "سبتمبر", "شتنبر"},
            {"تشرين الأول", "تشرين اول", "أكتوبر", "اكتوبر"},
            {"تشرين الثاني", "تشرين ثاني", "نوفمبر", "نونبر"},
            {"كانون الأول", "كانون اول", "ديسمبر", "دجنبر", "دیسمبر"},
        };
        for (int m = 0; m < names.length; m++) for (String n : names[m]) MONTHS.put(ArabicText.fold(n), m + 1);
    }

    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final Pattern DMY = Pattern.compile("(?<!\\d)(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})(?!\\d)");
    private static final Pattern NAMED = Pattern.compile("(?<!\\d)(\\d{1,2})\\s+(?:من\\s+)?([\\p{L}]+(?:\\s+[\\p{L}]+)?(?:\\s*/\\s*[\\p{L}]+(?:\\s+[\\p{L}]+)?)?)\\s*[,،]?\\s+(\\d{4})(?!\\d)");
    private static final Pattern TIME = Pattern.compile("(?<![\\d:])(\\d{1,2}):(\\d{2})(?::\\d{2})?(?!\\d)\\s*(ص|م|صباحا|مساء|am|pm)?", Pattern.CASE_INSENSITIVE);

    private DumpDate() {}

    /** The date and, when printed, the time of day; empty when {@code raw} holds no date. */
    static Optional<LocalDateTime> parse(String raw) {
        String s = ArabicText.fold(raw);
        Optional<LocalDate> date = Optional.empty();
        Matcher m = ISO.matcher(s);
        if (m.find()) date = of(m.group(1), m.group(2), m.group(3));
        if (date.isEmpty() && (m = DMY.matcher(s)).find()) {
            int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(2));
            // 11/16/2015 can only be month-first; otherwise day-first.
            date = a <= 12 && b > 12 ? of(m.group(3), m.group(1), m.group(2)) : of(m.group(3), m.group(2), m.group(1));
        }
        if (date.isEmpty()) {
            m = NAMED.matcher(s);
            while (date.isEmpty() && m.find()) {
                for (String name : m.group(2).split("/")) {
                    Integer month = MONTHS.get(name.strip().replaceAll("\\s+", " "));
                    if (month != null) {
                        date = of(m.group(3), Integer.toString(month), m.group(1));
                        break;
                    }
                }
            }
        }
        if (date.isEmpty()) return Optional.empty();
        LocalTime time = LocalTime.MIDNIGHT;
        Matcher t = TIME.matcher(s);
        if (t.find()) {
            int hour = Integer.parseInt(t.group(1)), minute = Integer.parseInt(t.group(2));
            String half = t.group(3) == null ? "" : t.group(3).toLowerCase(java.util.Locale.ROOT);
            if ((half.equals("م") || half.equals("مساء") || half.equals("pm")) && hour < 12) hour += 12;
            if ((half.equals("ص") || half.equals("صباحا") || half.equals("am")) && hour == 12) hour = 0;
            if (hour < 24 && minute < 60) time = LocalTime.of(hour, minute);
        }
        return Optional.of(date.get().atTime(time));
    }

    private static Optional<LocalDate> of(String year, String month, String day) {
        try {
            int y = Integer.parseInt(year);
            if (y < 1900 || y > 2200) return Optional.empty();
            return Optional.of(LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
