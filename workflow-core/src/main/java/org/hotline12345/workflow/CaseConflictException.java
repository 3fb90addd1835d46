package org.hotline12345.workflow;

/**
 * Another action on the same case committed first (two actors completing the same step, or two
 * engine nodes touching the same case). Nothing of this call was written; re-read the case and
 * retry if the step still applies.
 */
public final class CaseConflictException extends HotlineWorkflowException {

    public CaseConflictException(String message, Throwable cause) {
        super(message, cause);
    }

    public CaseConflictException(String message) {
        super(message);
    }

    /** Always true: a conflict is the normal outcome of a race and the call may be retried. */
    public boolean retryable() {
        return true;
    }

    @Override
    public String code() {
        return "CONFLICT";
    }
}
