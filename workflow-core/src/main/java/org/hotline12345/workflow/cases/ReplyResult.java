package org.hotline12345.workflow.cases;

/** The unit's result in its reply (答复). */
public enum ReplyResult {
    RESOLVED,
    PARTIALLY_RESOLVED,
    /** No legal basis or not solvable; the unit explained why. */
    EXPLAINED
}
