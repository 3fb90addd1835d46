package org.hotline12345.workflow.handling;

import org.hotline12345.workflow.Validation;

/** An assisting unit's answer to the lead unit (协办反馈): what it did or found for its part of the case. */
public record AssistAnswer(String text) {

    public static final int MAX_TEXT = 4000;

    public void validate(Validation validation) {
        validation.requireText("text", text, MAX_TEXT);
    }
}
