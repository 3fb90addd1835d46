package org.hotline12345.workflow.bpmn.impl;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.cases.UnitId;

/**
 * Each unit's part of a case ({@code hw_unit_part}): opened by a dispatch or a transfer down, brought up to date as the
 * case moves, and ended when the case leaves the unit. The unit indicators are counted from it alone. A case has at
 * most one running part (not ended); the updates below apply to it.
 */
final class PartStore {

    /** How a part ended before its reply: the unit is not charged with the case's deadlines for it. */
    enum Ending {
        /** The hotline office accepted the unit's return. */
        RETURNED,
        /** An arbitration gave the case to another unit. */
        ARBITRATED_AWAY,
        /** The unit passed the case down to a subordinate unit, whose part it is from then on. */
        TRANSFERRED
    }

    private static final Pattern PART_TABLE = CaseStore.table("hw_unit_part");

    private final CaseStore store;

    PartStore(CaseStore store) {
        this.store = store;
    }

    void open(CaseId caseId, UnitId unit, Instant at, Instant signForDue, Instant signedForAt, Instant handlingDue) {
        store.updateLater(PART_TABLE, "INSERT INTO hw_unit_part (id, case_id, unit, dispatched_at, sign_for_due, signed_for_at, "
                + "handling_due, return_requested, reopens) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(),
                caseId.value(), unit.value(), at, signForDue, signedForAt, handlingDue, false, 0);
    }

    void signedFor(CaseId caseId, Instant at, Instant handlingDue) {
        running(caseId, "signed_for_at = ?, handling_due = ?", at, handlingDue);
    }

    void returnRequested(CaseId caseId) {
        running(caseId, "return_requested = ?", true);
    }

    /** The running part's handling deadline moved (an extension, a resume, a rework clock). */
    void handlingDue(CaseId caseId, Instant due) {
        running(caseId, "handling_due = ?", due);
    }

    /** The first reply counts for the on-time completion; a reply after rework or a revision does not move it. */
    void replied(CaseId caseId, Instant at) {
        store.updateLater(PART_TABLE, "UPDATE hw_unit_part SET replied_at = ? WHERE case_id = ? AND ended IS NULL AND replied_at IS NULL",
                at, caseId.value());
    }

    void reopened(CaseId caseId) {
        running(caseId, "reopens = reopens + 1");
    }

    void calledBack(CaseId caseId, Instant at, Satisfaction satisfaction, Boolean resolved) {
        running(caseId, "callback_at = ?, satisfaction = ?, resolved = ?", at, satisfaction.name(), resolved);
    }

    void end(CaseId caseId, Ending ending) {
        running(caseId, "ended = ?", ending.name());
    }

    /**
     * Ends the running part as passed down and opens the subordinate unit's with the same handling deadline. The
     * subordinate unit had no sign-for of its own, so its part has no sign-for deadline.
     */
    void transferred(CaseId caseId, UnitId to, Instant at) {
        Instant handlingDue;
        try (PreparedStatement statement = store.prepare("SELECT handling_due FROM hw_unit_part WHERE case_id = ? AND ended IS NULL",
                caseId.value()); ResultSet rs = statement.executeQuery()) {
            handlingDue = rs.next() ? CaseStore.instant(rs, "handling_due") : null;
        } catch (SQLException e) {
            throw new CaseStoreException("reading the running part of case " + caseId, e);
        }
        end(caseId, Ending.TRANSFERRED);
        open(caseId, to, at, null, null, handlingDue);
    }

    private void running(CaseId caseId, String set, Object... values) {
        Object[] parameters = new Object[values.length + 1];
        System.arraycopy(values, 0, parameters, 0, values.length);
        parameters[values.length] = caseId.value();
        store.updateLater(PART_TABLE, "UPDATE hw_unit_part SET " + set + " WHERE case_id = ? AND ended IS NULL", parameters);
    }
}
