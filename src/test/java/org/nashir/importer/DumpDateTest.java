package org.nashir.importer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class DumpDateTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2015-11-16|2015-11-16T00:00",
        "2015/11/16|2015-11-16T00:00",
        "16/11/2015|2015-11-16T00:00",
        "16-11-2015|2015-11-16T00:00",
        "16.11.2015|2015-11-16T00:00",
        "11/16/2015|2015-11-16T00:00",
        "05/11/2015|2015-11-05T00:00",
        "١٦/١١/٢٠١٥|2015-11-16T00:00",
        "16 تشرين الثاني 2015|2015-11-16T00:00",
        "16 تشرين ثاني 2015|2015-11-16T00:00",
        "16 تشرين الثاني/نوفمبر 2015|2015-11-16T00:00",
        "١٦ تشرين الثاني ٢٠١٥|2015-11-16T00:00",
        "16 نوفمبر 2015|2015-11-16T00:00",
        "الاثنين 16 نوفمبر 2015 - 10:30 م|2015-11-16T22:30",
        "الإثنين، 16 نوفمبر، 2015 09:05 ص|2015-11-16T09:05",
        "3 آذار 2016|2016-03-03T00:00",
        "3 اذار 2016|2016-03-03T00:00",
        "14 جويلية 2016|2016-07-14T00:00",
        "2 أوت 2016|2016-08-02T00:00",
        "9 غشت 2016|2016-08-09T00:00",
        "1 كانون الأول 2014|2014-12-01T00:00",
        "نشر في 2015-11-16 14:20|2015-11-16T14:20"})
    void reads_the_dates_old_arabic_sites_print(String raw, String expected) {
        assertThat(DumpDate.parse(raw)).contains(LocalDateTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10056", "فريق ماسة", "31/02/2015", "2015-13-01", "16 فلان 2015", "من الأرشيف", "0000-00-00", ""})
    void anything_else_is_not_a_date(String raw) {
        assertThat(DumpDate.parse(raw)).isEmpty();
    }
}
