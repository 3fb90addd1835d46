package org.hotline12345.workflow.access;

/**
 * The standard steps of a case that the API knows by name, each with the side that performs it.
 * Steps an analyst adds to a diagram are not listed here; they are reached through the generic task API.
 */
public enum Step {
    INTAKE(Side.HOTLINE_OFFICE),
    DIRECT_ANSWER(Side.HOTLINE_OFFICE),
    DISPATCH(Side.HOTLINE_OFFICE),
    MERGE(Side.HOTLINE_OFFICE),
    UNMERGE(Side.HOTLINE_OFFICE),
    SIGN_FOR(Side.CURRENT_UNIT),
    REQUEST_RETURN(Side.CURRENT_UNIT),
    TRANSFER(Side.CURRENT_UNIT),
    ASSIST_SIGN_FOR(Side.ASSISTING_UNIT),
    ASSIST_REPLY(Side.ASSISTING_UNIT),
    DECIDE_RETURN(Side.HOTLINE_OFFICE),
    ARBITRATE(Side.HOTLINE_OFFICE),
    REPLY(Side.CURRENT_UNIT),
    REQUEST_EXTENSION(Side.CURRENT_UNIT),
    DECIDE_EXTENSION(Side.HOTLINE_OFFICE),
    SUSPEND(Side.CURRENT_UNIT),
    DECIDE_SUSPENSION(Side.HOTLINE_OFFICE),
    RESUME(Side.CURRENT_UNIT),
    REVIEW(Side.HOTLINE_OFFICE),
    CALLBACK(Side.HOTLINE_OFFICE),
    DECIDE_AFTER_REOPEN_LIMIT(Side.HOTLINE_OFFICE);

    private final Side side;

    Step(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }

    /** Who performs a step. */
    public enum Side {
        HOTLINE_OFFICE,
        CURRENT_UNIT,
        /** A unit asked to assist the lead unit (协办) whose part of the case is open. */
        ASSISTING_UNIT
    }
}
