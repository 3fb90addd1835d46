package org.hotline12345.workflow.cases;

/** How fast the case must be handled (紧急程度). */
public enum Urgency {
    NORMAL,
    URGENT,
    /** Life or safety at stake. */
    EMERGENCY
}
