package org.hotline12345.workflow.bpmn.impl;

import java.time.Instant;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.timeline.CaseEventType;

/** One row of {@code hw_case_event}. */
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
}
