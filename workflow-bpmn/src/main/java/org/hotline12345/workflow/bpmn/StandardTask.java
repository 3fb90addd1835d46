package org.hotline12345.workflow.bpmn;

import java.util.Arrays;
import java.util.Optional;
import org.hotline12345.workflow.access.Step;
import org.hotline12345.workflow.cases.CaseStatus;

/**
 * The user tasks the Java API relies on, by their element id (the task definition key). These ids
 * are the contract with the analysts who edit the diagrams: renaming one strands the API's step.
 * The status is the case status while that task is open.
 */
public enum StandardTask {
    DISPATCH("UserTask_Dispatch", Step.DISPATCH, CaseStatus.REGISTERED),
    SIGN_FOR("UserTask_SignFor", Step.SIGN_FOR, CaseStatus.DISPATCHED),
    HANDLE("UserTask_Handle", Step.REPLY, CaseStatus.IN_PROGRESS),
    DECIDE_RETURN("UserTask_DecideReturn", Step.DECIDE_RETURN, CaseStatus.RETURN_REQUESTED),
    REVIEW("UserTask_Review", Step.REVIEW, CaseStatus.REPLIED),
    CALLBACK("UserTask_Callback", Step.CALLBACK, CaseStatus.CALLBACK),
    DECIDE_AFTER_REOPEN_LIMIT("UserTask_DecideAfterReopenLimit", Step.DECIDE_AFTER_REOPEN_LIMIT, CaseStatus.REOPEN_LIMIT_REACHED);

    /** The process keys of the diagrams the library ships and deploys. */
    public static final String CASE_PROCESS = "hotline-case";
    public static final String UNIT_PROCESS = "unit-handling";
    public static final String DEADLINE_POLICY_DECISION = "deadline-policy";

    private final String taskKey;
    private final Step step;
    private final CaseStatus status;

    StandardTask(String taskKey, Step step, CaseStatus status) {
        this.taskKey = taskKey;
        this.step = step;
        this.status = status;
    }

    public String taskKey() {
        return taskKey;
    }

    public Step step() {
        return step;
    }

    public CaseStatus status() {
        return status;
    }

    public static Optional<StandardTask> byTaskKey(String taskKey) {
        return Arrays.stream(values()).filter(task -> task.taskKey.equals(taskKey)).findFirst();
    }
}
