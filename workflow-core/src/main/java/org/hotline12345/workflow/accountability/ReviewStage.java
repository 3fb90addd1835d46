package org.hotline12345.workflow.accountability;

/** Where an accountability review stands. */
public enum ReviewStage {
    /** Opened; the supervision office investigates. */
    INVESTIGATING,
    /** The unit writes its statement (情况说明) by its deadline. */
    AWAITING_STATEMENT,
    /** The supervision office decides the outcome. */
    DECIDING,
    /** Decided and recorded. */
    DECIDED
}
