package org.hotline12345.workflow.access;

/** What a user may do. The first three are hotline-office (热线办) roles. */
public enum Role {
    /** 话务员: takes calls, records cases, answers directly, calls citizens back. */
    OPERATOR,
    /** 派单员: dispatches cases, decides returns, reviews replies. */
    DISPATCHER,
    /** Hotline-office supervisor: everything the office does, plus supervision. */
    SUPERVISOR,
    /** Reads every case and its history; changes nothing. */
    AUDITOR,
    /** A unit's handler: signs for, returns and replies on the unit's cases. */
    UNIT_HANDLER,
    /** A unit's leader: what a handler may do, and receives urging notices. */
    UNIT_LEADER,
    /** May see callers' personal data (name, phone, address) unmasked. */
    PERSONAL_DATA;

    public boolean isHotlineOffice() {
        return this == OPERATOR || this == DISPATCHER || this == SUPERVISOR;
    }
}
