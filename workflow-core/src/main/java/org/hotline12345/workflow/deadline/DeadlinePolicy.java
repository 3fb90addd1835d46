package org.hotline12345.workflow.deadline;

import java.util.Objects;

/**
 * The limits that apply to one case, as the {@code deadline-policy} decision table gives them for
 * its category and urgency. The numbers live in that table, never in Java.
 */
public record DeadlinePolicy(
        TimeLimit signFor,
        TimeLimit handling,
        TimeLimit rework,
        TimeLimit callback,
        TimeLimit yellowCardLead,
        TimeLimit extensionCap,
        TimeLimit extensionDecisionLimit,
        boolean suspensionNeedsApproval,
        int reopenLimit,
        TimeLimit returnWindow,
        TimeLimit assisting,
        boolean transferNeedsApproval) {

    public DeadlinePolicy {
        Objects.requireNonNull(signFor, "signFor");
        Objects.requireNonNull(handling, "handling");
        Objects.requireNonNull(rework, "rework");
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(yellowCardLead, "yellowCardLead");
        Objects.requireNonNull(extensionCap, "extensionCap");
        Objects.requireNonNull(extensionDecisionLimit, "extensionDecisionLimit");
        Objects.requireNonNull(returnWindow, "returnWindow");
        Objects.requireNonNull(assisting, "assisting");
        if (extensionCap.unit() != TimeLimit.Unit.WORKING_DAYS) {
            throw new IllegalArgumentException("the extension cap is counted in working days, not " + extensionCap);
        }
        if (reopenLimit < 0) {
            throw new IllegalArgumentException("reopen limit must not be negative: " + reopenLimit);
        }
    }

    public TimeLimit limitFor(ClockKind clock) {
        return switch (clock) {
            case SIGN_FOR -> signFor;
            case HANDLING -> handling;
            case REWORK -> rework;
            case CALLBACK -> callback;
            case ASSIST -> assisting;
        };
    }
}
