package org.hotline12345.workflow.deadline;

import java.time.Instant;
import java.util.Objects;

/** One clock's deadline: when it started, under which limit, and when it falls due. */
public record Deadline(ClockKind clock, Instant start, TimeLimit limit, Instant due) {

    public Deadline {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(due, "due");
        if (due.isBefore(start)) {
            throw new IllegalArgumentException("a deadline cannot fall before its start");
        }
    }

    public boolean isOverdueAt(Instant now) {
        return now.isAfter(due);
    }
}
