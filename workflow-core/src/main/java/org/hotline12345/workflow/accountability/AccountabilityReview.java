package org.hotline12345.workflow.accountability;

import java.time.OffsetDateTime;
import java.util.List;
import org.hotline12345.workflow.cases.UnitId;

/**
 * One accountability review (问责审查) of a unit: the facts that opened or joined it, the investigation, the unit's
 * statement (情况说明) and its deadline, and the outcome with its reasoning and who decided it.
 *
 * @param severity the severity the accountability-triggers table gave when the review was opened
 * @param statementMissed whether the statement deadline passed without a statement (itself a fact)
 */
public record AccountabilityReview(
        String id,
        UnitId unit,
        ReviewStage stage,
        String severity,
        OffsetDateTime openedAt,
        String findings,
        String investigatedBy,
        OffsetDateTime statementDue,
        String statement,
        String statementBy,
        OffsetDateTime statementAt,
        boolean statementMissed,
        ReviewOutcome outcome,
        String reasoning,
        String decidedBy,
        OffsetDateTime decidedAt,
        List<AccountabilityFact> facts) {

    public AccountabilityReview {
        facts = facts == null ? List.of() : List.copyOf(facts);
    }
}
