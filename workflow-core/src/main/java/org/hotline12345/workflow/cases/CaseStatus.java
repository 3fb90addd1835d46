package org.hotline12345.workflow.cases;

/** Where a case stands. Derived from the step that is open in the diagrams. */
public enum CaseStatus {
    /** Taken in; waiting for dispatch or a direct answer (also after an accepted return). */
    REGISTERED,
    /** Sent to the lead unit; waiting for sign-for. */
    DISPATCHED,
    /** Signed for; the unit is handling it. */
    IN_PROGRESS,
    /** The unit asked to return it; the hotline office decides. */
    RETURN_REQUESTED,
    /** Returned a second time: a dispute the hotline office arbitrates by fixing the lead unit. */
    DISPUTED,
    /** Merged into a master case (并单): follows it and gets its reply, then its own callback. */
    MERGED,
    /** The unit replied; the hotline office reviews the reply. */
    REPLIED,
    /** Reply approved; the hotline office calls the citizen back. */
    CALLBACK,
    /** Unsatisfied after the reopen limit; the hotline office decides how to close. */
    REOPEN_LIMIT_REACHED,
    /** Finished. */
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
