package org.hotline12345.workflow.handling;

import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.cases.ReplyResult;

/**
 * The unit's reply (答复): its result and the text the citizen will hear.
 *
 * @param outstandingAssistanceReason why the lead unit replies before every assisting unit has answered; required
 *     exactly then, and recorded with the reply
 */
public record Reply(ReplyResult result, String text, String outstandingAssistanceReason) {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_REASON = 2000;

    /** A reply with every assisting answer in, or with no assisting unit on the case. */
    public Reply(ReplyResult result, String text) {
        this(result, text, null);
    }

    public void validate(Validation validation) {
        validation.require("result", result).requireText("text", text, MAX_TEXT)
                .limitText("outstandingAssistanceReason", outstandingAssistanceReason, MAX_REASON);
    }
}
