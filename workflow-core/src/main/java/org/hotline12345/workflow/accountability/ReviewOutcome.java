package org.hotline12345.workflow.accountability;

/** What the supervision office decides at the end of an accountability review. */
public enum ReviewOutcome {
    /** The unit is not at fault. */
    NO_FAULT,
    /** A reminder (提醒). */
    REMINDER,
    /** Criticised in a circulated notice (通报批评). */
    CRITICISM_NOTICE,
    /** The unit's leader is summoned for a talk (约谈). */
    INTERVIEW,
    /** Referred to the discipline inspection bodies (移交纪检). */
    REFERRED
}
