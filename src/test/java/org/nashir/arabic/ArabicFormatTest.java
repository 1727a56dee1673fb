package org.nashir.arabic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ArabicFormatTest {
    static final Instant NOW = Instant.parse("2015-11-16T10:00:00Z");
    static final ZoneId DAMASCUS = ZoneId.of("Asia/Damascus");

    static ArabicFormat format(String locale, boolean arabicDigits, boolean hijri) {
        return new ArabicFormat(Locale.forLanguageTag(locale), DAMASCUS, arabicDigits, hijri, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "ar-SY, 16 تشرين الثاني 2015",
        "ar-LB, 16 تشرين الثاني 2015",
        "ar-IQ, 16 تشرين الثاني 2015",
        "ar-EG, 16 نوفمبر 2015",
        "ar-SA, 16 نوفمبر 2015",
        "ar, 16 نوفمبر 2015",
        "ar-TN, 16 نوفمبر 2015",
        "ar-MA, 16 نونبر 2015"})
    void month_names_follow_the_country_of_the_locale(String locale, String expected) {
        assertThat(format(locale, false, false).date(LocalDate.of(2015, 11, 16))).isEqualTo(expected);
    }

    @Test
    void maghrebi_and_levantine_names_differ_where_readers_expect() {
        assertThat(format("ar-TN", false, false).date(LocalDate.of(2016, 1, 5))).isEqualTo("5 جانفي 2016");
        assertThat(format("ar-DZ", false, false).date(LocalDate.of(2016, 8, 5))).isEqualTo("5 أوت 2016");
        assertThat(format("ar-SY", false, false).date(LocalDate.of(2016, 8, 5))).isEqualTo("5 آب 2016");
        assertThat(format("ar-JO", false, false).date(LocalDate.of(2016, 1, 5))).isEqualTo("5 كانون الثاني 2016");
    }

    @Test
    void dates_are_in_the_site_time_zone_not_utc() {
        // 22:30 UTC on the 15th is already the 16th in Damascus (UTC+2 in November 2015).
        assertThat(format("ar-SY", false, false).date(Instant.parse("2015-11-15T22:30:00Z"))).isEqualTo("16 تشرين الثاني 2015");
    }

    @Test
    void digits_are_latin_or_arabic_indic_by_setting() {
        assertThat(format("ar-SY", false, false).number(10056)).isEqualTo("10056");
        assertThat(format("ar-SY", true, false).number(10056)).isEqualTo("١٠٠٥٦");
        assertThat(format("ar-SY", true, false).date(LocalDate.of(2015, 11, 16))).isEqualTo("١٦ تشرين الثاني ٢٠١٥");
    }

    @Test
    void hijri_date_is_shown_only_when_enabled() {
        assertThat(format("ar-SY", false, true).hijriDate(Instant.parse("2015-11-16T10:00:00Z"))).isEqualTo("4 صفر 1437 هـ");
        assertThat(format("ar-SY", false, false).hijriDate(NOW)).isNull();
    }

    @ParameterizedTest(name = "{0} minutes ago → {1}")
    @CsvSource({
        "0, الآن",
        "1, منذ دقيقة",
        "2, منذ دقيقتين",
        "3, منذ ٣ دقائق",
        "5, منذ ٥ دقائق",
        "10, منذ ١٠ دقائق",
        "11, منذ ١١ دقيقة",
        "59, منذ ٥٩ دقيقة",
        "60, منذ ساعة",
        "120, منذ ساعتين",
        "180, منذ ٣ ساعات",
        "660, منذ ١١ ساعة"})
    void relative_times_use_arabic_plural_forms(int minutes, String expected) {
        assertThat(format("ar-SY", true, false).relative(NOW.minus(Duration.ofMinutes(minutes)))).isEqualTo(expected);
    }

    @Test
    void news_older_than_a_day_shows_its_date_instead_of_a_relative_time() {
        assertThat(format("ar-SY", false, false).relative(NOW.minus(Duration.ofHours(24)))).isNull();
        assertThat(format("ar-SY", false, false).relative(NOW.plus(Duration.ofMinutes(5)))).isNull();
    }

    @ParameterizedTest(name = "{0} comments → {1}")
    @CsvSource({
        "1, تعليق", "2, تعليقان", "3, 3 تعليقات", "10, 10 تعليقات", "11, 11 تعليقًا", "99, 99 تعليقًا",
        "100, 100 تعليق", "101, 101 تعليق", "102, 102 تعليق", "103, 103 تعليقات", "111, 111 تعليقًا", "0, 0 تعليق"})
    void counted_nouns_take_the_plural_form_of_their_number(long n, String expected) {
        Plural comments = new Plural("تعليق", "تعليقان", "تعليقات", "تعليقًا", "تعليق");
        assertThat(format("ar-SY", false, false).count(n, comments)).isEqualTo(expected);
    }
}
