package org.hotline12345.examples.portal;

import java.io.StringReader;
import java.util.Map;
import org.hotline12345.workflow.InvalidCaseException;
import org.hotline12345.workflow.InvalidCaseException.FieldError;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.calendar.CalendarYear;
import org.hotline12345.workflow.calendar.WorkingCalendar;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar at run time: which years it knows, and loading a new year's statutory holidays (the
 * library's text format, one day a line: {@code 2027-01-01 holiday 元旦}) without a restart. Supervisors only.
 */
@RestController
@RequestMapping("/api/admin/calendar")
class CalendarController {

    private final WorkingCalendar calendar;

    CalendarController(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping
    Map<String, Object> years(Authentication user) {
        requireSupervisor(user);
        return Map.of("zone", calendar.zone().getId(), "years", calendar.years());
    }

    @PutMapping(path = "/{year}", consumes = "text/plain")
    Map<String, Object> load(Authentication user, @PathVariable int year, @RequestBody String days) {
        requireSupervisor(user);
        CalendarYear parsed;
        try {
            parsed = CalendarYear.parse(year, new StringReader(days));
        } catch (IllegalArgumentException e) {
            throw new InvalidCaseException(java.util.List.of(new FieldError("body", e.getMessage())));
        }
        calendar.load(parsed);
        return Map.of("year", year, "days", parsed.days().size());
    }

    private static void requireSupervisor(Authentication user) {
        Actor actor = Actors.of(user);
        if (!actor.has(Role.SUPERVISOR)) {
            throw new NotAuthorizedException("user '" + actor.userId() + "' may not manage the calendar: it needs SUPERVISOR");
        }
    }
}
