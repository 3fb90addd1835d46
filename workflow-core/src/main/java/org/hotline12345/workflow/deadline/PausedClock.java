package org.hotline12345.workflow.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A clock stopped at {@code pausedAt} with what was left of it: whole working days for a deadline counted in working
 * days (the pause day itself counts as used, as a start day does not count), or natural time for an hour limit.
 * Exactly one of the two is set.
 */
public record PausedClock(Instant pausedAt, Integer remainingWorkingDays, Duration remainingTime) {

    public PausedClock {
        Objects.requireNonNull(pausedAt, "pausedAt");
        if ((remainingWorkingDays == null) == (remainingTime == null)) {
            throw new IllegalArgumentException("a paused clock keeps either working days or natural time");
        }
    }

    @Override
    public String toString() {
        return remainingWorkingDays != null ? remainingWorkingDays + " working days left" : remainingTime + " left";
    }
}
