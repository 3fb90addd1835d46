package org.hotline12345.workflow.accountability;

import java.util.List;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.cases.UnitId;

/**
 * Accountability (问责) and unit indicators, as a supervision office uses them: facts, the reviews they open through the
 * analysts' {@code accountability-triggers} table, spot checks, and per-unit indicators with a ranking.
 *
 * <p>Supervisors (the supervision office) file facts, draw spot checks, investigate and decide reviews; auditors read
 * everything and change nothing; a unit writes the statement of its own reviews and reads them. Errors as in
 * {@link org.hotline12345.workflow.HotlineWorkflow}.
 */
public interface Accountability {

    /** Files a MANUAL fact against a unit that has or had the case; it goes through the triggers like any other. */
    AccountabilityFact fileFact(Actor actor, ManualFact fact);

    /**
     * Reviews opened in {@code period} (any period when null) of {@code unit} (every unit when null), newest first, each
     * with its facts; a unit's users see their own units' reviews only.
     */
    List<AccountabilityReview> reviews(Actor actor, UnitId unit, Period period);

    AccountabilityReview review(Actor actor, String reviewId);

    /** The supervision office records its findings; the unit's statement clock starts. */
    AccountabilityReview recordFindings(Actor actor, String reviewId, String findings);

    /** The unit under review writes its statement (情况说明) before its deadline. */
    AccountabilityReview submitStatement(Actor actor, String reviewId, String statement);

    /** The supervision office decides the outcome with its reasoning; recorded on the unit's and every case's record. */
    AccountabilityReview decide(Actor actor, String reviewId, OutcomeDecision decision);

    /** Draws a spot check (明察暗访) and opens a second callback task for each sampled case; recorded on each case. */
    SpotCheckDraw drawSpotCheck(Actor actor, SpotCheckRequest request);

    /** Each unit's indicators over {@code period} ({@code unit} alone when given), by unit id. */
    List<UnitIndicators> indicators(Actor actor, Period period, UnitId unit);

    /** The units that handled cases in {@code period}, by composite score, best first. */
    List<RankedUnit> ranking(Actor actor, Period period);
}
