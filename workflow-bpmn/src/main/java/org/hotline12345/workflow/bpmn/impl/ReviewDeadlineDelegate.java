package org.hotline12345.workflow.bpmn.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline12345.workflow.accountability.AccountabilityFact;
import org.hotline12345.workflow.accountability.FactKind;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.timeline.CaseEventType;

/**
 * {@code ${hotlineReviewDeadline}}: the statement clock of an accountability review. YELLOW: the statement is due soon,
 * said on every case of the review. RED: the unit missed it: a STATEMENT_MISSED fact joins the review, which goes on to
 * the decision without a statement.
 */
final class ReviewDeadlineDelegate implements JavaDelegate {

    private final ReviewStore reviews;
    private final AccountabilityFacts facts;
    private final CaseStore store;
    private final CaseEventLog events;
    private final Clock clock;
    private final ZoneId zone;

    ReviewDeadlineDelegate(ReviewStore reviews, AccountabilityFacts facts, CaseStore store, CaseEventLog events, Clock clock,
            ZoneId zone) {
        this.reviews = reviews;
        this.facts = facts;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reviewId = execution.getProcessBusinessKey();
        ReviewStore.Row review = reviews.lock(reviewId);
        Instant now = clock.instant();
        Set<CaseId> cases = new LinkedHashSet<>();
        reviews.factsOf(List.of(reviewId), zone).getOrDefault(reviewId, List.of()).stream().map(AccountabilityFact::caseId)
                .forEach(cases::add);
        boolean missed = "RED".equals(TaskParameters.get(execution, ProcessVariables.LEVEL));
        String detail = (missed ? "overdue: " : "due soon: ") + "the statement (情况说明) of " + review.unit()
                + " for accountability review " + reviewId + ", due " + CaseRow.at(review.statementDue(), zone);
        for (CaseId caseId : cases) {
            store.lockForJob(caseId);
            events.record(caseId, missed ? CaseEventType.RED_CARD_ISSUED : CaseEventType.YELLOW_CARD_ISSUED, now,
                    IssueWarningDelegate.SYSTEM_ACTOR, review.unit(), execution.getCurrentActivityId(), detail, review.statementDue(),
                    execution.getProcessDefinitionId());
        }
        if (missed) {
            reviews.recordStatementMissed(reviewId);
            if (!cases.isEmpty()) {
                facts.recordForReview(cases.iterator().next(), review.unit(), FactKind.STATEMENT_MISSED, review.unit()
                        + " wrote no statement for accountability review " + reviewId + " by " + CaseRow.at(review.statementDue(), zone),
                        IssueWarningDelegate.SYSTEM_ACTOR, execution.getCurrentActivityId(), execution.getProcessDefinitionId(), reviewId);
            }
        }
    }
}
