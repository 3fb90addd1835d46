package org.hotline12345.workflow.timeline;

import java.time.OffsetDateTime;
import org.hotline12345.workflow.cases.UnitId;

/**
 * One step in a case's history: its order within the case, what happened, when, who did it (and for
 * which unit), and the detail a reader needs (reason, comment, new deadline).
 */
public record TimelineEntry(
        long sequence,
        CaseEventType type,
        OffsetDateTime at,
        String actor,
        UnitId unit,
        String detail) {
}
