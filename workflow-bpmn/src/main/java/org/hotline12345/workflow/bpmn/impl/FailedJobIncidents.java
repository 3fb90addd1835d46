package org.hotline12345.workflow.bpmn.impl;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.BitMaskUtil;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * The engine's handler of failed-job incidents, except that a job whose execution has no incident is not searched for
 * one when it ends.
 *
 * <p>When a job is deleted, because it ran or because the step it watched ended first, the engine searches
 * {@code ACT_RU_INCIDENT} for incidents with the job's id: one statement for every timer of a case, about 4 of a
 * case's statements and one of a card's. A failed job's incident belongs to the job's execution, and the engine keeps,
 * on each execution it has loaded, whether the execution has incidents at all; it relies on that itself to remove an
 * execution's incidents when the execution ends. Where the command holds the job's execution and knows it has none,
 * there is none to find. Otherwise (a job without an execution, an execution not loaded, one with incidents) the
 * engine's handler searches as before.
 */
public final class FailedJobIncidents implements IncidentHandler {

    private final IncidentHandler engine;

    public FailedJobIncidents(IncidentHandler engine) {
        this.engine = engine;
    }

    @Override
    public String getIncidentHandlerType() {
        return Incident.FAILED_JOB_HANDLER_TYPE;
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
        return engine.handleIncident(context, message);
    }

    @Override
    public void resolveIncident(IncidentContext context) {
        if (!withoutIncidents(context)) {
            engine.resolveIncident(context);
        }
    }

    @Override
    public void deleteIncident(IncidentContext context) {
        if (!withoutIncidents(context)) {
            engine.deleteIncident(context);
        }
    }

    /** Whether the command holds the job's execution and it has no incident; asks the database nothing. */
    private static boolean withoutIncidents(IncidentContext context) {
        if (context.getExecutionId() == null) {
            return false;
        }
        ExecutionEntity execution = Context.getCommandContext().getDbEntityManager()
                .getCachedEntity(ExecutionEntity.class, context.getExecutionId());
        // The state bit is off only where the execution's incidents are known and none.
        return execution != null && !BitMaskUtil.isBitOn(execution.getCachedEntityState(), ExecutionEntity.INCIDENT_STATE_BIT);
    }
}
