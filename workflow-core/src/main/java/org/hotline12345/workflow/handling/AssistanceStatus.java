package org.hotline12345.workflow.handling;

/** Where an assisting unit's part (协办) of a case stands. */
public enum AssistanceStatus {
    /** Asked at dispatch; the assisting unit has not signed for it yet. */
    REQUESTED,
    /** Signed for; the answer to the lead unit is outstanding. */
    SIGNED_FOR,
    /** Answered to the lead unit. */
    ANSWERED,
    /**
     * Ended without an answer: the lead unit replied for the case without it (with a recorded reason), or the case
     * left the lead unit (a return accepted, a dispute arbitrated to another unit).
     */
    CANCELLED;

    /** Whether the lead unit still waits for this answer. */
    public boolean outstanding() {
        return this == REQUESTED || this == SIGNED_FOR;
    }
}
