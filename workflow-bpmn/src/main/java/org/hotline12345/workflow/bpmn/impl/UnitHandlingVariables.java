package org.hotline12345.workflow.bpmn.impl;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.deadline.ClockKind;
import org.hotline12345.workflow.deadline.Deadline;
import org.hotline12345.workflow.deadline.DeadlineCalculator;
import org.hotline12345.workflow.deadline.TimeLimit;

/**
 * {@code ${hotlineUnitHandlingVariables}}: what hotline-case's call to unit-handling passes in and takes back. Every
 * variable copied costs a runtime row, a history row and a history detail in the instance it is copied into, and the
 * runtime row's removal when that instance ends, so only what the other side reads is copied:
 * <ul>
 * <li>in: {@code leadUnit}, {@code entry} and {@code assisted}; on a {@code REVISE} entry also {@code handlingDue} and
 * {@code handlingYellowAt}, the case's handling deadline, which a reply sent back keeps, and its yellow card (a fresh
 * dispatch and rework start their own clock). Not the case's id, category and urgency: the part's business key is the
 * case id, and its clocks read the category and urgency from the case record ({@link StartClockDelegate}); a step an
 * analyst adds that reads them adds its {@code camunda:in};</li>
 * <li>out: {@code handlingOutcome}, {@code replyResult} and {@code replyText}, and {@code leadUnit} when a transfer or
 * a return changed it. The deadlines stay with the unit's part and the case record.</li>
 * </ul>
 * Mappings an analyst adds to the call activity in the Modeler ({@code camunda:in}, {@code camunda:out}) apply as well.
 */
public final class UnitHandlingVariables implements DelegateVariableMapping {

    private static final List<String> IN = List.of(ProcessVariables.LEAD_UNIT, ProcessVariables.ENTRY, ProcessVariables.ASSISTED);
    private static final List<String> OUT = List.of(ProcessVariables.HANDLING_OUTCOME, ProcessVariables.REPLY_RESULT,
            ProcessVariables.REPLY_TEXT);

    private final CaseStore store;
    private final DeadlinePolicyTable policyTable;
    private final DeadlineCalculator calculator;

    UnitHandlingVariables(CaseStore store, DeadlinePolicyTable policyTable, DeadlineCalculator calculator) {
        this.store = store;
        this.policyTable = policyTable;
        this.calculator = calculator;
    }

    @Override
    public void mapInputVariables(DelegateExecution caseExecution, VariableMap unitVariables) {
        for (String name : IN) {
            unitVariables.put(name, caseExecution.getVariable(name));
        }
        if ("REVISE".equals(caseExecution.getVariable(ProcessVariables.ENTRY))) {
            CaseId caseId = CaseId.of(caseExecution.getProcessBusinessKey());
            CaseRow row = store.find(caseId).orElseThrow(() -> new IllegalStateException("no case row for " + caseId));
            Instant due = Objects.requireNonNull(row.handlingDue(), () -> "case " + row.number() + " is sent back to its unit "
                    + "without a handling deadline");
            // The card's lead counted back from the kept deadline; a card already issued for it is not issued again.
            Instant yellowCard = calculator.yellowCardAt(new Deadline(ClockKind.HANDLING, Instant.EPOCH, TimeLimit.workingDays(0), due),
                    policyTable.evaluate(row.category(), row.urgency()).yellowCardLead());
            unitVariables.put(ProcessVariables.HANDLING_DUE, Date.from(due));
            unitVariables.put(ProcessVariables.HANDLING_YELLOW_AT, Date.from(yellowCard));
        }
    }

    @Override
    public void mapOutputVariables(DelegateExecution caseExecution, VariableScope unitPart) {
        for (String name : OUT) {
            // Copied also when empty, as camunda:out does: a gateway of the case must not read an earlier round's value.
            caseExecution.setVariable(name, unitPart.getVariable(name));
        }
        Object leadUnit = unitPart.getVariable(ProcessVariables.LEAD_UNIT);
        if (!Objects.equals(leadUnit, caseExecution.getVariable(ProcessVariables.LEAD_UNIT))) {
            caseExecution.setVariable(ProcessVariables.LEAD_UNIT, leadUnit);
        }
    }
}
