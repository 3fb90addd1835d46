package org.hotline12345.workflow.accountability;

/** What a unit is answerable for (问责 facts), recorded against a unit and a case. */
public enum FactKind {
    /** Still overdue after the supervision order's deadline. */
    OVERDUE_AFTER_SUPERVISION,
    /** A return the hotline office rejected as improper (推诿). */
    IMPROPER_RETURN,
    /** Still unsatisfied after the reopen limit, for unit-side causes. */
    REOPEN_LIMIT_EXCEEDED,
    /** A spot check contradicted the unit's reply (虚假办结). */
    FALSE_CLOSURE,
    /** Extensions more often than the policy allows in a period. */
    FREQUENT_EXTENSIONS,
    /** Filed by a supervisor, with a reason. */
    MANUAL,
    /** The unit did not write its statement (情况说明) of an accountability review by the deadline. */
    STATEMENT_MISSED
}
