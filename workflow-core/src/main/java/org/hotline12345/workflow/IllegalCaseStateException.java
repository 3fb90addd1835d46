package org.hotline12345.workflow;

import org.hotline12345.workflow.cases.CaseStatus;

/**
 * The case is not in a state that allows the requested step, e.g. a reply before sign-for.
 * The message names the current state and the step that was refused.
 */
public final class IllegalCaseStateException extends HotlineWorkflowException {

    private final CaseStatus currentStatus;

    public IllegalCaseStateException(CaseStatus currentStatus, String message) {
        super(message + " (current status: " + currentStatus + ")");
        this.currentStatus = currentStatus;
    }

    public CaseStatus currentStatus() {
        return currentStatus;
    }

    @Override
    public String code() {
        return "ILLEGAL_STATE";
    }
}
