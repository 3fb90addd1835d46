package org.hotline12345.workflow;

/** The acting user may not perform this step on this case. Nothing was changed. */
public final class NotAuthorizedException extends HotlineWorkflowException {

    public NotAuthorizedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "NOT_AUTHORIZED";
    }
}
