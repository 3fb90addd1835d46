package org.hotline12345.workflow.bpmn.impl;

import java.time.Clock;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${hotlineAuditDigest}}: keeps the head digest of the audit log as it stood at the last midnight in the
 * hotline's zone (audit-digest.bpmn runs it every night).
 */
final class AuditDigestDelegate implements JavaDelegate {

    private final EngineAuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    AuditDigestDelegate(EngineAuditLog audit, Clock clock, ZoneId zone) {
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        audit.keepDigest(clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant());
    }
}
