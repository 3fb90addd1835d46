package org.hotline12345.workflow.bpmn.impl;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Comment;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.timeline.TimelineEntry;

/**
 * The engine's history of a case (every process instance with its business key: the case, the units' parts, the
 * escalations) as timeline entries: the steps a reader cares about, not every gateway and flow. Who completed a task
 * is its assignee, which the API sets to the acting user.
 */
final class EngineHistory {

    /** Activity types worth a line: tasks, events, call activities; gateways and flows are noise to a reader. */
    private static final Set<String> SHOWN = Set.of("userTask", "serviceTask", "callActivity", "startEvent", "noneEndEvent",
            "terminateEndEvent", "boundaryTimer", "boundaryMessage", "intermediateTimer");
    /** The variables whose changes a reader needs: deadlines and the unit. */
    private static final Set<String> VARIABLES = Set.of(ProcessVariables.LEAD_UNIT, ProcessVariables.SIGN_FOR_DUE,
            ProcessVariables.HANDLING_DUE, ProcessVariables.CALLBACK_DUE);

    private final HistoryService history;
    private final TaskService tasks;
    private final ZoneId zone;

    EngineHistory(HistoryService history, TaskService tasks, ZoneId zone) {
        this.history = history;
        this.tasks = tasks;
        this.zone = zone;
    }

    List<TimelineEntry> entries(CaseId caseId) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId.value())
                .orderByProcessInstanceStartTime().asc().list()) {
            String process = instance.getProcessDefinitionKey() + " v" + instance.getProcessDefinitionVersion();
            java.util.Map<String, String> assignees = new java.util.HashMap<>();
            history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list().stream()
                    .filter(task -> task.getAssignee() != null)
                    .forEach(task -> assignees.put(task.getActivityInstanceId(), task.getAssignee()));
            // In the order they happened, also within one instant (ids say nothing about order).
            for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc()
                    .orderPartiallyByOccurrence().asc().list()) {
                if (!SHOWN.contains(activity.getActivityType())) {
                    continue;
                }
                String name = activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName();
                entries.add(entry(activity.getStartTime(), null, "ActivityEntered", activity.getActivityId(), name,
                        "entered " + name + " (" + process + ")"));
                if (activity.getEndTime() != null) {
                    boolean cancelled = activity.isCanceled();
                    String doneBy = assignees.get(activity.getId());
                    entries.add(entry(activity.getEndTime(), doneBy, cancelled ? "ActivityCancelled" : "ActivityLeft",
                            activity.getActivityId(), name, (cancelled ? "cancelled " : "left ") + name
                                    + (doneBy == null || cancelled ? "" : " (done by " + doneBy + ")")));
                }
            }
            for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
                    .orderByTime().asc().orderPartiallyByOccurrence().asc().list()) {
                HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
                if (VARIABLES.contains(update.getVariableName())) {
                    Object value = update.getValue() instanceof Date date ? CaseRow.at(date.toInstant(), zone) : update.getValue();
                    entries.add(entry(update.getTime(), null, "VariableChanged", detail.getActivityInstanceId(), update.getVariableName(),
                            update.getVariableName() + " = " + value));
                }
            }
            for (Comment comment : tasks.getProcessInstanceComments(instance.getId())) {
                entries.add(entry(comment.getTime(), comment.getUserId(), "Comment", null, null, comment.getFullMessage()));
            }
        }
        return entries;
    }

    private TimelineEntry entry(Date at, String actor, String event, String elementId, String elementName, String detail) {
        return new TimelineEntry(0, null, CaseRow.at(at.toInstant(), zone), actor == null ? "engine" : actor, null, detail,
                TimelineEntry.Source.ENGINE, event, elementId, elementName);
    }
}
