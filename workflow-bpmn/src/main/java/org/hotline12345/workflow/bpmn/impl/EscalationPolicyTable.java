package org.hotline12345.workflow.bpmn.impl;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineException;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.deadline.TimeLimit;

/** Reads the escalation ladder's delays from the analysts' {@code escalation-policy} decision table. */
final class EscalationPolicyTable {

    static final String DECISION = "escalation-policy";

    /** Where a supervision order goes. */
    enum Addressee { PARENT_UNIT, HOTLINE_OFFICE }

    record EscalationPolicy(TimeLimit supervisionAfter, TimeLimit supervisionLimit, Addressee addressee) {
    }

    EscalationPolicy evaluate(Category category, Urgency urgency) {
        DmnDecisionResult result = PolicyDecisions.evaluate(DECISION,
                Map.of(ProcessVariables.CATEGORY, category.name(), ProcessVariables.URGENCY, urgency.name()));
        if (result.size() != 1) {
            throw new ProcessEngineException("the escalation-policy decision gave " + result.size() + " rows for " + category
                    + "/" + urgency + "; it must give exactly one");
        }
        DmnDecisionResultEntries row = result.getSingleResult();
        try {
            return new EscalationPolicy(TimeLimit.parse(row.getEntry("supervisionAfter")), TimeLimit.parse(row.getEntry("supervisionLimit")),
                    Addressee.valueOf(row.getEntry("supervisionAddressee")));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProcessEngineException("the escalation-policy row for " + category + "/" + urgency + " is not usable: "
                    + e.getMessage(), e);
        }
    }
}
