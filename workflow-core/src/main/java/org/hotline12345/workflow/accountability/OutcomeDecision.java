package org.hotline12345.workflow.accountability;

import org.hotline12345.workflow.Validation;

/** The supervision office's decision on an accountability review, with its reasoning. */
public record OutcomeDecision(ReviewOutcome outcome, String reasoning) {

    public static final int MAX_REASONING = 4000;

    public void validate(Validation validation) {
        validation.require("outcome", outcome).requireText("reasoning", reasoning, MAX_REASONING);
    }
}
