package org.nashir.web;

import org.nashir.arabic.ArabicText;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Every value a request carries is read here, with bounds: record ids, whole numbers, dates and times. A value that is
 * not what it should be is refused ({@link Invalid}) before it reaches a query, an index or a clock: a date in the
 * year −999,999,999 parses, but no database column or index range holds it, and it answered 500. Each route says in
 * its own terms (an API error code, an Arabic message on the page) what it refused.
 */
public final class Input {
    /** The dates a news site deals in: old archives reach back to the 19th century; nothing is scheduled past 2199. */
    public static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private Input() {
    }

    /** A value that cannot be read, with what was expected. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** Whether {@code raw} is a record id: 1 to 18 digits (Latin or Arabic-Indic), not zero. */
    public static boolean isId(String raw) {
        return id(raw) > 0;
    }

    /** The record id {@code raw} names, or −1 when it names none (empty, signs, spaces, fractions, too long). */
    public static long id(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 18) return -1;
        long v = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = ArabicText.latinDigit(raw.charAt(i));
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v == 0 ? -1 : v;
    }

    /** A whole number from {@code min} to {@code max}; {@code dflt} when {@code raw} is absent or empty. */
    public static int number(String raw, int min, int max, int dflt) {
        if (raw == null || raw.isEmpty()) return dflt;
        String latin = ArabicText.latinDigits(raw);
        if (!latin.matches("-?[0-9]{1,9}")) throw new Invalid("a whole number from " + min + " to " + max);
        int v = Integer.parseInt(latin);
        if (v < min || v > max) throw new Invalid("a whole number from " + min + " to " + max);
        return v;
    }

    /** A calendar date written {@code 2026-12-07} (Latin or Arabic-Indic digits) within {@link #EARLIEST}…{@link #LATEST}; null when empty. */
    public static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String latin = ArabicText.latinDigits(raw.strip());
        if (!latin.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) throw new Invalid("a date like 2026-12-07");
        try {
            return bounded(LocalDate.parse(latin));
        } catch (DateTimeException e) {
            throw new Invalid("a date like 2026-12-07");
        }
    }

    /** A moment written in ISO 8601 with its offset ({@code 2026-12-07T09:30:00+03:00}), within the bounds; null when empty. */
    public static Instant instant(String raw) {
        if (raw == null || raw.isBlank()) return null;
        try {
            OffsetDateTime t = OffsetDateTime.parse(ArabicText.latinDigits(raw.strip()));
            bounded(t.toLocalDate());
            return t.toInstant();
        } catch (DateTimeException e) {
            throw new Invalid("a time in ISO 8601 with its offset, like 2026-12-07T09:30:00+03:00");
        }
    }

    /** A form's local date and time ({@code 2026-12-07T09:30}) in {@code zone}, within the bounds; null when empty. */
    public static Instant localTime(String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) return null;
        try {
            LocalDateTime t = LocalDateTime.parse(ArabicText.latinDigits(raw.strip()));
            bounded(t.toLocalDate());
            return t.atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new Invalid("a date and time like 2026-12-07T09:30");
        }
    }

    private static LocalDate bounded(LocalDate d) {
        if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) throw new Invalid("a date from " + EARLIEST + " to " + LATEST);
        return d;
    }
}
