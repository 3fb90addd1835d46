package org.hotline12345.workflow.dispatch;

import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.cases.UnitId;

/** Sends a case to its lead unit (派单), with an optional note for the unit. */
public record DispatchOrder(UnitId leadUnit, String note) {

    public static final int MAX_NOTE = 2000;

    public void validate(Validation validation) {
        validation.require("leadUnit", leadUnit).limitText("note", note, MAX_NOTE);
    }
}
