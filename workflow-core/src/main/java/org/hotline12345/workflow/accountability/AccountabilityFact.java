package org.hotline12345.workflow.accountability;

import java.time.OffsetDateTime;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.UnitId;

/**
 * A fact about a unit's conduct on a case (问责): what, when, why, who recorded it, and the accountability review it
 * belongs to, if one was opened or joined.
 */
public record AccountabilityFact(
        String id,
        CaseId caseId,
        UnitId unit,
        FactKind kind,
        OffsetDateTime recordedAt,
        String recordedBy,
        String detail,
        String reviewId) {
}
