package org.hotline12345.workflow.bpmn.impl;

import java.time.Instant;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.timeline.CaseEventType;

/**
 * Records a domain event: appends it to the case's timeline and queues its delivery to the host's listeners, in the
 * transaction of the change it records.
 */
final class CaseEventLog {

    private final CaseStore store;
    private final EventNotifications notifications;

    CaseEventLog(CaseStore store, EventNotifications notifications) {
        this.store = store;
        this.notifications = notifications;
    }

    /**
     * @param unit the unit the event concerns, if any
     * @param taskKey the diagram element it happened at, if any
     * @param deadline the deadline it sets or refers to, if any
     * @param processDefinitionId the diagram it happened in; null for the case's own
     */
    void record(CaseId caseId, CaseEventType type, Instant at, String actor, UnitId unit, String taskKey, String detail,
            Instant deadline, String processDefinitionId) {
        long sequence = store.append(caseId, type, at, actor, unit, taskKey, detail, deadline, processDefinitionId);
        notifications.enqueue(caseId, sequence);
    }
}
