package org.hotline12345.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.chinaMainland();

    @Test
    void weekendsAreOffAndWeekdaysAreOn() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 27))).as("Friday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 29))).as("Sunday").isFalse();
    }

    @Test
    void springFestival2026IsOffAndItsMakeUpSaturdaysAreOn() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("make-up Saturday before").isTrue();
        for (int day = 15; day <= 23; day++) {
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, day))).as("Feb %d", day).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).as("make-up Saturday after").isTrue();
    }

    @Test
    void workingDaysAcrossTheSpringFestivalSkipTheHolidayAndCountTheMakeUpDay() {
        // Thu 12 Feb: Fri 13 (1), make-up Sat 14 (2), 15-23 off, Tue 24 (3), Wed 25 (4), Thu 26 (5).
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 12), 5)).isEqualTo(LocalDate.of(2026, 2, 26));
    }

    @Test
    void theStartDayNeverCountsEvenWhenItIsAMakeUpWorkingDay() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void nationalDay2026EndsOnAMakeUpSaturday() {
        // Wed 30 Sep; 1-7 Oct off; Thu 8 (1), Fri 9 (2), make-up Sat 10 (3).
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 19), 1)).as("make-up Sunday 20 Sep").isEqualTo(LocalDate.of(2026, 9, 20));
    }

    @Test
    void countingCrossesTheYearEndIntoTheNextYearsHolidays() {
        // Wed 31 Dec 2025; 1-3 Jan 2026 off, Sun 4 Jan a make-up day.
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 4));
    }

    @Test
    void subtractingWorkingDaysGoesBackOverAWeekend() {
        assertThat(calendar.subtractWorkingDays(LocalDate.of(2026, 11, 30), 1)).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 4))).isEqualTo(5);
    }

    @Test
    void aYearWithoutDataIsAnExplicitError() {
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2027, 3, 1)))
                .isInstanceOf(MissingCalendarYearException.class)
                .hasMessageContaining("2027")
                .satisfies(e -> assertThat(((MissingCalendarYearException) e).year()).isEqualTo(2027));
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 12, 30), 5))
                .isInstanceOf(MissingCalendarYearException.class);
    }

    @Test
    void theHostMayOptInToWeekendsOnlyForAMissingYear() {
        WorkingCalendar lenient = calendar.withWeekendsOnlyFallback();
        assertThat(lenient.addWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(lenient.isWorkingDay(LocalDate.of(2027, 1, 2))).isFalse();
        assertThat(lenient.hasYear(2027)).isFalse();
    }

    @Test
    void theHostMayAddOrReplaceAYear() {
        CalendarYear year2027 = CalendarYear.parse(2027, new StringReader("""
                # a host's own data
                2027-01-01 holiday 元旦
                2027-02-06 workday 春节
                """));
        WorkingCalendar extended = calendar.withYear(year2027);
        assertThat(extended.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(extended.isWorkingDay(LocalDate.of(2027, 2, 6))).isTrue();
        assertThat(extended.years()).containsExactly(2024, 2025, 2026, 2027);
        assertThat(calendar.hasYear(2027)).as("the original is unchanged").isFalse();

        WorkingCalendar replaced = calendar.withYear(CalendarYear.weekendsOnly(2026));
        assertThat(replaced.isWorkingDay(LocalDate.of(2026, 2, 16))).isTrue();
    }

    @Test
    void aMissingYearIsSeenWellBeforeDeadlinesReachIt() {
        assertThat(calendar.missingYearsWithin(LocalDate.of(2026, 11, 26), java.time.Period.ofDays(90))).containsExactly(2027);
        assertThat(calendar.missingYearsWithin(LocalDate.of(2026, 6, 1), java.time.Period.ofDays(90))).isEmpty();
    }

    @Test
    void aYearLoadedAtRunTimeCountsAtOnce() {
        WorkingCalendar running = WorkingCalendar.chinaMainland();
        assertThatThrownBy(() -> running.addWorkingDays(LocalDate.of(2026, 12, 30), 2)).isInstanceOf(MissingCalendarYearException.class);

        running.load(CalendarYear.parse(2027, new StringReader("2027-01-01 holiday 元旦\n")));

        assertThat(running.addWorkingDays(LocalDate.of(2026, 12, 30), 2)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(running.missingYearsWithin(LocalDate.of(2026, 11, 26), java.time.Period.ofDays(90))).isEmpty();
    }

    @Test
    void malformedCalendarDataNamesTheLine() {
        assertThatThrownBy(() -> CalendarYear.parse(2027, new StringReader("2027-01-01 holiday\n2027-13-01 holiday\n")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> CalendarYear.parse(2027, new StringReader("2027-01-01 vacation\n")))
                .hasMessageContaining("expected 'holiday' or 'workday'");
        assertThatThrownBy(() -> CalendarYear.parse(2027, new StringReader("2026-01-01 holiday\n")))
                .hasMessageContaining("does not belong to calendar year 2027");
    }

    @Test
    void everyBundledYearLoads() {
        assertThat(calendar.years()).containsExactly(2024, 2025, 2026);
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).as("2025 Spring Festival make-up Sunday").isTrue();
    }
}
