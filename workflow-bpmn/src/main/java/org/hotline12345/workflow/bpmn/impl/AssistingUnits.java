package org.hotline12345.workflow.bpmn.impl;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hotline12345.workflow.cases.CaseId;

/**
 * {@code ${hotlineAssistingUnits.of(execution)}}: the collection of unit-handling's multi-instance call to
 * assisting-unit, one instance per assisting unit the running dispatch named. The units come from the library's own
 * table rather than a list variable, which the engine could store only as a serialized Java object.
 */
public final class AssistingUnits {

    private final AssistanceStore parts;

    AssistingUnits(AssistanceStore parts) {
        this.parts = parts;
    }

    public List<String> of(DelegateExecution execution) {
        return parts.unstartedUnits(CaseId.of(execution.getProcessBusinessKey()));
    }
}
