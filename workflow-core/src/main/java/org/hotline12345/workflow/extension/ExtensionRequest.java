package org.hotline12345.workflow.extension;

import org.hotline12345.workflow.Validation;

/** A unit's request for more time (延期), made before its handling deadline, with the working days it needs and why. */
public record ExtensionRequest(Integer workingDays, String reason) {

    /** More than this in one request is never sensible; the policy's cap on the total applies as well. */
    public static final int MAX_WORKING_DAYS = 30;
    public static final int MAX_REASON = 2000;

    public void validate(Validation validation) {
        validation.require("workingDays", workingDays).requireText("reason", reason, MAX_REASON);
        if (workingDays != null && (workingDays < 1 || workingDays > MAX_WORKING_DAYS)) {
            validation.reject("workingDays", "must be between 1 and " + MAX_WORKING_DAYS);
        }
    }
}
