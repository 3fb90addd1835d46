package org.hotline12345.workflow.bpmn.impl;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.deadline.ClockKind;
import org.hotline12345.workflow.deadline.Deadline;
import org.hotline12345.workflow.deadline.DeadlineCalculator;
import org.hotline12345.workflow.deadline.DeadlinePolicy;

/**
 * {@code ${hotlineStartClock}}: starts the clock named by the task's {@code clock} input parameter.
 * Reads the case's limits from the deadline-policy decision for its category and urgency, computes the deadline over
 * the working-day calendar, and writes it where the diagram (task due dates, the yellow- and red-card timers) and the
 * case table read it.
 */
final class StartClockDelegate implements JavaDelegate {

    private final DeadlineCalculator calculator;
    private final DeadlinePolicyTable policyTable;
    private final CaseStore store;
    private final AssistanceStore assistance;
    private final Clock clock;

    StartClockDelegate(DeadlineCalculator calculator, DeadlinePolicyTable policyTable, CaseStore store, AssistanceStore assistance,
            Clock clock) {
        this.calculator = calculator;
        this.policyTable = policyTable;
        this.store = store;
        this.assistance = assistance;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClockKind kind = ClockKind.valueOf(TaskParameters.get(execution, ProcessVariables.CLOCK));
        CaseId caseId = CaseId.of(execution.getProcessBusinessKey());
        DeadlinePolicy policy = policyOf(execution, caseId, kind);
        Instant now = clock.instant();
        Deadline deadline = calculator.deadline(kind, now, policy.limitFor(kind));
        execution.setVariable(dueVariable(kind), Date.from(deadline.due()));
        execution.setVariable(yellowCardVariable(kind), Date.from(calculator.yellowCardAt(deadline, policy.yellowCardLead())));
        if (kind == ClockKind.ASSIST) {
            // An assisting unit's clock is its own part's, not the case's.
            assistance.setDue(caseId, UnitId.of((String) execution.getVariable(ProcessVariables.ASSISTING_UNIT)), deadline.due());
            return;
        }
        if (kind == ClockKind.CALLBACK) {
            // The callback gateway, right after the callback clock's task, is the one reader of the reopen limit.
            execution.setVariable(ProcessVariables.REOPEN_LIMIT, policy.reopenLimit());
        }
        store.setDeadline(caseId, kind, deadline.due(), now);
    }

    /**
     * The policy for the case's category and urgency: the instance's variables where it has them (the case's own
     * instance, a diagram started on its own with them, a mapping an analyst added), else the case record. A unit's or
     * an assisting unit's part is not given copies of them ({@link UnitHandlingVariables}): the record is the case's,
     * and the command that starts a clock has read it already.
     */
    private DeadlinePolicy policyOf(DelegateExecution execution, CaseId caseId, ClockKind kind) {
        Object category = execution.getVariable(ProcessVariables.CATEGORY);
        Object urgency = execution.getVariable(ProcessVariables.URGENCY);
        if (category != null && urgency != null) {
            return policyTable.evaluate(Category.valueOf((String) category), Urgency.valueOf((String) urgency));
        }
        CaseRow row = store.find(caseId).orElseThrow(() -> new IllegalStateException("the " + kind + " clock of case " + caseId
                + " needs the case's category and urgency: its process instance has neither the variables nor a case record"));
        return policyTable.evaluate(row.category(), row.urgency());
    }

    static String yellowCardVariable(ClockKind kind) {
        return switch (kind) {
            case SIGN_FOR -> ProcessVariables.SIGN_FOR_YELLOW_AT;
            case HANDLING, REWORK -> ProcessVariables.HANDLING_YELLOW_AT;
            case CALLBACK -> ProcessVariables.CALLBACK_YELLOW_AT;
            case ASSIST -> ProcessVariables.ASSIST_YELLOW_AT;
        };
    }

    static String dueVariable(ClockKind kind) {
        return switch (kind) {
            case SIGN_FOR -> ProcessVariables.SIGN_FOR_DUE;
            case HANDLING, REWORK -> ProcessVariables.HANDLING_DUE;
            case CALLBACK -> ProcessVariables.CALLBACK_DUE;
            case ASSIST -> ProcessVariables.ASSIST_DUE;
        };
    }
}
