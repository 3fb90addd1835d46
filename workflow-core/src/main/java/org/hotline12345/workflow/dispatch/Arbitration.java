package org.hotline12345.workflow.dispatch;

import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.cases.UnitId;

/**
 * The hotline office's arbitration of a dispute (a case returned a second time): {@code leadUnit} is the unit that
 * handles the case from now on, the returning unit or another, and it may not return the case again.
 */
public record Arbitration(UnitId leadUnit, String note) {

    public static final int MAX_NOTE = 2000;

    public void validate(Validation validation) {
        validation.require("leadUnit", leadUnit);
        if (note == null || note.isBlank()) {
            validation.reject("note", "is required: both units must learn why");
        } else {
            validation.limitText("note", note, MAX_NOTE);
        }
    }
}
