package org.hotline12345.workflow.deadline;

/** The clocks that run on a case, each started by a different event. */
public enum ClockKind {
    /** From dispatch until the unit signs for the case. */
    SIGN_FOR,
    /** From sign-for until the unit replies. */
    HANDLING,
    /** From an unsatisfied callback until the unit replies again (重办). */
    REWORK,
    /** From the approved reply until the citizen is called back. */
    CALLBACK,
    /** From dispatch until an assisting unit (协办) has signed for the request and answered the lead unit. */
    ASSIST
}
