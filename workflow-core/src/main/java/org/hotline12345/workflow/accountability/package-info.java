/** Accountability (问责): facts about a unit's conduct on a case, for the supervision office to review. */
package org.hotline12345.workflow.accountability;
