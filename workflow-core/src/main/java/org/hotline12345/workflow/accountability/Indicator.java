package org.hotline12345.workflow.accountability;

/**
 * The rates a unit is ranked on, per period. {@link #definition()} is what the code counts; docs/indicators.md repeats
 * each definition word for word (a test holds them together). A unit's "part" of a case is a dispatch to it, or the case
 * passed down to it; merged duplicates have no part of their own, so a master counts once however many cases were
 * merged into it.
 */
public enum Indicator {
    ON_TIME_SIGN_FOR(true, "按时签收率", "of the parts dispatched to the unit in the period (not those passed down to it, which have no "
            + "sign-for), less those whose return the hotline office accepted or arbitrated away, the share signed for by the "
            + "sign-for deadline."),
    ON_TIME_COMPLETION(true, "按时办结率", "of the parts whose handling deadline (as moved by approved extensions) falls in the "
            + "period, less those whose return was accepted, arbitrated away or passed down, the share first replied by that "
            + "deadline."),
    RETURN_RATE(false, "退单率", "of the parts the unit received in the period, the share the unit asked to return."),
    REOPEN_RATE(false, "重办率", "of the parts the unit first replied in the period, the share reopened after an unsatisfied "
            + "callback."),
    SATISFACTION(true, "满意率", "of the parts whose callback was recorded in the period with a rating (not UNREACHABLE), the "
            + "share SATISFIED, or BASICALLY_SATISFIED where the settings count it (default yes)."),
    RESOLUTION(true, "解决率", "of the parts whose callback was recorded in the period with resolved yes or no, the share "
            + "resolved.");

    private final boolean higherIsBetter;
    private final String chineseName;
    private final String definition;

    Indicator(boolean higherIsBetter, String chineseName, String definition) {
        this.higherIsBetter = higherIsBetter;
        this.chineseName = chineseName;
        this.definition = definition;
    }

    /** Whether a higher rate is better; the composite uses 1 - rate for the others. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public String chineseName() {
        return chineseName;
    }

    /** What the rate counts, as docs/indicators.md states it. */
    public String definition() {
        return definition;
    }
}
