package org.hotline12345.workflow.bpmn.impl;

import org.camunda.bpm.engine.BadUserRequestException;
import org.hotline12345.workflow.HotlineWorkflowException;

/**
 * Carries a refusal of the API (bad state, no right, conflict) out of an engine command. The engine rolls
 * the command back and, since this is a bad request rather than a failure, logs it at debug level instead
 * of as an error; the facade rethrows the original exception.
 */
final class RefusedCommand extends BadUserRequestException {

    private final HotlineWorkflowException refusal;

    RefusedCommand(HotlineWorkflowException refusal) {
        super(refusal.getMessage(), refusal);
        this.refusal = refusal;
    }

    HotlineWorkflowException refusal() {
        return refusal;
    }
}
