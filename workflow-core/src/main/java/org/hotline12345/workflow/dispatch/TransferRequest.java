package org.hotline12345.workflow.dispatch;

import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.cases.UnitId;

/**
 * The lead unit passes the case down to one of its subordinate units (下派, e.g. a district to a street office), with
 * the reason. The deadline does not reset.
 */
public record TransferRequest(UnitId toUnit, String reason) {

    public static final int MAX_REASON = 2000;

    public void validate(Validation validation) {
        validation.require("toUnit", toUnit).requireText("reason", reason, MAX_REASON);
    }
}
