package org.hotline12345.workflow.review;

import org.hotline12345.workflow.Validation;

/** The hotline office's review (审核) of a reply: approve it, or send it back to the unit with a comment. */
public record ReviewDecision(boolean approved, String comment) {

    public static final int MAX_COMMENT = 2000;

    public void validate(Validation validation) {
        validation.limitText("comment", comment, MAX_COMMENT);
        if (!approved && (comment == null || comment.isBlank())) {
            validation.reject("comment", "is required when a reply is sent back: the unit must learn what to fix");
        }
    }
}
