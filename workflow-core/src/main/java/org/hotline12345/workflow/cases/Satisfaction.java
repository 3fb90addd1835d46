package org.hotline12345.workflow.cases;

/** The citizen's answer at callback (回访). */
public enum Satisfaction {
    SATISFIED,
    BASICALLY_SATISFIED,
    UNSATISFIED,
    /** The citizen could not be reached after the configured attempts; the case closes unrated. */
    UNREACHABLE;

    /** Whether this answer sends the case back to the unit (重办). */
    public boolean requiresRework() {
        return this == UNSATISFIED;
    }
}
