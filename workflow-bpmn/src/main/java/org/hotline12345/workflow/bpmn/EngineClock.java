package org.hotline12345.workflow.bpmn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The clock the engine's timers and the library share. Camunda 7 reads time from one JVM-wide
 * source ({@code ClockUtil}); this {@link Clock} reads the same source, so the library's deadlines,
 * task due dates and timer jobs always agree. In production it is the system clock. Tests freeze and
 * move it; the example portal's demo clock runs it from a chosen instant.
 */
public final class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Stops time at {@code instant} (for tests): it stays there until moved again. */
    public static void freezeAt(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** Lets time run on from {@code instant} at normal speed (for demos). */
    public static void runFrom(Instant instant) {
        ClockUtil.offset(instant.toEpochMilli() - System.currentTimeMillis());
    }

    /**
     * Moves time forward by {@code duration}, keeping it frozen if it was frozen and running if it was running.
     * The engine's job executor then fires the timers that came due.
     */
    public static void advance(Duration duration, boolean running) {
        Instant target = ClockUtil.getCurrentTime().toInstant().plus(duration);
        if (running) {
            runFrom(target);
        } else {
            freezeAt(target);
        }
    }

    /** Back to the system clock. */
    public static void reset() {
        ClockUtil.reset();
    }
}
