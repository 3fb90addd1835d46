/** Intake (受理): what an operator records when a citizen calls, and the rules that record must meet. */
package org.hotline12345.workflow.intake;
