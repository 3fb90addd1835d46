package org.hotline12345.examples.capacity;

import java.time.Instant;
import java.util.List;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Channel;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.cases.Urgency;

/**
 * One simulated case: what the citizen reports and what each side does when, in order. Both the library run and the
 * raw-engine run play the same scripts.
 */
record CaseScript(int index, Channel channel, Category category, Urgency urgency, String areaCode, List<Action> actions) {

    /** What a portal user does to a case. */
    enum Kind {
        INTAKE, DIRECT_ANSWER, DISPATCH, SIGN_FOR, REQUEST_RETURN, DECIDE_RETURN, REQUEST_EXTENSION, DECIDE_EXTENSION, REPLY,
        REVIEW, CALLBACK
    }

    /**
     * One step at a simulated time. {@code unit} names the unit a dispatch or accepted return goes to; {@code approve}
     * whether a review approves; {@code satisfaction} the citizen's answer at a callback.
     */
    record Action(Instant at, Kind kind, String unit, boolean approve, Satisfaction satisfaction) {

        static Action of(Instant at, Kind kind) {
            return new Action(at, kind, null, true, null);
        }
    }
}
