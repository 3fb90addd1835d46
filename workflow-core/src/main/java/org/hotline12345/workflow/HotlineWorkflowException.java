package org.hotline12345.workflow;

/**
 * Base of the few typed errors the API throws. Each subclass carries a stable {@link #code()} that
 * REST adapters and logs can use without parsing messages.
 */
public abstract class HotlineWorkflowException extends RuntimeException {

    protected HotlineWorkflowException(String message) {
        super(message);
    }

    protected HotlineWorkflowException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A stable, upper-case code such as {@code CASE_NOT_FOUND}. */
    public abstract String code();
}
