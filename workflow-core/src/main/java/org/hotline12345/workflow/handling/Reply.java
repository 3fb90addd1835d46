package org.hotline12345.workflow.handling;

import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.cases.ReplyResult;

/** The unit's reply (答复): its result and the text the citizen will hear. */
public record Reply(ReplyResult result, String text) {

    public static final int MAX_TEXT = 4000;

    public void validate(Validation validation) {
        validation.require("result", result).requireText("text", text, MAX_TEXT);
    }
}
