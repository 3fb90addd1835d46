package org.hotline12345.workflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.hotline12345.workflow.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

class DeadlineCalculatorTest {

    private final DeadlineCalculator calculator = new DeadlineCalculator(WorkingCalendar.chinaMainland());

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @Test
    void oneWorkingDayFromAFridayEndsOnMondayNight() {
        assertThat(calculator.due(at("2026-11-27T10:15:00+08:00"), TimeLimit.workingDays(1)))
                .isEqualTo(at("2026-11-30T23:59:59+08:00"));
    }

    @Test
    void theStartDayIsTheLocalDayInTheHotlinesZone() {
        // 23:30 on Friday in Shanghai is still Friday; 00:30 is already Saturday: both end Monday night.
        assertThat(calculator.due(at("2026-11-27T23:30:00+08:00"), TimeLimit.workingDays(1)))
                .isEqualTo(at("2026-11-30T23:59:59+08:00"));
        assertThat(calculator.due(at("2026-11-28T00:30:00+08:00"), TimeLimit.workingDays(1)))
                .isEqualTo(at("2026-11-30T23:59:59+08:00"));
        // 23:30 UTC on Thursday is Friday morning in Shanghai.
        assertThat(calculator.due(at("2026-11-26T23:30:00Z"), TimeLimit.workingDays(1)))
                .isEqualTo(at("2026-11-30T23:59:59+08:00"));
    }

    @Test
    void fiveWorkingDaysAcrossTheSpringFestival() {
        assertThat(calculator.due(at("2026-02-12T09:00:00+08:00"), TimeLimit.workingDays(5)))
                .isEqualTo(at("2026-02-26T23:59:59+08:00"));
    }

    @Test
    void oneWorkingDayIsNeverTwentyFourHours() {
        Instant friday = at("2026-11-27T10:00:00+08:00");
        assertThat(calculator.due(friday, TimeLimit.hours(24))).isEqualTo(at("2026-11-28T10:00:00+08:00"));
        assertThat(calculator.due(friday, TimeLimit.workingDays(1))).isNotEqualTo(calculator.due(friday, TimeLimit.hours(24)));
    }

    @Test
    void naturalHoursRunThroughHolidays() {
        assertThat(calculator.due(at("2026-10-01T08:00:00+08:00"), TimeLimit.hours(2)))
                .isEqualTo(at("2026-10-01T10:00:00+08:00"));
        assertThat(calculator.due(at("2026-10-01T08:00:00+08:00"), TimeLimit.minutes(90)))
                .isEqualTo(at("2026-10-01T09:30:00+08:00"));
    }

    @Test
    void zeroWorkingDaysEndsTheSameDay() {
        assertThat(calculator.due(at("2026-11-28T08:00:00+08:00"), TimeLimit.workingDays(0)))
                .isEqualTo(at("2026-11-28T23:59:59+08:00"));
    }

    @Test
    void aDeadlineRecordsItsClockStartAndLimit() {
        Deadline deadline = calculator.deadline(ClockKind.HANDLING, at("2026-09-30T09:00:00+08:00"), TimeLimit.workingDays(3));
        assertThat(deadline.due()).isEqualTo(at("2026-10-10T23:59:59+08:00"));
        assertThat(deadline.isOverdueAt(at("2026-10-10T23:59:59+08:00"))).isFalse();
        assertThat(deadline.isOverdueAt(at("2026-10-11T00:00:00+08:00"))).isTrue();
    }

    @Test
    void theYellowCardComesOneWorkingDayBeforeTheDeadline() {
        Deadline handling = calculator.deadline(ClockKind.HANDLING, at("2026-11-27T10:00:00+08:00"), TimeLimit.workingDays(5));
        assertThat(handling.due()).isEqualTo(at("2026-12-04T23:59:59+08:00"));
        assertThat(calculator.yellowCardAt(handling, TimeLimit.workingDays(1))).isEqualTo(at("2026-12-03T23:59:59+08:00"));

        // Due on Monday 30 November: the working day before is Friday 27.
        Deadline signFor = calculator.deadline(ClockKind.SIGN_FOR, at("2026-11-27T10:00:00+08:00"), TimeLimit.workingDays(1));
        assertThat(calculator.yellowCardAt(signFor, TimeLimit.workingDays(1))).isEqualTo(at("2026-11-27T23:59:59+08:00"));

        // Due after the Spring Festival: the working day before 24 February is the make-up Saturday 14 February.
        Deadline festival = calculator.deadline(ClockKind.HANDLING, at("2026-02-13T10:00:00+08:00"), TimeLimit.workingDays(2));
        assertThat(festival.due()).isEqualTo(at("2026-02-24T23:59:59+08:00"));
        assertThat(calculator.yellowCardAt(festival, TimeLimit.workingDays(1))).isEqualTo(at("2026-02-14T23:59:59+08:00"));
    }

    @Test
    void aClockThatStartsInsideTheLeadTimeWarnsAtOnce() {
        Deadline urgent = calculator.deadline(ClockKind.SIGN_FOR, at("2026-11-27T10:00:00+08:00"), TimeLimit.hours(2));
        assertThat(calculator.yellowCardAt(urgent, TimeLimit.hours(4))).isEqualTo(urgent.start());
        assertThat(calculator.yellowCardAt(urgent, TimeLimit.minutes(30))).isEqualTo(at("2026-11-27T11:30:00+08:00"));
    }

    @Test
    void aSuspensionOverAWeekendKeepsTheWorkingDaysThatWereLeft() {
        // Due Thursday 3 December; paused on Friday 27 November with Mon, Tue, Wed, Thu left.
        Instant due = at("2026-12-03T23:59:59+08:00");
        PausedClock paused = calculator.pause(at("2026-11-27T15:00:00+08:00"), due, TimeLimit.Unit.WORKING_DAYS);
        assertThat(paused.remainingWorkingDays()).isEqualTo(4);
        // Resumed on Monday: the resume day does not count, as a start day does not.
        assertThat(calculator.resume(paused, at("2026-11-30T09:00:00+08:00"))).isEqualTo(at("2026-12-04T23:59:59+08:00"));
        // Paused and resumed the same day: nothing lost, nothing gained.
        assertThat(calculator.resume(paused, at("2026-11-27T17:00:00+08:00"))).isEqualTo(due);
    }

    @Test
    void aSuspendedHourClockKeepsItsNaturalTime() {
        PausedClock paused = calculator.pause(at("2026-11-27T10:00:00+08:00"), at("2026-11-27T16:00:00+08:00"), TimeLimit.Unit.HOURS);
        assertThat(calculator.resume(paused, at("2026-11-28T09:00:00+08:00"))).isEqualTo(at("2026-11-28T15:00:00+08:00"));
    }

    @Test
    void anExtensionKeepsTheTimeOfDay() {
        assertThat(calculator.extend(at("2026-12-03T23:59:59+08:00"), 3)).isEqualTo(at("2026-12-08T23:59:59+08:00"));
        assertThat(calculator.extend(at("2026-09-30T15:00:00+08:00"), 1)).as("over National Day").isEqualTo(at("2026-10-08T15:00:00+08:00"));
    }

    @Test
    void timeLimitsReadTheAnalystsTextForm() {
        assertThat(TimeLimit.parse("5 working days")).isEqualTo(TimeLimit.workingDays(5));
        assertThat(TimeLimit.parse(" 1 Working Day ")).isEqualTo(TimeLimit.workingDays(1));
        assertThat(TimeLimit.parse("24 hours")).isEqualTo(TimeLimit.hours(24));
        assertThat(TimeLimit.parse("1 hour")).isEqualTo(TimeLimit.hours(1));
        assertThat(TimeLimit.parse("30 minutes")).isEqualTo(TimeLimit.minutes(30));
        assertThat(TimeLimit.workingDays(1)).hasToString("1 working day");
        assertThat(TimeLimit.parse(TimeLimit.hours(2).toString())).isEqualTo(TimeLimit.hours(2));
        assertThatThrownBy(() -> TimeLimit.parse("5 days")).hasMessageContaining("'5 days'");
        assertThatThrownBy(() -> TimeLimit.parse("P5D")).isInstanceOf(IllegalArgumentException.class);
    }
}
