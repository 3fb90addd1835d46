package org.hotline12345.examples.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.hotline12345.workflow.InvalidCaseException;
import org.hotline12345.workflow.InvalidCaseException.FieldError;
import org.hotline12345.workflow.bpmn.EngineClock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo clock (demo profile only): shows and moves the time that deadlines, task due dates and the engine's
 * timers all follow, so a demo can walk a case across days and holidays. Time keeps running from where it is set.
 */
@RestController
@RequestMapping("/api/demo/clock")
@Profile("demo")
class DemoClockController {

    record ClockJson(String set, String advance) {
    }

    private final Clock clock;

    DemoClockController(DemoProperties properties, @Qualifier("hotlineClock") Clock clock) {
        this.clock = clock;
        if (properties.clockStart() != null) {
            EngineClock.runFrom(properties.clockStart());
        }
    }

    @GetMapping
    Map<String, String> now() {
        return Map.of("now", ApiJson.time(clock.instant().atZone(clock.getZone()).toOffsetDateTime()));
    }

    @PostMapping
    Map<String, String> move(@RequestBody ClockJson body) {
        if ((body.set() == null) == (body.advance() == null)) {
            throw invalid("set", "give exactly one of 'set' (an ISO instant) or 'advance' (an ISO duration)");
        }
        if (body.set() != null) {
            try {
                EngineClock.runFrom(Instant.parse(body.set()));
            } catch (DateTimeParseException e) {
                throw invalid("set", "is not an ISO-8601 instant such as 2026-11-26T02:00:00Z");
            }
        } else {
            Duration duration;
            try {
                duration = Duration.parse(body.advance());
            } catch (DateTimeParseException e) {
                throw invalid("advance", "is not an ISO-8601 duration such as PT2H or P1D");
            }
            if (duration.isNegative()) {
                throw invalid("advance", "must not be negative");
            }
            EngineClock.advance(duration, true);
        }
        return now();
    }

    private static InvalidCaseException invalid(String field, String reason) {
        return new InvalidCaseException(List.of(new FieldError(field, reason)));
    }
}
