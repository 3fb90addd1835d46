package org.hotline12345.workflow.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.hotline12345.workflow.calendar.WorkingCalendar;

/**
 * Turns a start instant and a {@link TimeLimit} into a due instant, following the legal convention:
 * the day of the triggering event does not count, and "N working days" end at 23:59:59 of the N-th
 * following working day in the calendar's zone. Hour and minute limits are natural time.
 */
public final class DeadlineCalculator {

    /** The last second of a day on which a day limit ends. */
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final WorkingCalendar calendar;

    public DeadlineCalculator(WorkingCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public Instant due(Instant start, TimeLimit limit) {
        return switch (limit.unit()) {
            case WORKING_DAYS -> {
                LocalDate startDay = start.atZone(calendar.zone()).toLocalDate();
                LocalDate lastDay = calendar.addWorkingDays(startDay, limit.amount());
                yield lastDay.atTime(END_OF_DAY).atZone(calendar.zone()).toInstant();
            }
            case HOURS -> start.plus(Duration.ofHours(limit.amount()));
            case MINUTES -> start.plus(Duration.ofMinutes(limit.amount()));
        };
    }

    public Deadline deadline(ClockKind clock, Instant start, TimeLimit limit) {
        return new Deadline(clock, start, limit, due(start, limit));
    }

    /** Stops a clock due at {@code due} at {@code at}, keeping what is left of it in the limit's own unit. */
    public PausedClock pause(Instant at, Instant due, TimeLimit.Unit unit) {
        if (unit == TimeLimit.Unit.WORKING_DAYS) {
            LocalDate pauseDay = at.atZone(calendar.zone()).toLocalDate();
            LocalDate dueDay = due.atZone(calendar.zone()).toLocalDate();
            return new PausedClock(at, Math.max(0, calendar.workingDaysBetween(pauseDay, dueDay)), null);
        }
        Duration left = Duration.between(at, due);
        return new PausedClock(at, null, left.isNegative() ? Duration.ZERO : left);
    }

    /** The deadline of a paused clock started again at {@code at}: what was left, counted from then. */
    public Instant resume(PausedClock paused, Instant at) {
        if (paused.remainingWorkingDays() != null) {
            return due(at, TimeLimit.workingDays(paused.remainingWorkingDays()));
        }
        return at.plus(paused.remainingTime());
    }

    /**
     * A deadline extended by {@code workingDays}: the same time of day on the {@code workingDays}-th working day after
     * the old one (so a day limit still ends at 23:59:59).
     */
    public Instant extend(Instant due, int workingDays) {
        ZonedDateTime old = due.atZone(calendar.zone());
        return calendar.addWorkingDays(old.toLocalDate(), workingDays).atTime(old.toLocalTime()).atZone(calendar.zone()).toInstant();
    }

    /**
     * When the yellow card for {@code deadline} is due: {@code lead} before it, counted back the way limits are
     * counted forward (working days keep the time of day). A clock that starts inside the lead time warns at once.
     */
    public Instant yellowCardAt(Deadline deadline, TimeLimit lead) {
        Instant at = switch (lead.unit()) {
            case WORKING_DAYS -> {
                ZonedDateTime due = deadline.due().atZone(calendar.zone());
                LocalDate day = calendar.subtractWorkingDays(due.toLocalDate(), lead.amount());
                yield day.atTime(due.toLocalTime()).atZone(calendar.zone()).toInstant();
            }
            case HOURS -> deadline.due().minus(Duration.ofHours(lead.amount()));
            case MINUTES -> deadline.due().minus(Duration.ofMinutes(lead.amount()));
        };
        return at.isBefore(deadline.start()) ? deadline.start() : at;
    }
}
