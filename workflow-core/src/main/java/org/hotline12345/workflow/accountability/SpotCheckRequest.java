package org.hotline12345.workflow.accountability;

import org.hotline12345.workflow.Validation;

/**
 * Draw a spot check (明察暗访): of each unit's cases closed in {@code period}, the share {@code share} (rounded up, at
 * least one case per unit with closed cases) chosen by a pseudo-random draw from {@code seed}, so that the same
 * request on the same data draws the same cases.
 */
public record SpotCheckRequest(Period period, Double share, Long seed) {

    public void validate(Validation validation) {
        validation.require("period", period).require("share", share).require("seed", seed);
        if (share != null && !(share > 0 && share <= 1)) {
            validation.reject("share", "is a share above 0 and at most 1, not " + share);
        }
    }
}
