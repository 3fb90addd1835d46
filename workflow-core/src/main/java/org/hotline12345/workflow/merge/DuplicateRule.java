package org.hotline12345.workflow.merge;

import java.time.Duration;
import java.util.Objects;

/**
 * When an open case is proposed as a duplicate of another: same category, same area code, taken in within
 * {@code window} of each other, and a {@link TextSimilarity} of their subject and description of at least
 * {@code threshold}.
 */
public record DuplicateRule(Duration window, double threshold) {

    /** Seven days either way and a similarity of 0.5. */
    public static final DuplicateRule DEFAULT = new DuplicateRule(Duration.ofDays(7), 0.5);

    public DuplicateRule {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the duplicate window must be positive, not " + window);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the duplicate threshold is a similarity above 0 and at most 1, not " + threshold);
        }
    }
}
