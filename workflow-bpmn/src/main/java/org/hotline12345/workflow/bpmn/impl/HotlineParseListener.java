package org.hotline12345.workflow.bpmn.impl;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.hotline12345.workflow.bpmn.StandardTask;

/**
 * Attaches the library's listeners while diagrams are parsed, so that the diagrams analysts edit stay
 * free of listener wiring; keeps the library tasks' fixed parameters on the parsed task ({@link TaskParameters}). Also
 * applies the host's history retention, when it sets one.
 */
final class HotlineParseListener extends AbstractBpmnParseListener {

    private final TaskListener taskCreated;
    private final TaskListener taskCompleted;
    private final TaskListener taskDeleted;
    private final TaskListener taskCompletedOutsideApi;
    private final ExecutionListener caseEnded;
    private final Integer historyTimeToLiveDays;

    HotlineParseListener(CaseStateListeners listeners, Integer historyTimeToLiveDays) {
        this.taskCreated = listeners.taskCreated();
        this.taskCompleted = listeners.taskCompleted();
        this.taskDeleted = listeners.taskDeleted();
        this.taskCompletedOutsideApi = listeners.taskCompletedOutsideApi();
        this.caseEnded = listeners.caseEnded();
        this.historyTimeToLiveDays = historyTimeToLiveDays;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (historyTimeToLiveDays != null) {
            processDefinition.setHistoryTimeToLive(historyTimeToLiveDays);
        }
        if (StandardTask.CASE_PROCESS.equals(processDefinition.getKey())) {
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, caseEnded);
        }
    }

    @Override
    public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskParameters.markLibraryTask(serviceTaskElement, activity);
    }

    @Override
    public void parseIoMapping(Element extensionElements, ActivityImpl activity, IoMapping inputOutput) {
        TaskParameters.keepConstants(activity, inputOutput);
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
            behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskCreated);
            behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, taskCompleted);
            behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, taskCompletedOutsideApi);
            behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, taskDeleted);
        }
    }
}
