package org.hotline12345.workflow.review;

import org.hotline12345.workflow.Validation;

/**
 * The hotline office's decision on a case still unsatisfied after the reopen limit: close it as
 * explained (研判销号), or send it back to the unit once more.
 */
public record ReopenLimitDecision(boolean close, String note) {

    public static final int MAX_NOTE = 2000;

    public void validate(Validation validation) {
        validation.requireText("note", note, MAX_NOTE);
    }
}
