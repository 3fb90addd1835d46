package org.hotline12345.workflow.bpmn.impl;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;

/**
 * Evaluates the latest deployed version of one of the library's policy tables (deadline-policy, routing,
 * escalation-policy, accountability-triggers) inside the running engine command, without Camunda's decision history.
 *
 * <p>A case asks these tables at nearly every step; through the engine's DecisionService each evaluation also wrote a
 * historic decision instance with every input and output (about 12 rows for deadline-policy), more rows than the step
 * itself. What the tables decided is on the case's own record instead: the deadlines, the suggested unit, the supervision
 * order's deadline and the facts' reviews are in its timeline.
 */
final class PolicyDecisions {

    /** A plain DMN engine: the same FEEL and JUEL, none of the process engine's history listeners. */
    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private PolicyDecisions() {
    }

    static DmnDecisionResult evaluate(String key, Map<String, Object> variables) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            throw new IllegalStateException("the policy table " + key + " is read inside an engine command");
        }
        // The deployment cache's entity is the parsed table itself.
        DecisionDefinitionEntity decision = (DecisionDefinitionEntity) context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedLatestDecisionDefinitionByKey(key);
        return DMN.evaluateDecision(decision, variables);
    }
}
