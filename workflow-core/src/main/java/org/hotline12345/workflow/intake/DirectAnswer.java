package org.hotline12345.workflow.intake;

import org.hotline12345.workflow.Validation;

/** An answer given on the call itself (直办/即时办结), which closes the case without dispatch. */
public record DirectAnswer(String answer) {

    public static final int MAX_ANSWER = 4000;

    public void validate(Validation validation) {
        validation.requireText("answer", answer, MAX_ANSWER);
    }
}
