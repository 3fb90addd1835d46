package org.hotline12345.workflow.handling;

import java.time.OffsetDateTime;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.cases.WarningLevel;

/**
 * One assisting unit's part of a case (协办): asked at dispatch, signed for, answered to the lead unit within its own
 * deadline, with its own yellow and red cards.
 *
 * @param endedNote why the part ended without an answer (only for {@link AssistanceStatus#CANCELLED})
 */
public record Assistance(
        UnitId unit,
        AssistanceStatus status,
        OffsetDateTime requestedAt,
        OffsetDateTime due,
        WarningLevel warning,
        OffsetDateTime signedForAt,
        String answer,
        OffsetDateTime answeredAt,
        String endedNote) {
}
