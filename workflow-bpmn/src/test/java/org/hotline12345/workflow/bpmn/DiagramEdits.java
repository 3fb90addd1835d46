package org.hotline12345.workflow.bpmn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/** Edits an analyst might make to the shipped diagrams, done through the model API as Camunda Modeler would save them. */
final class DiagramEdits {

    private DiagramEdits() {
    }

    static BpmnModelInstance shipped(String file) {
        try (InputStream in = DiagramEdits.class.getClassLoader().getResourceAsStream(HotlineEnginePlugin.DIAGRAM_PATH + file)) {
            return Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts a new hotline-office user task on the sequence flow {@code flowId}, with its shape and edges, so that the
     * flow now leads to the task and a new flow leads on from it.
     */
    static BpmnModelInstance insertUserTask(BpmnModelInstance model, String flowId, String taskId, String name) {
        SequenceFlow flow = model.getModelElementById(flowId);
        Process process = (Process) flow.getParentElement();
        FlowNode next = flow.getTarget();
        UserTask task = model.newInstance(UserTask.class);
        task.setId(taskId);
        task.setName(name);
        task.setCamundaCandidateGroups("hotline-office");
        process.addChildElement(task);
        flow.setTarget(task);
        task.getIncoming().add(flow);
        next.getIncoming().remove(flow);
        SequenceFlow onward = model.newInstance(SequenceFlow.class);
        onward.setId("Flow_After_" + taskId);
        process.addChildElement(onward);
        onward.setSource(task);
        onward.setTarget(next);
        task.getOutgoing().add(onward);
        next.getIncoming().add(onward);

        BpmnPlane plane = model.getModelElementsByType(BpmnPlane.class).iterator().next();
        BpmnEdge flowEdge = model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(edge -> edge.getBpmnElement() == flow).findFirst().orElseThrow();
        List<Waypoint> points = new ArrayList<>(flowEdge.getWaypoints());
        Waypoint start = points.get(0);
        Waypoint end = points.get(points.size() - 1);
        double x = (start.getX() + end.getX()) / 2 - 50;
        double y = Math.max(start.getY(), end.getY()) + 120;
        BpmnShape shape = model.newInstance(BpmnShape.class);
        shape.setId(taskId + "_di");
        shape.setBpmnElement(task);
        Bounds bounds = model.newInstance(Bounds.class);
        bounds.setX(x);
        bounds.setY(y);
        bounds.setWidth(100);
        bounds.setHeight(80);
        shape.setBounds(bounds);
        plane.addChildElement(shape);
        for (int i = points.size() - 1; i >= 1; i--) {
            flowEdge.getWaypoints().remove(points.get(i));
        }
        flowEdge.getWaypoints().add(waypoint(model, x + 50, y));
        BpmnEdge onwardEdge = model.newInstance(BpmnEdge.class);
        onwardEdge.setId(onward.getId() + "_di");
        onwardEdge.setBpmnElement(onward);
        onwardEdge.getWaypoints().add(waypoint(model, x + 100, y + 40));
        onwardEdge.getWaypoints().add(waypoint(model, end.getX(), end.getY()));
        plane.addChildElement(onwardEdge);
        return model;
    }

    private static Waypoint waypoint(BpmnModelInstance model, double x, double y) {
        Waypoint point = model.newInstance(Waypoint.class);
        point.setX(x);
        point.setY(y);
        return point;
    }
}
