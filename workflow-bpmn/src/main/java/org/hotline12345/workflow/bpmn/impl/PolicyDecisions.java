package org.hotline12345.workflow.bpmn.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionLiteralExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
 *
 * <p>A deployed version of a table never changes, and a table that reads nothing but its inputs gives the same answer
 * to the same inputs; so each answer is kept per version and inputs, and FEEL, the costliest part of a step's own
 * work, runs once per distinct question. A new version is a new key: deployed on this node, the next step asks it;
 * deployed on another node, a step asks it within {@link #LATEST_VERSION_KEPT}. A table whose expressions could give
 * another answer later (one that reads the clock with {@code now()} or {@code today()}, or any expression in a
 * language other than FEEL, which may call out to code) is evaluated every time.
 */
final class PolicyDecisions {

    /** A plain DMN engine: the same FEEL and JUEL, none of the process engine's history listeners. */
    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    /** Bounds the kept answers; routing asks per area code, so the distinct questions are many but not unbounded. */
    private static final int MAX_ANSWERS = 10_000;

    private record Question(String decisionDefinitionId, Map<String, Object> inputs) {
    }

    private static final Map<Question, DmnDecisionResult> ANSWERS = new ConcurrentHashMap<>();

    /** Per deployed version: whether its answers may be kept. */
    private static final Map<String, Boolean> KEEPABLE = new ConcurrentHashMap<>();

    /** How long a table's latest version, once looked up, is used without asking the engine again. */
    static final Duration LATEST_VERSION_KEPT = Duration.ofSeconds(5);

    private record Latest(DecisionDefinitionEntity decision, long deployments, long lookedUpAt) {
    }

    /** Per engine: the deployments committed on this node so far, and the latest versions it looked up. */
    private static final class EngineTables {
        final AtomicLong deployments = new AtomicLong();
        final Map<String, Latest> latest = new ConcurrentHashMap<>();
    }

    private static final Map<ProcessEngineConfigurationImpl, EngineTables> ENGINES =
            Collections.synchronizedMap(new WeakHashMap<>());

    private PolicyDecisions() {
    }

    /**
     * @param variables the table's inputs; the answer's entries are shared between callers and must only be read
     */
    static DmnDecisionResult evaluate(String key, Map<String, Object> variables) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            throw new IllegalStateException("the policy table " + key + " is read inside an engine command");
        }
        DecisionDefinitionEntity decision = latest(context, key);
        if (variables.values().stream().anyMatch(java.util.Objects::isNull)
                || !KEEPABLE.computeIfAbsent(decision.getId(), id -> answersDependOnInputsOnly(decision))) {
            return DMN.evaluateDecision(decision, variables);
        }
        Question question = new Question(decision.getId(), Map.copyOf(variables));
        DmnDecisionResult known = ANSWERS.get(question);
        if (known != null) {
            return known;
        }
        DmnDecisionResult answer = DMN.evaluateDecision(decision, variables);
        if (ANSWERS.size() >= MAX_ANSWERS) {
            ANSWERS.clear();
        }
        ANSWERS.put(question, answer);
        return answer;
    }

    /**
     * Tells the engine's kept latest versions that a deployment on this node has committed: the next step asks for the
     * latest version again.
     */
    static void deployed(ProcessEngineConfigurationImpl configuration) {
        tables(configuration).deployments.incrementAndGet();
    }

    /**
     * The table's latest deployed version. Asking the engine costs a query per evaluation, a few per step, for an answer
     * that changes when an analyst deploys a table; so the answer is kept until a deployment on this node commits, or
     * for {@link #LATEST_VERSION_KEPT} at most, which bounds how long a version deployed on another node takes to apply
     * here.
     */
    private static DecisionDefinitionEntity latest(CommandContext context, String key) {
        EngineTables tables = tables(context.getProcessEngineConfiguration());
        // Read before the look-up: a deployment committing during it makes the kept answer stale at once.
        long deployments = tables.deployments.get();
        long now = System.nanoTime();
        Latest known = tables.latest.get(key);
        if (known != null && known.deployments() == deployments && now - known.lookedUpAt() < LATEST_VERSION_KEPT.toNanos()) {
            return known.decision();
        }
        // The deployment cache's entity is the parsed table itself.
        DecisionDefinitionEntity decision = (DecisionDefinitionEntity) context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedLatestDecisionDefinitionByKey(key);
        tables.latest.put(key, new Latest(decision, deployments, now));
        return decision;
    }

    private static EngineTables tables(ProcessEngineConfigurationImpl configuration) {
        return ENGINES.computeIfAbsent(configuration, engine -> new EngineTables());
    }

    static boolean answersDependOnInputsOnly(DmnDecision decision) {
        List<DmnExpressionImpl> expressions = new ArrayList<>();
        if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
            table.getInputs().forEach(input -> expressions.add(input.getExpression()));
            table.getRules().forEach(rule -> {
                expressions.addAll(rule.getConditions());
                expressions.addAll(rule.getConclusions());
            });
        } else if (decision.getDecisionLogic() instanceof DmnDecisionLiteralExpressionImpl literal) {
            expressions.add(literal.getExpression());
        } else {
            return false;
        }
        for (DmnExpressionImpl expression : expressions) {
            if (expression == null) {
                continue;
            }
            String language = expression.getExpressionLanguage();
            if (language != null && !language.toLowerCase(Locale.ROOT).contains("feel")) {
                return false;
            }
            String text = expression.getExpression() == null ? "" : expression.getExpression().replaceAll("\\s+", "");
            if (text.contains("now(") || text.contains("today(")) {
                return false;
            }
        }
        return decision.getRequiredDecisions().stream().allMatch(PolicyDecisions::answersDependOnInputsOnly);
    }
}
