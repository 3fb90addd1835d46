package org.hotline12345.workflow.bpmn.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.cases.WarningLevel;
import org.hotline12345.workflow.deadline.ClockKind;
import org.hotline12345.workflow.timeline.CaseEventType;

/**
 * {@code ${hotlineIssueWarning}}: issues the yellow or red card named by the task's {@code level} input parameter for
 * the clock named by {@code clock}, when its timer fires. Runs in the timer's job: the engine's job locking makes
 * it happen once however many nodes run, and the card, the case's warning level and the timeline entry commit
 * together with the job or not at all.
 */
final class IssueWarningDelegate implements JavaDelegate {

    /** The actor recorded for what the workflow does by itself. */
    static final String SYSTEM_ACTOR = "system";
    static final String ESCALATION_PROCESS = "case-escalation";

    private final CaseStore store;
    private final AssistanceStore assistance;
    private final CaseEventLog events;
    private final Clock clock;
    private final ZoneId zone;

    IssueWarningDelegate(CaseStore store, AssistanceStore assistance, CaseEventLog events, Clock clock, ZoneId zone) {
        this.store = store;
        this.assistance = assistance;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClockKind kind = ClockKind.valueOf(TaskParameters.get(execution, ProcessVariables.CLOCK));
        WarningLevel level = WarningLevel.valueOf(TaskParameters.get(execution, ProcessVariables.LEVEL));
        CaseId caseId = CaseId.of(execution.getProcessBusinessKey());
        Date dueDate = (Date) execution.getVariable(StartClockDelegate.dueVariable(kind));
        if (dueDate == null) {
            // The clock's deadline is gone: the step the timer watched ended, and with it the unit's part, in a commit
            // after this job was acquired. The job loses that race as the engine makes it lose others, as a conflict,
            // and finds itself deleted when it is retried.
            throw new OptimisticLockingException("the " + kind + " clock of case " + caseId.value()
                    + " ended before its " + level + " card's job ran");
        }
        Instant due = dueDate.toInstant();
        Instant now = clock.instant();
        CaseRow row;
        UnitId unit;
        if (kind == ClockKind.ASSIST) {
            row = store.lockForJob(caseId);
            // An assisting unit's card is its part's: the case's own level stays with the lead unit's clocks.
            unit = UnitId.of((String) execution.getVariable(ProcessVariables.ASSISTING_UNIT));
            if (!assistance.raiseWarning(caseId, unit, level)) {
                return;
            }
        } else {
            CaseStore.WarningCheck check = store.lockForCard(caseId, kind, level, due);
            row = check.row();
            unit = kind == ClockKind.CALLBACK ? null : row.leadUnit();
            store.setWarning(caseId, row.warning().max(level), now);
            if (check.recorded()) {
                // The task was entered again under the same deadline; its card was issued the first time.
                return;
            }
            store.recordWarning(caseId, kind, level, due, unit, now);
        }
        String clockName = switch (kind) {
            case SIGN_FOR -> "sign-for";
            case HANDLING -> "handling";
            case REWORK -> "rework";
            case CALLBACK -> "callback";
            case ASSIST -> "assisting";
        };
        String detail = (level == WarningLevel.RED ? "overdue: the " : "due soon: the ") + clockName + " deadline "
                + CaseRow.at(due, zone) + (unit == null ? "" : " of unit " + unit);
        events.record(caseId, level == WarningLevel.RED ? CaseEventType.RED_CARD_ISSUED : CaseEventType.YELLOW_CARD_ISSUED,
                now, SYSTEM_ACTOR, unit, execution.getCurrentActivityId(), detail, due, execution.getProcessDefinitionId());
        if (level == WarningLevel.RED && unit != null && kind != ClockKind.ASSIST) {
            // A unit's overdue step climbs the escalation ladder until it is done or its deadline moves.
            execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(ESCALATION_PROCESS, caseId.value(),
                    Map.of(ProcessVariables.CLOCK, kind == ClockKind.SIGN_FOR ? "SIGN_FOR" : "HANDLING",
                            ProcessVariables.LEAD_UNIT, unit.value(),
                            ProcessVariables.CATEGORY, row.category().name(),
                            ProcessVariables.URGENCY, row.urgency().name()));
        }
    }
}
