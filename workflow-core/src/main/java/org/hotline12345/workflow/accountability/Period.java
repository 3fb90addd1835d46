package org.hotline12345.workflow.accountability;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period of whole days, both ends included: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}) or a custom range
 * ({@code 2026-11-01..2026-11-15}). Days are days of the working calendar's time zone.
 */
public record Period(LocalDate from, LocalDate to) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period ends on or after it starts: " + from + ".." + to);
        }
    }

    public static Period month(YearMonth month) {
        return new Period(month.atDay(1), month.atEndOfMonth());
    }

    /** @throws IllegalArgumentException naming the text when it is none of the three forms */
    public static Period parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a period is required, e.g. 2026-11, 2026-Q4 or 2026-11-01..2026-11-15");
        }
        String value = text.strip();
        try {
            Matcher quarter = QUARTER.matcher(value);
            if (quarter.matches()) {
                YearMonth first = YearMonth.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1);
                return new Period(first.atDay(1), first.plusMonths(2).atEndOfMonth());
            }
            Matcher range = RANGE.matcher(value);
            if (range.matches()) {
                return new Period(LocalDate.parse(range.group(1)), LocalDate.parse(range.group(2)));
            }
            return month(YearMonth.parse(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a period: '" + text + "' (expected e.g. 2026-11, 2026-Q4 or 2026-11-01..2026-11-15)");
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    @Override
    public String toString() {
        YearMonth month = YearMonth.from(from);
        if (from.equals(month.atDay(1)) && to.equals(month.atEndOfMonth())) {
            return month.toString();
        }
        return from + ".." + to;
    }
}
