package org.hotline12345.workflow.extension;

import org.hotline12345.workflow.Validation;

/** The hotline office's answer to an extension request: approved (the deadline moves) or refused (it stands). */
public record ExtensionDecision(boolean approved, String note) {

    public static final int MAX_NOTE = 2000;

    public void validate(Validation validation) {
        validation.limitText("note", note, MAX_NOTE);
        if (!approved && (note == null || note.isBlank())) {
            validation.reject("note", "is required when an extension is refused: the unit must learn why");
        }
    }
}
