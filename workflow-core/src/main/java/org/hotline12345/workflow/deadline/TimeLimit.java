package org.hotline12345.workflow.deadline;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time limit as the policy states it: a count of working days, or of natural hours or minutes.
 * "1 working day" is never "24 hours": the two are different units and are counted differently.
 *
 * <p>The text form, used in the DMN tables analysts edit: {@code "5 working days"}, {@code "1 working day"},
 * {@code "24 hours"}, {@code "2 hours"}, {@code "30 minutes"}.
 */
public record TimeLimit(int amount, Unit unit) {

    private static final Pattern TEXT = Pattern.compile(
            "\\s*(\\d{1,4})\\s*(working\\s+days?|hours?|minutes?)\\s*", Pattern.CASE_INSENSITIVE);

    public TimeLimit {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("a time limit must not be negative: " + amount);
        }
    }

    public static TimeLimit workingDays(int days) {
        return new TimeLimit(days, Unit.WORKING_DAYS);
    }

    public static TimeLimit hours(int hours) {
        return new TimeLimit(hours, Unit.HOURS);
    }

    public static TimeLimit minutes(int minutes) {
        return new TimeLimit(minutes, Unit.MINUTES);
    }

    /** @throws IllegalArgumentException naming the text when it is not of the documented form */
    public static TimeLimit parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("time limit missing");
        }
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a time limit: '" + text
                    + "' (expected e.g. '5 working days', '24 hours' or '30 minutes')");
        }
        int amount = Integer.parseInt(matcher.group(1));
        String unit = matcher.group(2).toLowerCase(Locale.ROOT);
        if (unit.startsWith("working")) {
            return workingDays(amount);
        }
        return unit.startsWith("hour") ? hours(amount) : minutes(amount);
    }

    @Override
    public String toString() {
        return switch (unit) {
            case WORKING_DAYS -> amount + (amount == 1 ? " working day" : " working days");
            case HOURS -> amount + (amount == 1 ? " hour" : " hours");
            case MINUTES -> amount + (amount == 1 ? " minute" : " minutes");
        };
    }

    /** How a limit is counted. */
    public enum Unit {
        /** Whole working days; the start day does not count; ends at 23:59:59 of the last one. */
        WORKING_DAYS,
        /** Natural hours, around the clock. */
        HOURS,
        /** Natural minutes, around the clock. */
        MINUTES
    }
}
