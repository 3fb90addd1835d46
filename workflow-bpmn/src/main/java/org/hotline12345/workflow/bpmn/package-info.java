/**
 * The Camunda 7 side of the hotline workflow: the engine plugin, the plain-Java bootstrap
 * ({@link org.hotline12345.workflow.bpmn.HotlineWorkflowEngine}), the shared engine clock and the ids of the
 * standard tasks the diagrams must keep. The diagrams themselves live in {@code org/hotline12345/workflow/diagrams}.
 */
package org.hotline12345.workflow.bpmn;
