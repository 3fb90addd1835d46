package org.hotline12345.workflow.bpmn.impl;

import java.time.Instant;
import org.hotline12345.workflow.audit.AuditRecord;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.timeline.CaseEventType;

/** One row of {@code hw_case_event}, as the timeline and the event deliveries read it. */
record StoredEvent(
        CaseId caseId,
        long sequence,
        CaseEventType type,
        Instant occurredAt,
        String actor,
        UnitId actorUnit,
        String taskKey,
        String detail,
        Instant deadline) {

    static StoredEvent of(AuditRecord row) {
        return new StoredEvent(CaseId.of(row.caseId()), row.sequence(), CaseEventType.valueOf(row.eventType()), row.occurredAt(),
                row.actor(), row.actorUnit() == null ? null : UnitId.of(row.actorUnit()), row.taskKey(), row.detail(), row.deadline());
    }
}
