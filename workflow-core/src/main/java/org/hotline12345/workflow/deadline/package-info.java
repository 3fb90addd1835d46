/**
 * Deadlines: time limits as the policy states them, the clocks of a case, and the arithmetic that
 * turns a start and a limit into a due instant over the working-day calendar.
 */
package org.hotline12345.workflow.deadline;
