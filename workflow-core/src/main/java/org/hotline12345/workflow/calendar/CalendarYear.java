package org.hotline12345.workflow.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One year's departures from the Monday-to-Friday week: statutory holidays and make-up working days.
 *
 * <p>The text format, one day a line: {@code 2026-02-15 holiday 春节} or {@code 2026-02-14 workday 春节};
 * the third column (the holiday's name) is optional; {@code #} starts a comment.
 */
public record CalendarYear(int year, Map<LocalDate, DayKind> days) {

    public CalendarYear {
        TreeMap<LocalDate, DayKind> copy = new TreeMap<>(days);
        for (LocalDate day : copy.keySet()) {
            if (day.getYear() != year) {
                throw new IllegalArgumentException("day " + day + " does not belong to calendar year " + year);
            }
        }
        days = Collections.unmodifiableMap(copy);
    }

    /** A year with no holidays at all: only weekends are off. */
    public static CalendarYear weekendsOnly(int year) {
        return new CalendarYear(year, Map.of());
    }

    /** Reads the text format; errors name the line. */
    public static CalendarYear parse(int year, Reader source) {
        Map<LocalDate, DayKind> days = new TreeMap<>();
        try (BufferedReader reader = new BufferedReader(source)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String content = line.strip();
                int comment = content.indexOf('#');
                if (comment >= 0) {
                    content = content.substring(0, comment).strip();
                }
                if (content.isEmpty()) {
                    continue;
                }
                String[] columns = content.split("\\s+", 3);
                if (columns.length < 2) {
                    throw new IllegalArgumentException("calendar " + year + ", line " + number + ": expected '<date> holiday|workday [name]'");
                }
                LocalDate day;
                try {
                    day = LocalDate.parse(columns[0]);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("calendar " + year + ", line " + number + ": not a date: " + columns[0], e);
                }
                DayKind kind = switch (columns[1]) {
                    case "holiday" -> DayKind.HOLIDAY;
                    case "workday" -> DayKind.MAKE_UP_WORKDAY;
                    default -> throw new IllegalArgumentException(
                            "calendar " + year + ", line " + number + ": expected 'holiday' or 'workday', found " + columns[1]);
                };
                if (days.put(day, kind) != null) {
                    throw new IllegalArgumentException("calendar " + year + ", line " + number + ": " + day + " listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CalendarYear(year, days);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayKind kind = days.get(day);
        if (kind != null) {
            return kind == DayKind.MAKE_UP_WORKDAY;
        }
        return switch (day.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> false;
            default -> true;
        };
    }
}
