package org.hotline12345.workflow.bpmn;

import java.util.Arrays;
import java.util.Optional;
import org.hotline12345.workflow.access.Step;
import org.hotline12345.workflow.cases.CaseStatus;

/**
 * The user tasks the Java API relies on, by their element id (the task definition key). These ids
 * are the contract with the analysts who edit the diagrams: renaming one strands the API's step.
 * The status is the case status while that task is open; an assisting unit's tasks run beside the lead unit's and
 * leave the case status alone (no status). Their clock and cards belong to the assisting part, not to the case.
 */
public enum StandardTask {
    DISPATCH(Diagrams.CASE_PROCESS, "UserTask_Dispatch", Step.DISPATCH, CaseStatus.REGISTERED, false),
    SIGN_FOR(Diagrams.UNIT_PROCESS, "UserTask_SignFor", Step.SIGN_FOR, CaseStatus.DISPATCHED, true),
    HANDLE(Diagrams.UNIT_PROCESS, "UserTask_Handle", Step.REPLY, CaseStatus.IN_PROGRESS, true),
    ASSIST_SIGN_FOR(Diagrams.ASSISTING_PROCESS, "UserTask_AssistSignFor", Step.ASSIST_SIGN_FOR, null, false),
    ASSIST_ANSWER(Diagrams.ASSISTING_PROCESS, "UserTask_AssistAnswer", Step.ASSIST_REPLY, null, false),
    DECIDE_EXTENSION(Diagrams.UNIT_PROCESS, "UserTask_DecideExtension", Step.DECIDE_EXTENSION, CaseStatus.IN_PROGRESS, false),
    DECIDE_SUSPENSION(Diagrams.UNIT_PROCESS, "UserTask_DecideSuspension", Step.DECIDE_SUSPENSION, CaseStatus.IN_PROGRESS, false),
    DECIDE_RETURN(Diagrams.UNIT_PROCESS, "UserTask_DecideReturn", Step.DECIDE_RETURN, CaseStatus.RETURN_REQUESTED, false),
    ARBITRATE(Diagrams.UNIT_PROCESS, "UserTask_Arbitrate", Step.ARBITRATE, CaseStatus.DISPUTED, false),
    REVIEW(Diagrams.CASE_PROCESS, "UserTask_Review", Step.REVIEW, CaseStatus.REPLIED, false),
    CALLBACK(Diagrams.CASE_PROCESS, "UserTask_Callback", Step.CALLBACK, CaseStatus.CALLBACK, true),
    DECIDE_AFTER_REOPEN_LIMIT(Diagrams.CASE_PROCESS, "UserTask_DecideAfterReopenLimit", Step.DECIDE_AFTER_REOPEN_LIMIT,
            CaseStatus.REOPEN_LIMIT_REACHED, false);

    /** The process keys of the diagrams the library ships and deploys. */
    public static final String CASE_PROCESS = Diagrams.CASE_PROCESS;
    public static final String UNIT_PROCESS = Diagrams.UNIT_PROCESS;
    public static final String ASSISTING_PROCESS = Diagrams.ASSISTING_PROCESS;
    public static final String DEADLINE_POLICY_DECISION = Diagrams.DEADLINE_POLICY_DECISION;
    /**
     * Not a standard step: the hotline office completes it through the generic task API ({@code transferApproved} true
     * or false, optional {@code transferNote}); the API checks those variables and the contract that the task exists.
     */
    public static final String APPROVE_TRANSFER_TASK = "UserTask_ApproveTransfer";
    /**
     * Not a standard step either: a supervisor's second callback of a case drawn by a spot check, completed through the
     * generic task API with {@code spotCheckResolved} (true or false), optional {@code spotCheckSatisfaction} (a
     * satisfaction name) and {@code spotCheckNote}.
     */
    public static final String SPOT_CHECK_TASK = "UserTask_SpotCheckCallback";

    private final String processKey;
    private final String taskKey;
    private final Step step;
    private final CaseStatus status;
    private final boolean carriesClock;

    StandardTask(String processKey, String taskKey, Step step, CaseStatus status, boolean carriesClock) {
        this.processKey = processKey;
        this.taskKey = taskKey;
        this.step = step;
        this.status = status;
        this.carriesClock = carriesClock;
    }

    /** Whether the case's deadline clock, with its yellow and red cards, runs while this task is open. */
    public boolean carriesClock() {
        return carriesClock;
    }

    /** The process whose diagram must contain this task. */
    public String processKey() {
        return processKey;
    }

    public String taskKey() {
        return taskKey;
    }

    public Step step() {
        return step;
    }

    /** The case status while this task is open; {@code null} for a task that leaves the status alone. */
    public CaseStatus status() {
        return status;
    }

    public static Optional<StandardTask> byTaskKey(String taskKey) {
        return Arrays.stream(values()).filter(task -> task.taskKey.equals(taskKey)).findFirst();
    }

    /** The keys of process and decision definitions the library's diagrams define. */
    static final class Diagrams {
        static final String CASE_PROCESS = "hotline-case";
        static final String UNIT_PROCESS = "unit-handling";
        static final String ASSISTING_PROCESS = "assisting-unit";
        static final String DEADLINE_POLICY_DECISION = "deadline-policy";

        private Diagrams() {
        }
    }
}
