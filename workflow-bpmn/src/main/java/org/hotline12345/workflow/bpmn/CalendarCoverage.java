package org.hotline12345.workflow.bpmn;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import org.hotline12345.workflow.calendar.WorkingCalendar;

/**
 * Whether the working-day calendar covers the days that deadlines can reach soon. The longest limits plus an
 * extension stay well inside {@link #HORIZON}, so a year reported here is missing before any case meets it.
 */
public final class CalendarCoverage {

    /** How far ahead of today the calendar must have data. */
    public static final Period HORIZON = Period.ofDays(90);

    private final WorkingCalendar calendar;
    private final Clock clock;

    public CalendarCoverage(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The years without data within {@link #HORIZON} from today; empty when all is well. */
    public Set<Integer> missingYears() {
        return calendar.missingYearsWithin(today(), HORIZON);
    }

    public LocalDate today() {
        return clock.instant().atZone(calendar.zone()).toLocalDate();
    }

    /** A sentence for logs and health checks, or null when nothing is missing. */
    public String problem() {
        Set<Integer> missing = missingYears();
        if (missing.isEmpty()) {
            return null;
        }
        return "the working-day calendar has no statutory holidays for " + missing + ", which deadlines can reach within "
                + HORIZON.getDays() + " days of " + today() + "; load the year (WorkingCalendar.load) as soon as the State "
                + "Council publishes it" + (calendar.hasYear(today().getYear()) ? "" : "; deadlines of this year fail until then");
    }
}
