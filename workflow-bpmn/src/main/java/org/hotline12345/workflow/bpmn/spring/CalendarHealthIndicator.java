package org.hotline12345.workflow.bpmn.spring;

import org.hotline12345.workflow.bpmn.CalendarCoverage;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code /actuator/health} component {@code hotlineCalendar}: UP while the working-day calendar covers the next 90
 * days, WARNING (answered with HTTP 200, so the node stays in service) naming the missing years otherwise.
 */
class CalendarHealthIndicator implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "the working-day calendar lacks a year that deadlines reach soon");

    private final CalendarCoverage coverage;

    CalendarHealthIndicator(CalendarCoverage coverage) {
        this.coverage = coverage;
    }

    @Override
    public Health health() {
        var missing = coverage.missingYears();
        Health.Builder health = missing.isEmpty() ? Health.up() : Health.status(WARNING).withDetail("problem", coverage.problem());
        return health.withDetail("missingYears", missing).withDetail("horizonDays", CalendarCoverage.HORIZON.getDays()).build();
    }
}
