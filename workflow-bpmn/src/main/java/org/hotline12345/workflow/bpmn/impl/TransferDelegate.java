package org.hotline12345.workflow.bpmn.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.directory.OrganisationDirectory;
import org.hotline12345.workflow.timeline.CaseEventType;

/**
 * Passing a case down to a subordinate unit (下派): done at once by the API where the policy needs no approval, and
 * bound as {@code ${hotlineTransfer}} to the service tasks after {@code UserTask_ApproveTransfer} (input parameter
 * {@code transferDecision}: APPROVED or REFUSED) where it does.
 */
final class TransferDelegate implements JavaDelegate {

    private final CaseStore store;
    private final PartStore parts;
    private final CaseEventLog events;
    private final OrganisationDirectory directory;
    private final Clock clock;
    private final ZoneId zone;

    TransferDelegate(CaseStore store, PartStore parts, CaseEventLog events, OrganisationDirectory directory, Clock clock, ZoneId zone) {
        this.store = store;
        this.parts = parts;
        this.events = events;
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseId caseId = CaseId.of(execution.getProcessBusinessKey());
        CaseRow row = store.lockForJob(caseId);
        UnitId to = UnitId.of((String) execution.getVariable(ProcessVariables.TRANSFER_TO));
        String reason = (String) execution.getVariable(ProcessVariables.TRANSFER_REASON);
        Object note = execution.getVariable(ProcessVariables.TRANSFER_NOTE);
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = user == null ? IssueWarningDelegate.SYSTEM_ACTOR : user.getUserId();
        String decision = TaskParameters.get(execution, ProcessVariables.TRANSFER_DECISION);
        String noted = note == null || note.toString().isBlank() ? "" : "; note: " + note;
        if ("APPROVED".equals(decision)) {
            transfer(execution.getProcessEngineServices(), row, execution.getProcessInstanceId(), to, actor,
                    "approved by the hotline office" + noted, execution.getCurrentActivityId(), execution.getProcessDefinitionId());
        } else {
            events.record(caseId, CaseEventType.TRANSFER_REFUSED, clock.instant(), actor, row.leadUnit(),
                    execution.getCurrentActivityId(), "the hotline office refused to pass the case from " + directory.describe(row.leadUnit())
                            + " down to " + directory.describe(to) + "; " + directory.describe(row.leadUnit()) + " handles it" + noted,
                    row.handlingDue(), execution.getProcessDefinitionId());
        }
        execution.removeVariable(ProcessVariables.TRANSFER_TO);
        execution.removeVariable(ProcessVariables.TRANSFER_REASON);
        execution.removeVariable(ProcessVariables.TRANSFER_NOTE);
    }

    /**
     * Makes {@code to} the lead unit of the case in the unit-handling instance {@code unitProcessInstanceId}: the case
     * row, the {@code leadUnit} variable, and the candidate group of the unit's open tasks. The deadline stands.
     */
    void transfer(ProcessEngineServices engine, CaseRow row, String unitProcessInstanceId, UnitId to, String actor, String why,
            String taskKey, String processDefinitionId) {
        Instant now = clock.instant();
        UnitId from = row.leadUnit();
        store.transferLeadUnit(row.id(), to, now);
        parts.transferred(row.id(), to, now);
        engine.getRuntimeService().setVariable(unitProcessInstanceId, ProcessVariables.LEAD_UNIT, to.value());
        String fromGroup = EngineHotlineWorkflow.UNIT_GROUP_PREFIX + from.value();
        for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(unitProcessInstanceId)
                .taskCandidateGroup(fromGroup).list()) {
            engine.getTaskService().deleteCandidateGroup(task.getId(), fromGroup);
            engine.getTaskService().addCandidateGroup(task.getId(), EngineHotlineWorkflow.UNIT_GROUP_PREFIX + to.value());
        }
        events.record(row.id(), CaseEventType.CASE_TRANSFERRED, now, actor, to, taskKey, "passed down from " + directory.describe(from)
                + " to " + directory.describe(to) + " (" + why + "); reply by " + CaseRow.at(row.handlingDue(), zone) + " as before",
                row.handlingDue(), processDefinitionId);
    }
}
