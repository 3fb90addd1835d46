package org.hotline12345.workflow.bpmn;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A deployment was refused because a diagram breaks the contract the Java API relies on. Nothing of the
 * deployment was stored; the versions already deployed stay in service. {@link #problems()} names each problem.
 */
public final class DiagramContractException extends ProcessEngineException {

    private final List<String> problems;

    public DiagramContractException(List<String> problems) {
        super("deployment refused: the diagrams break the hotline workflow contract:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
