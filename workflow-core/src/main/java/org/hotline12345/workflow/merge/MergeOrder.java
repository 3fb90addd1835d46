package org.hotline12345.workflow.merge;

import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.cases.CaseId;

/** Merge a new case into {@code masterId} (并单), with an optional note. */
public record MergeOrder(CaseId masterId, String note) {

    public static final int MAX_NOTE = 2000;

    public void validate(Validation validation) {
        validation.require("masterId", masterId).limitText("note", note, MAX_NOTE);
    }
}
