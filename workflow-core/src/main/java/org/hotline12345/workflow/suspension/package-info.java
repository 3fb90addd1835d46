/** Suspension (挂起): pausing a unit's handling clock, and resuming it with the working time that was left. */
package org.hotline12345.workflow.suspension;
