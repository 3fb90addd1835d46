package org.hotline12345.workflow.review;

import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.cases.Satisfaction;

/** What the citizen said at callback (回访): satisfaction and whether the matter was resolved. */
public record CallbackResult(Satisfaction satisfaction, Boolean resolved, String comment) {

    public static final int MAX_COMMENT = 2000;

    public void validate(Validation validation) {
        validation.require("satisfaction", satisfaction).limitText("comment", comment, MAX_COMMENT);
        if (satisfaction != null && satisfaction != Satisfaction.UNREACHABLE && resolved == null) {
            validation.reject("resolved", "is required when the citizen was reached");
        }
    }
}
