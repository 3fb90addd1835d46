package org.hotline12345.workflow.intake;

import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.cases.Caller;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Channel;
import org.hotline12345.workflow.cases.Location;
import org.hotline12345.workflow.cases.Urgency;

/**
 * What an operator records at intake (受理). {@code externalId}, when given, makes intake idempotent:
 * the same id again returns the case already taken in.
 */
public record IntakeRequest(
        String externalId,
        Channel channel,
        Category category,
        Urgency urgency,
        String subject,
        String description,
        Caller caller,
        Location location) {

    public static final int MAX_EXTERNAL_ID = 64;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_NAME = 50;
    public static final int MAX_ADDRESS = 500;

    /** Adds every problem of this request to {@code validation}, with field names as a JSON client sends them. */
    public void validate(Validation validation) {
        validation.limitText("externalId", externalId, MAX_EXTERNAL_ID)
                .require("channel", channel)
                .require("category", category)
                .requireText("subject", subject, MAX_SUBJECT)
                .limitText("description", description, MAX_DESCRIPTION);
        if (caller == null) {
            validation.reject("caller", "is required (use an anonymous caller if the citizen gives no details)");
        } else if (!caller.anonymous()) {
            validation.requireText("caller.name", caller.name(), MAX_NAME);
            if (caller.phone() == null || caller.phone().isBlank()) {
                validation.reject("caller.phone", "is required unless the caller is anonymous");
            } else if (!Caller.isWellFormedPhone(caller.phone())) {
                validation.reject("caller.phone", "is not a valid phone number");
            }
        } else if (caller.phone() != null && !caller.phone().isBlank() && !Caller.isWellFormedPhone(caller.phone())) {
            validation.reject("caller.phone", "is not a valid phone number");
        }
        if (location != null) {
            validation.limitText("location.address", location.address(), MAX_ADDRESS);
            if (location.areaCode() != null && !location.areaCode().matches("\\d{6}")) {
                validation.reject("location.areaCode", "must be a six-digit administrative area code");
            }
            if (location.latitude() != null && Math.abs(location.latitude()) > 90) {
                validation.reject("location.latitude", "must be between -90 and 90");
            }
            if (location.longitude() != null && Math.abs(location.longitude()) > 180) {
                validation.reject("location.longitude", "must be between -180 and 180");
            }
        }
    }

    /** The urgency to apply: NORMAL when the operator did not say. */
    public Urgency urgencyOrDefault() {
        return urgency == null ? Urgency.NORMAL : urgency;
    }
}
