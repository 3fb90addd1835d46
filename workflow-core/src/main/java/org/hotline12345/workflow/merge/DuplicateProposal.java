package org.hotline12345.workflow.merge;

import java.time.OffsetDateTime;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseNumber;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.UnitId;

/** An open case that may be the same matter as the one asked about, with how alike their texts are ({@link TextSimilarity}). */
public record DuplicateProposal(
        CaseId id,
        CaseNumber number,
        CaseStatus status,
        String subject,
        UnitId leadUnit,
        OffsetDateTime createdAt,
        double similarity) {
}
