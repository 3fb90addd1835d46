package org.hotline12345.workflow.suspension;

import org.hotline12345.workflow.Validation;

/** A unit's request to pause its handling clock (挂起), e.g. while it waits for the citizen's material. */
public record SuspensionRequest(String reason) {

    public static final int MAX_REASON = 2000;

    public void validate(Validation validation) {
        validation.requireText("reason", reason, MAX_REASON);
    }
}
