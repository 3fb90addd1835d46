package org.hotline12345.workflow.events;

import java.time.OffsetDateTime;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseNumber;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.timeline.CaseEventType;

/**
 * One domain event as a host's listener receives it.
 *
 * @param idempotencyKey the same on every delivery of this event to this listener: {@code <caseId>:<sequence>}
 * @param sequence the event's place in the case's timeline, from 1
 * @param eventName the past-tense name, e.g. {@code CaseDispatched}, {@code RedCardIssued}
 * @param unit the unit the event concerns, if any
 * @param deadline the deadline the event sets or refers to, if any (e.g. the new sign-for deadline of a dispatch)
 * @param attempt 1 on the first delivery, then 2, 3, ... on retries
 */
public record CaseEventNotice(
        String idempotencyKey,
        CaseId caseId,
        CaseNumber caseNumber,
        long sequence,
        CaseEventType type,
        String eventName,
        OffsetDateTime occurredAt,
        String actor,
        UnitId unit,
        String detail,
        OffsetDateTime deadline,
        int attempt) {
}
