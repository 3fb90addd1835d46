package org.hotline12345.workflow.accountability;

/** A rate as counted: {@code numerator} of {@code denominator}; no value when there was nothing to count. */
public record Rate(long numerator, long denominator) {

    public Rate {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("not a rate: " + numerator + " of " + denominator);
        }
    }

    /** The share from 0 to 1, or {@code null} when the denominator is 0. */
    public Double value() {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
