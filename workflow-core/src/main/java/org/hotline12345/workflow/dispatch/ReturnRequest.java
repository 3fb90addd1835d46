package org.hotline12345.workflow.dispatch;

import org.hotline12345.workflow.Validation;

/** A unit's request to hand a case back (退单) as not its business: a reason from the list and the particulars. */
public record ReturnRequest(ReturnReason reasonCode, String reason) {

    public static final int MAX_REASON = 2000;

    public void validate(Validation validation) {
        validation.require("reasonCode", reasonCode).requireText("reason", reason, MAX_REASON);
    }
}
