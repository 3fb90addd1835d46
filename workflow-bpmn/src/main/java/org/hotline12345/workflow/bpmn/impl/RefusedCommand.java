package org.hotline12345.workflow.bpmn.impl;

import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
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

    /** Runs {@code body} as one engine command; the API's refusals roll it back and come out as they were thrown. */
    static <T> T run(CommandExecutor commands, Supplier<T> body) {
        try {
            return commands.execute(commandContext -> {
                try {
                    return body.get();
                } catch (HotlineWorkflowException refusal) {
                    throw new RefusedCommand(refusal);
                }
            });
        } catch (RefusedCommand e) {
            throw e.refusal();
        }
    }
}
