package org.hotline12345.workflow.bpmn.impl;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.hotline12345.workflow.bpmn.StandardTask;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.deadline.DeadlinePolicy;
import org.hotline12345.workflow.deadline.TimeLimit;

/** Reads the limits of a case from the analysts' {@code deadline-policy} decision table (latest version). */
final class DeadlinePolicyTable {

    DeadlinePolicy evaluate(Category category, Urgency urgency) {
        DmnDecisionResult result = PolicyDecisions.evaluate(StandardTask.DEADLINE_POLICY_DECISION,
                Map.of(ProcessVariables.CATEGORY, category.name(), ProcessVariables.URGENCY, urgency.name()));
        if (result.size() != 1) {
            throw new ProcessEngineException("the deadline-policy decision gave " + result.size() + " rows for category "
                    + category + " and urgency " + urgency + "; it must give exactly one");
        }
        DmnDecisionResultEntries row = result.getSingleResult();
        try {
            return new DeadlinePolicy(
                    TimeLimit.parse(row.getEntry("signForLimit")),
                    TimeLimit.parse(row.getEntry("handlingLimit")),
                    TimeLimit.parse(row.getEntry("reworkLimit")),
                    TimeLimit.parse(row.getEntry("callbackLimit")),
                    TimeLimit.parse(row.getEntry("yellowCardLead")),
                    TimeLimit.parse(row.getEntry("extensionCap")),
                    TimeLimit.parse(row.getEntry("extensionDecisionLimit")),
                    Boolean.TRUE.equals(row.getEntry("suspensionNeedsApproval")),
                    ((Number) row.getEntry("reopenLimit")).intValue(),
                    TimeLimit.parse(row.getEntry("returnWindow")),
                    TimeLimit.parse(row.getEntry("assistingLimit")),
                    Boolean.TRUE.equals(row.getEntry("transferNeedsApproval")));
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            throw new ProcessEngineException("the deadline-policy row for " + category + "/" + urgency
                    + " is not usable: " + e.getMessage(), e);
        }
    }
}
