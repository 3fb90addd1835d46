package org.hotline12345.workflow.dispatch;

import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.cases.UnitId;

/**
 * The hotline office's decision on a return. Accepted: the case goes back to dispatch, or straight
 * to {@code newLeadUnit} when one is named. Rejected: the unit must handle the case.
 */
public record ReturnDecision(boolean accepted, String note, UnitId newLeadUnit) {

    public static final int MAX_NOTE = 2000;

    public void validate(Validation validation) {
        validation.limitText("note", note, MAX_NOTE);
        if (!accepted && newLeadUnit != null) {
            validation.reject("newLeadUnit", "only applies when the return is accepted");
        }
        if (!accepted && (note == null || note.isBlank())) {
            validation.reject("note", "is required when a return is rejected: the unit must learn why");
        }
    }
}
