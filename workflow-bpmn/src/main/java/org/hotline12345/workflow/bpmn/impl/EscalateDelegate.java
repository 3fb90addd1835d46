package org.hotline12345.workflow.bpmn.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline12345.workflow.accountability.FactKind;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.deadline.DeadlineCalculator;
import org.hotline12345.workflow.directory.OrganisationDirectory;
import org.hotline12345.workflow.directory.Unit;
import org.hotline12345.workflow.timeline.CaseEventType;

/**
 * {@code ${hotlineEscalate}}: one rung of the ladder in case-escalation.bpmn, named by the task's {@code escalationStep}
 * input: URGE (urging notice to the unit, copied to its leader), SUPERVISE (supervision order, with its deadline and
 * addressees) or ACCOUNTABILITY (a fact OVERDUE_AFTER_SUPERVISION against the unit).
 */
final class EscalateDelegate implements JavaDelegate {

    static final String SUPERVISION_AT = "supervisionAt";
    static final String SUPERVISION_DUE = "supervisionDue";
    static final String SUPERVISION_GROUPS = "supervisionGroups";
    /** Candidate group of the hotline office's supervisors. */
    static final String SUPERVISION_GROUP = "supervision";

    private final CaseStore store;
    private final AccountabilityFacts facts;
    private final CaseEventLog events;
    private final DeadlineCalculator calculator;
    private final EscalationPolicyTable policyTable;
    private final OrganisationDirectory directory;
    private final Clock clock;
    private final ZoneId zone;

    EscalateDelegate(CaseStore store, AccountabilityFacts facts, CaseEventLog events, DeadlineCalculator calculator,
            EscalationPolicyTable policyTable, OrganisationDirectory directory, Clock clock) {
        this.store = store;
        this.facts = facts;
        this.events = events;
        this.calculator = calculator;
        this.policyTable = policyTable;
        this.directory = directory;
        this.clock = clock;
        this.zone = calculator.calendar().zone();
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseId caseId = CaseId.of(execution.getProcessBusinessKey());
        CaseRow row = store.lockForJob(caseId);
        UnitId unit = UnitId.of((String) execution.getVariable(ProcessVariables.LEAD_UNIT));
        String clockName = "SIGN_FOR".equals(execution.getVariable(ProcessVariables.CLOCK)) ? "sign-for" : "handling";
        Instant now = clock.instant();
        var policy = policyTable.evaluate(Category.valueOf((String) execution.getVariable(ProcessVariables.CATEGORY)),
                Urgency.valueOf((String) execution.getVariable(ProcessVariables.URGENCY)));
        switch (TaskParameters.get(execution, "escalationStep")) {
            case "URGE" -> {
                Instant supervisionAt = calculator.due(now, policy.supervisionAfter());
                execution.setVariable(SUPERVISION_AT, Date.from(supervisionAt));
                events.record(caseId, CaseEventType.CASE_URGED, now, IssueWarningDelegate.SYSTEM_ACTOR, unit,
                        execution.getCurrentActivityId(), "urging notice to " + directory.describe(unit) + ", copied to its leader " + unit
                                + "-leader: the " + clockName + " deadline has passed; supervision follows if still open by "
                                + CaseRow.at(supervisionAt, zone), supervisionAt, execution.getProcessDefinitionId());
            }
            case "SUPERVISE" -> {
                Instant supervisionDue = calculator.due(now, policy.supervisionLimit());
                Set<String> groups = new LinkedHashSet<>();
                groups.add(SUPERVISION_GROUP);
                UnitId parent = policy.addressee() == EscalationPolicyTable.Addressee.PARENT_UNIT
                        ? directory.unit(unit).map(Unit::parent).orElse(null) : null;
                if (parent != null) {
                    groups.add(EngineHotlineWorkflow.UNIT_GROUP_PREFIX + parent.value());
                }
                execution.setVariable(SUPERVISION_DUE, Date.from(supervisionDue));
                execution.setVariable(SUPERVISION_GROUPS, String.join(",", groups));
                events.record(caseId, CaseEventType.SUPERVISION_ORDERED, now, IssueWarningDelegate.SYSTEM_ACTOR, unit,
                        execution.getCurrentActivityId(), "supervision order (督办) on " + directory.describe(unit) + " addressed to "
                                + (parent == null ? "the hotline office" : directory.describe(parent) + " and the hotline office")
                                + "; still overdue after urging; act by " + CaseRow.at(supervisionDue, zone), supervisionDue, execution.getProcessDefinitionId());
            }
            case "ACCOUNTABILITY" -> {
                String detail = directory.describe(unit) + " still overdue on case " + row.number() + " after the supervision deadline "
                        + CaseRow.at(((Date) execution.getVariable(SUPERVISION_DUE)).toInstant(), zone);
                facts.record(execution.getProcessEngineServices(), caseId, unit, FactKind.OVERDUE_AFTER_SUPERVISION, detail,
                        IssueWarningDelegate.SYSTEM_ACTOR, execution.getCurrentActivityId(), execution.getProcessDefinitionId());
            }
            default -> throw new IllegalArgumentException("unknown escalation step " + TaskParameters.get(execution, "escalationStep"));
        }
    }
}
