package org.nashir.arabic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Dates, times and numbers as the site's readers write them. Month names follow the country of the locale:
 * the Levant and Iraq say تشرين الثاني, Egypt and the Gulf نوفمبر, Tunisia and Algeria نوفمبر with جانفي and
 * أوت, Morocco نونبر. Digits are Latin (10056) or Arabic-Indic (١٠٠٥٦) by setting.
 */
public final class ArabicFormat {
    static final List<String> LEVANTINE = List.of("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
        "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول");
    static final List<String> EGYPTIAN = List.of("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر");
    static final List<String> MAGHREBI = List.of("جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان",
        "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر");
    static final List<String> MOROCCAN = List.of("يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو",
        "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر");
    static final List<String> HIJRI = List.of("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى",
        "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة");

    private static final Set<String> LEVANT = Set.of("SY", "LB", "JO", "PS", "IQ");
    private static final Set<String> MAGHREB = Set.of("TN", "DZ");

    static final Plural MINUTES = new Plural("دقيقة", "دقيقتين", "دقائق", "دقيقة", "دقيقة");
    static final Plural HOURS = new Plural("ساعة", "ساعتين", "ساعات", "ساعة", "ساعة");

    private final List<String> months;
    private final ZoneId zone;
    private final boolean arabicIndicDigits;
    private final boolean hijri;
    private final Clock clock;

    public ArabicFormat(Locale locale, ZoneId zone, boolean arabicIndicDigits, boolean hijri, Clock clock) {
        this.months = monthsFor(locale);
        this.zone = zone;
        this.arabicIndicDigits = arabicIndicDigits;
        this.hijri = hijri;
        this.clock = clock;
    }

    static List<String> monthsFor(Locale locale) {
        String country = locale.getCountry();
        if (LEVANT.contains(country)) return LEVANTINE;
        if (MAGHREB.contains(country)) return MAGHREBI;
        if (country.equals("MA")) return MOROCCAN;
        return EGYPTIAN;
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code 16 تشرين الثاني 2015} in the site's time zone. */
    public String date(Instant at) {
        return date(at.atZone(zone).toLocalDate());
    }

    public String date(LocalDate d) {
        return digits(d.getDayOfMonth() + " " + months.get(d.getMonthValue() - 1) + " " + d.getYear());
    }

    /** {@code تشرين الثاني 2015}. */
    public String month(int year, int month) {
        return digits(months.get(month - 1) + " " + year);
    }

    /** {@code 4 صفر 1437 هـ}, or null when the site does not show Hijri dates. */
    public String hijriDate(Instant at) {
        if (!hijri) return null;
        try {
            HijrahDate h = HijrahDate.from(at.atZone(zone).toLocalDate());
            return digits(h.get(ChronoField.DAY_OF_MONTH) + " " + HIJRI.get(h.get(ChronoField.MONTH_OF_YEAR) - 1)
                + " " + h.get(ChronoField.YEAR) + " هـ");
        } catch (java.time.DateTimeException outsideUmmAlQuraRange) {
            return null;
        }
    }

    /** {@code 14:05}. */
    public String time(Instant at) {
        ZonedDateTime t = at.atZone(zone);
        return digits(String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute()));
    }

    /** {@code 16 تشرين الثاني 2015، 14:05}: a date with its time, for what happens within hours. */
    public String dateTime(Instant at) {
        return date(at) + "، " + time(at);
    }

    /** ISO date-time with offset, for {@code <time datetime>}. */
    public String iso(Instant at) {
        return at.atZone(zone).toOffsetDateTime().toString();
    }

    public String number(long n) {
        return digits(Long.toString(n));
    }

    /** A count with its noun in the right plural form: {@code ١١ تعليقًا}. */
    public String count(long n, Plural noun) {
        return noun.phrase(n, number(n));
    }

    /**
     * {@code منذ ٥ دقائق} for news under a day old, or null for older news (which shows its date).
     */
    public String relative(Instant at) {
        Duration age = Duration.between(at, clock.instant());
        if (age.isNegative() || age.toHours() >= 24) return null;
        if (age.toMinutes() < 1) return "الآن";
        if (age.toMinutes() < 60) return "منذ " + count(age.toMinutes(), MINUTES);
        return "منذ " + count(age.toHours(), HOURS);
    }

    /** This year in the site's time zone, for the archive link. */
    public int currentYear() {
        return clock.instant().atZone(zone).getYear();
    }

    public String digits(String s) {
        return arabicIndicDigits ? ArabicText.arabicIndicDigits(s) : s;
    }
}
