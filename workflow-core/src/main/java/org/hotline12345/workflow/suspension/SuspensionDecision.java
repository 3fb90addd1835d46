package org.hotline12345.workflow.suspension;

import org.hotline12345.workflow.Validation;

/** The hotline office's answer where the policy wants it to approve a suspension. */
public record SuspensionDecision(boolean approved, String note) {

    public static final int MAX_NOTE = 2000;

    public void validate(Validation validation) {
        validation.limitText("note", note, MAX_NOTE);
        if (!approved && (note == null || note.isBlank())) {
            validation.reject("note", "is required when a suspension is refused: the unit must learn why");
        }
    }
}
