package org.hotline12345.workflow.bpmn.impl;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hotline12345.workflow.bpmn.StandardTask;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.WarningLevel;
import org.hotline12345.workflow.timeline.CaseEventType;

/**
 * Keeps the case table's status in step with the diagrams: a standard task being created sets the
 * status it stands for and is named in the row as open, its completion clears its clock's warning card; the end of the
 * case process closes the case. Attached as built-in listeners
 * by {@link HotlineParseListener}, so they run even where custom listeners are skipped.
 */
final class CaseStateListeners {

    private final CaseStore store;
    private final CaseEventLog events;
    private final Clock clock;

    CaseStateListeners(CaseStore store, CaseEventLog events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    TaskListener taskCreated() {
        return (DelegateTask task) -> StandardTask.byTaskKey(task.getTaskDefinitionKey()).ifPresent(standard -> {
            if (standard.status() != null) {
                store.updateStatus(caseId(task.getExecution()), standard.status(), clock.instant());
            }
            recordOpenTask(task, standard, true);
            recordOutsideApi(task, "entered");
        });
    }

    /**
     * A done step is no longer open. The card of a step's clock belongs to the open step: once the step is done, the
     * case carries none, and an escalation of that step stops. An escalation starts with a red card and runs while the
     * case shows it (a moved deadline re-enters the step, and that cancellation stops it first), so a step done without
     * one has none to stop.
     */
    TaskListener taskCompleted() {
        return (DelegateTask task) -> StandardTask.byTaskKey(task.getTaskDefinitionKey()).ifPresent(standard -> {
            recordOpenTask(task, standard, false);
            if (!standard.carriesClock()) {
                return;
            }
            CaseId caseId = caseId(task.getExecution());
            boolean red = store.find(caseId).map(row -> row.warning() == WarningLevel.RED).orElse(true);
            store.setWarning(caseId, WarningLevel.NONE, clock.instant());
            if (red) {
                stopEscalation(task, standard, "the overdue step was done");
            }
        });
    }

    /** Steps completed around the API are recorded too, whichever task. */
    TaskListener taskCompletedOutsideApi() {
        return (DelegateTask task) -> StandardTask.byTaskKey(task.getTaskDefinitionKey())
                .ifPresent(standard -> recordOutsideApi(task, "completed"));
    }

    /** A step's task cancelled (its deadline moved, or the unit's part ended): its escalation stops. */
    TaskListener taskDeleted() {
        return (DelegateTask task) -> StandardTask.byTaskKey(task.getTaskDefinitionKey()).ifPresent(standard -> {
            recordOpenTask(task, standard, false);
            recordOutsideApi(task, "cancelled");
            if (standard.carriesClock()) {
                stopEscalation(task, standard, "the overdue step's deadline moved or the step ended");
            }
        });
    }

    /**
     * A step entered, completed or cancelled in the engine without the API (Cockpit, Tasklist, a direct engine call,
     * a modification that skips custom listeners) still lands in the audit log, with the engine's user if it has one.
     */
    private void recordOutsideApi(DelegateTask task, String what) {
        if (ApiCalls.active()) {
            return;
        }
        CaseId caseId = caseId(task.getExecution());
        if (store.find(caseId).isEmpty()) {
            // An instance started around the library altogether (no case row): not a case of ours to audit.
            return;
        }
        store.lockForJob(caseId);
        String user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
                : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        events.record(caseId, CaseEventType.ENGINE_ACTION_RECORDED, clock.instant(), user == null ? "engine" : user, null,
                task.getTaskDefinitionKey(), "task " + task.getTaskDefinitionKey() + " (" + task.getName() + ") " + what
                        + " in the engine outside the hotline API" + (user == null ? "" : " by engine user " + user),
                null, task.getProcessDefinitionId());
    }

    /**
     * The case row names its open standard tasks, so that a step finds its task by id. An assisting unit's tasks are
     * several of one key, one per unit, and are looked up in the engine.
     */
    private void recordOpenTask(DelegateTask task, StandardTask standard, boolean open) {
        if (!standard.processKey().equals(StandardTask.ASSISTING_PROCESS)) {
            store.recordOpenTask(caseId(task.getExecution()), standard.taskKey(), task.getId(), open);
        }
    }

    private static void stopEscalation(DelegateTask task, StandardTask standard, String reason) {
        String clockName = switch (standard) {
            case SIGN_FOR -> "SIGN_FOR";
            case HANDLE -> "HANDLING";
            default -> null;
        };
        if (clockName == null) {
            return;
        }
        var runtime = task.getProcessEngineServices().getRuntimeService();
        runtime.createProcessInstanceQuery().processDefinitionKey(IssueWarningDelegate.ESCALATION_PROCESS)
                .processInstanceBusinessKey(task.getExecution().getProcessBusinessKey())
                .variableValueEquals(ProcessVariables.CLOCK, clockName).list()
                .forEach(escalation -> runtime.deleteProcessInstance(escalation.getId(), reason, false, true));
    }

    ExecutionListener caseEnded() {
        return (DelegateExecution execution) -> store.close(caseId(execution), clock.instant());
    }

    private static CaseId caseId(DelegateExecution execution) {
        return CaseId.of(execution.getProcessBusinessKey());
    }
}
