/**
 * The public face of the hotline workflow: the {@link org.hotline12345.workflow.HotlineWorkflow} facade a
 * host calls and the few typed exceptions it throws. Pure Java: no Spring or Camunda type appears here.
 */
package org.hotline12345.workflow;
