package org.hotline12345.workflow.bpmn.impl;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.hotline12345.workflow.accountability.FactKind;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.timeline.CaseEventType;

/**
 * {@code ${hotlineSpotCheck}}: after the supervisor's second callback of a sampled case, records the answer on the spot
 * check and the case, and a FALSE_CLOSURE fact against the unit where the citizen says the matter is not resolved but
 * the unit replied RESOLVED (虚假办结).
 */
final class SpotCheckDelegate implements JavaDelegate {

    static final String SPOT_CHECK_ID = "spotCheckId";
    static final String RESOLVED = "spotCheckResolved";
    static final String SATISFACTION = "spotCheckSatisfaction";
    static final String NOTE = "spotCheckNote";

    private final CaseStore store;
    private final SpotCheckStore spotChecks;
    private final AccountabilityFacts facts;
    private final CaseEventLog events;
    private final Clock clock;

    SpotCheckDelegate(CaseStore store, SpotCheckStore spotChecks, AccountabilityFacts facts, CaseEventLog events, Clock clock) {
        this.store = store;
        this.spotChecks = spotChecks;
        this.facts = facts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseId caseId = CaseId.of(execution.getProcessBusinessKey());
        CaseRow row = store.lockForJob(caseId);
        UnitId unit = UnitId.of((String) execution.getVariable(ReviewStore.UNIT));
        String checkId = (String) execution.getVariable(SPOT_CHECK_ID);
        Boolean resolved = (Boolean) execution.getVariable(RESOLVED);
        Object satisfaction = execution.getVariable(SATISFACTION);
        Object note = execution.getVariable(NOTE);
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = user == null ? IssueWarningDelegate.SYSTEM_ACTOR : user.getUserId();
        Instant now = clock.instant();
        boolean contradicted = Boolean.FALSE.equals(resolved) && row.replyResult() == ReplyResult.RESOLVED;
        spotChecks.recordAnswer(checkId, caseId, now, resolved, satisfaction == null ? null : satisfaction.toString(), contradicted);
        String answer = "spot check " + checkId + ": the citizen says the matter is " + (Boolean.TRUE.equals(resolved) ? "" : "not ")
                + "resolved" + (satisfaction == null ? "" : ", " + satisfaction) + (note == null ? "" : "; note: " + note)
                + "; " + unit + " replied " + row.replyResult();
        events.record(caseId, CaseEventType.SPOT_CHECK_RECORDED, now, actor, unit, execution.getCurrentActivityId(),
                answer + (contradicted ? ": the reply is contradicted" : ""), null, execution.getProcessDefinitionId());
        if (contradicted) {
            facts.record(execution.getProcessEngineServices(), caseId, unit, FactKind.FALSE_CLOSURE, answer, actor,
                    execution.getCurrentActivityId(), execution.getProcessDefinitionId());
        }
    }
}
