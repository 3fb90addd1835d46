package org.hotline12345.workflow.calendar;

/**
 * The calendar has no holiday data for a year, so it cannot tell working days from holidays.
 * Add the year's data (see {@link WorkingCalendar#withYear(CalendarYear)}) or opt in to the
 * weekends-only fallback.
 */
public final class MissingCalendarYearException extends RuntimeException {

    private final int year;

    public MissingCalendarYearException(int year) {
        super("no working-day calendar data for " + year + ": add the year's statutory holidays and make-up days "
                + "(State Council notice) or enable the weekends-only fallback");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
