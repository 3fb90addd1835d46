package org.hotline12345.workflow.bpmn.impl;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.UnitId;

/** Spot checks ({@code hw_spot_check}, {@code hw_spot_check_case}) on the {@link CaseStore}'s connection. */
final class SpotCheckStore {

    private final CaseStore store;

    SpotCheckStore(CaseStore store) {
        this.store = store;
    }

    /** Per lead unit, the ids of its cases closed from {@code from} (inclusive) to {@code to} (exclusive), in id order. */
    Map<UnitId, List<CaseId>> closedCasesByUnit(Instant from, Instant to) {
        Map<UnitId, List<CaseId>> cases = new LinkedHashMap<>();
        try (PreparedStatement statement = store.prepare("SELECT lead_unit, id FROM hw_case WHERE status = ? AND closed_at >= ? "
                + "AND closed_at < ? AND lead_unit IS NOT NULL AND master_id IS NULL ORDER BY lead_unit, id",
                CaseStatus.CLOSED.name(), from, to); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                cases.computeIfAbsent(UnitId.of(rs.getString(1)), unit -> new ArrayList<>()).add(CaseId.of(rs.getString(2)));
            }
        } catch (SQLException e) {
            throw new CaseStoreException("reading closed cases for a spot check", e);
        }
        return cases;
    }

    void insertDraw(String id, String period, double share, long seed, Instant at, String by) {
        store.update("INSERT INTO hw_spot_check (id, period_text, sample_share, seed, drawn_at, drawn_by) VALUES (?, ?, ?, ?, ?, ?)",
                id, period, share, seed, at, by);
    }

    void insertSample(String checkId, CaseId caseId, UnitId unit) {
        store.update("INSERT INTO hw_spot_check_case (check_id, case_id, unit) VALUES (?, ?, ?)", checkId, caseId.value(), unit.value());
    }

    void recordAnswer(String checkId, CaseId caseId, Instant at, Boolean resolved, String satisfaction, boolean contradicted) {
        store.update("UPDATE hw_spot_check_case SET answered_at = ?, resolved = ?, satisfaction = ?, contradicted = ? "
                + "WHERE check_id = ? AND case_id = ?", at, resolved, satisfaction, contradicted, checkId, caseId.value());
    }
}
