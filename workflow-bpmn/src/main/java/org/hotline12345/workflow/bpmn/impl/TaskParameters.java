package org.hotline12345.workflow.bpmn.impl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.core.model.PropertyKey;
import org.camunda.bpm.engine.impl.core.variable.mapping.InputParameter;
import org.camunda.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ConstantValueProvider;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.el.ElValueProvider;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.hotline12345.workflow.bpmn.HotlineEnginePlugin;

/**
 * The input parameters that say which clock, card, transfer decision or escalation step a library service task
 * stands for ({@code clock}, {@code level}, {@code transferDecision}, {@code escalationStep}). Analysts write them in
 * the Modeler as input parameters. For the engine an input mapping makes the task a scope: a child execution of its
 * own, a local variable per parameter and their history, made and removed every time the task runs, some eight
 * statements a clock or a card. Where every parameter of a library task is a fixed text, they are kept on the parsed
 * task instead, and the task runs on the execution that reaches it; a parameter written as an expression keeps the
 * engine's mapping, as in any other task.
 */
final class TaskParameters {

    private static final PropertyKey<Map<String, String>> CONSTANTS = new PropertyKey<>("hotlineTaskParameters");
    private static final PropertyKey<Boolean> LIBRARY_TASK = new PropertyKey<>("hotlineLibraryTask");

    /** The delegate expressions of the library tasks that read their parameters through {@link #get}. */
    private static final Set<String> READERS = Set.of(HotlineEnginePlugin.START_CLOCK_BEAN, HotlineEnginePlugin.ISSUE_WARNING_BEAN,
            HotlineEnginePlugin.ESCALATE_BEAN, HotlineEnginePlugin.TRANSFER_BEAN, HotlineEnginePlugin.REVIEW_DEADLINE_BEAN)
            .stream().map(bean -> "${" + bean + "}").collect(java.util.stream.Collectors.toUnmodifiableSet());

    private TaskParameters() {
    }

    /**
     * Called as the engine has parsed a service task, before its input/output mapping: marks the library's own tasks
     * (not multi-instance ones, whose scope is their body's and stays as the engine makes it).
     */
    static void markLibraryTask(Element serviceTask, ActivityImpl activity) {
        // A task of the host's may name a class, an expression or an external topic instead, and no delegate expression.
        String delegateExpression = serviceTask.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "delegateExpression");
        if (delegateExpression != null && READERS.contains(delegateExpression)
                && serviceTask.element("multiInstanceLoopCharacteristics") == null) {
            activity.getProperties().set(LIBRARY_TASK, Boolean.TRUE);
        }
    }

    /**
     * Called as the engine has parsed a task's input/output mapping: keeps a library task's fixed parameters on the
     * task and removes the mapping, and with it the scope the mapping made.
     */
    static void keepConstants(ActivityImpl activity, IoMapping mapping) {
        if (!Boolean.TRUE.equals(activity.getProperties().get(LIBRARY_TASK)) || !mapping.getOutputParameters().isEmpty()) {
            return;
        }
        Map<String, String> constants = new LinkedHashMap<>();
        for (InputParameter parameter : mapping.getInputParameters()) {
            String text = fixedText(parameter.getValueProvider());
            if (text == null) {
                return;
            }
            constants.put(parameter.getName(), text);
        }
        activity.getProperties().set(CONSTANTS, Map.copyOf(constants));
        activity.setIoMapping(null);
        // Only the mapping made this task a scope (boundary events, which also do, are parsed after it).
        activity.setScope(false);
    }

    /** The parameter's text where it is written without an expression; null where it needs one evaluated. */
    private static String fixedText(ParameterValueProvider value) {
        if (value instanceof ElValueProvider el && el.getExpression().isLiteralText()) {
            return el.getExpression().getExpressionText();
        }
        if (value instanceof ConstantValueProvider constant && constant.getValue(null) instanceof String text) {
            return text;
        }
        return null;
    }

    /** The task's parameter: its fixed text kept at parse time, or else the local variable the engine's mapping set. */
    static String get(DelegateExecution execution, String name) {
        if (execution instanceof ExecutionEntity entity && entity.getActivity() != null) {
            Map<String, String> constants = entity.getActivity().getProperties().get(CONSTANTS);
            if (constants != null && constants.containsKey(name)) {
                return constants.get(name);
            }
        }
        return (String) execution.getVariableLocal(name);
    }
}
