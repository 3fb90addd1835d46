package org.hotline12345.workflow.cases;

/** The warning card on the clock that runs now (预警): yellow before the deadline, red once it has passed. */
public enum WarningLevel {
    NONE,
    /** The deadline is near: within the policy's lead time. */
    YELLOW,
    /** The deadline has passed. */
    RED;

    /** The stronger of two levels: a red card is not replaced by a late yellow one. */
    public WarningLevel max(WarningLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
