package org.hotline12345.workflow.bpmn.impl;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.cases.WarningLevel;
import org.hotline12345.workflow.handling.Assistance;
import org.hotline12345.workflow.handling.AssistanceStatus;

/**
 * The assisting units' parts of cases ({@code hw_case_assist}), on the connection and in the transaction of the
 * {@link CaseStore} it is built on.
 */
final class AssistanceStore {

    private static final String COLUMNS = "case_id, unit, status, requested_at, due, warning_level, signed_for_at, answer, "
            + "answered_at, ended_note";

    private final CaseStore store;

    AssistanceStore(CaseStore store) {
        this.store = store;
    }

    /** One row: an assisting unit's part of one dispatch of a case. */
    record Part(CaseId caseId, UnitId unit, AssistanceStatus status, Instant requestedAt, Instant due, WarningLevel warning,
            Instant signedForAt, String answer, Instant answeredAt, String endedNote) {

        Assistance toView(ZoneId zone) {
            return new Assistance(unit, status, CaseRow.at(requestedAt, zone), CaseRow.at(due, zone), warning,
                    CaseRow.at(signedForAt, zone), answer, CaseRow.at(answeredAt, zone), endedNote);
        }
    }

    void request(CaseId caseId, UnitId unit, Instant now) {
        store.update("INSERT INTO hw_case_assist (id, case_id, unit, status, requested_at, warning_level) VALUES (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), caseId.value(), unit.value(), AssistanceStatus.REQUESTED.name(), now,
                WarningLevel.NONE.name());
        store.addCaseUnit(caseId, unit, now);
        store.update("UPDATE hw_case SET assist_parts = assist_parts + 1 WHERE id = ?", caseId.value());
    }

    /** The units asked in the running dispatch whose part has not started in the engine yet, in a stable order. */
    List<String> unstartedUnits(CaseId caseId) {
        List<String> units = new ArrayList<>();
        try (PreparedStatement statement = store.prepare("SELECT unit FROM hw_case_assist WHERE case_id = ? AND status = ? "
                + "AND due IS NULL ORDER BY unit", caseId.value(), AssistanceStatus.REQUESTED.name());
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                units.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new CaseStoreException("reading the assisting units of case " + caseId, e);
        }
        return units;
    }

    void setDue(CaseId caseId, UnitId unit, Instant due) {
        store.update("UPDATE hw_case_assist SET due = ? WHERE case_id = ? AND unit = ? AND status = ? AND due IS NULL",
                due, caseId.value(), unit.value(), AssistanceStatus.REQUESTED.name());
    }

    void signFor(CaseId caseId, UnitId unit, Instant now) {
        moveOutstanding(caseId, unit, "status = ?, signed_for_at = ?", AssistanceStatus.SIGNED_FOR.name(), now);
    }

    void answer(CaseId caseId, UnitId unit, String answer, Instant now) {
        moveOutstanding(caseId, unit, "status = ?, answer = ?, answered_at = ?", AssistanceStatus.ANSWERED.name(), answer, now);
    }

    private void moveOutstanding(CaseId caseId, UnitId unit, String set, Object... values) {
        Object[] parameters = new Object[values.length + 4];
        System.arraycopy(values, 0, parameters, 0, values.length);
        parameters[values.length] = caseId.value();
        parameters[values.length + 1] = unit.value();
        parameters[values.length + 2] = AssistanceStatus.REQUESTED.name();
        parameters[values.length + 3] = AssistanceStatus.SIGNED_FOR.name();
        store.update("UPDATE hw_case_assist SET " + set + " WHERE case_id = ? AND unit = ? AND status IN (?, ?)", parameters);
    }

    /** Ends every outstanding part of the case without an answer; returns the units whose part ended. */
    List<UnitId> cancelOutstanding(CaseId caseId, String note) {
        List<UnitId> units = parts(caseId).stream().filter(part -> part.status().outstanding()).map(Part::unit).toList();
        if (!units.isEmpty()) {
            store.update("UPDATE hw_case_assist SET status = ?, ended_note = ? WHERE case_id = ? AND status IN (?, ?)",
                    AssistanceStatus.CANCELLED.name(), note, caseId.value(), AssistanceStatus.REQUESTED.name(),
                    AssistanceStatus.SIGNED_FOR.name());
        }
        return units;
    }

    /**
     * Raises the card of an outstanding part to {@code level}; false when the part already carries that card or a
     * higher one, or is no longer outstanding (nothing to issue).
     */
    boolean raiseWarning(CaseId caseId, UnitId unit, WarningLevel level) {
        return parts(caseId).stream()
                .filter(part -> part.unit().equals(unit) && part.status().outstanding() && part.warning().max(level) != part.warning())
                .findFirst()
                .map(part -> store.update("UPDATE hw_case_assist SET warning_level = ? WHERE case_id = ? AND unit = ? AND status IN (?, ?)",
                        level.name(), caseId.value(), unit.value(), AssistanceStatus.REQUESTED.name(),
                        AssistanceStatus.SIGNED_FOR.name()) > 0)
                .orElse(false);
    }

    List<Part> parts(CaseId caseId) {
        return partsOf(List.of(caseId)).getOrDefault(caseId, List.of());
    }

    /** The parts of several cases at once (one query for a page of cases), oldest first per case. */
    Map<CaseId, List<Part>> partsOf(Collection<CaseId> caseIds) {
        Map<CaseId, List<Part>> parts = new HashMap<>();
        if (caseIds.isEmpty()) {
            return parts;
        }
        StringJoiner in = new StringJoiner(", ", "(", ")");
        caseIds.forEach(id -> in.add("?"));
        try (PreparedStatement statement = store.prepare("SELECT " + COLUMNS + " FROM hw_case_assist WHERE case_id IN " + in
                + " ORDER BY requested_at, unit", caseIds.stream().map(CaseId::value).toArray());
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Part part = new Part(CaseId.of(rs.getString("case_id")), UnitId.of(rs.getString("unit")),
                        AssistanceStatus.valueOf(rs.getString("status")), CaseStore.instant(rs, "requested_at"),
                        CaseStore.instant(rs, "due"), WarningLevel.valueOf(rs.getString("warning_level")),
                        CaseStore.instant(rs, "signed_for_at"), rs.getString("answer"), CaseStore.instant(rs, "answered_at"),
                        rs.getString("ended_note"));
                parts.computeIfAbsent(part.caseId(), id -> new ArrayList<>()).add(part);
            }
        } catch (SQLException e) {
            throw new CaseStoreException("reading the assisting parts of cases", e);
        }
        return parts;
    }
}
