package org.hotline12345.workflow.bpmn.impl;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline12345.workflow.accountability.Indicator;
import org.hotline12345.workflow.accountability.Rate;
import org.hotline12345.workflow.cases.UnitId;

/**
 * Counts the unit indicators ({@link Indicator}) over a period from {@code hw_unit_part} in one grouped query. Each
 * column below is one half of one definition; keep them in step with the enum's documentation.
 */
final class IndicatorQuery {

    /** One unit's counts; the rates are built from them. */
    record Counts(UnitId unit, long received, Rate onTimeSignFor, Rate onTimeCompletion, Rate returnRate, Rate reopenRate,
            Rate satisfaction, Rate resolution) {

        static Counts none(UnitId unit) {
            Rate none = new Rate(0, 0);
            return new Counts(unit, 0, none, none, none, none, none, none);
        }
    }

    private static final String NOT_CHARGED = "'" + PartStore.Ending.RETURNED + "', '" + PartStore.Ending.ARBITRATED_AWAY + "'";

    private final CaseStore store;

    IndicatorQuery(CaseStore store) {
        this.store = store;
    }

    /** The counts of every unit with a part that falls in the period in any of the definitions' senses. */
    Map<UnitId, Counts> count(Instant from, Instant to, boolean basicallySatisfiedCounts) {
        String received = "dispatched_at >= ? AND dispatched_at < ?";
        String signForDue = received + " AND sign_for_due IS NOT NULL AND (ended IS NULL OR ended NOT IN (" + NOT_CHARGED + "))";
        String due = "handling_due >= ? AND handling_due < ? AND ended IS NULL";
        String replied = "replied_at >= ? AND replied_at < ?";
        String rated = "callback_at >= ? AND callback_at < ? AND satisfaction IS NOT NULL AND satisfaction <> 'UNREACHABLE'";
        String satisfied = "callback_at >= ? AND callback_at < ? AND satisfaction IN ('SATISFIED'"
                + (basicallySatisfiedCounts ? ", 'BASICALLY_SATISFIED'" : "") + ")";
        String resolvedKnown = "callback_at >= ? AND callback_at < ? AND resolved IS NOT NULL";
        List<String> sums = List.of(
                received,
                signForDue,
                signForDue + " AND signed_for_at IS NOT NULL AND signed_for_at <= sign_for_due",
                due,
                due + " AND replied_at IS NOT NULL AND replied_at <= handling_due",
                received + " AND return_requested = TRUE",
                replied,
                replied + " AND reopens > 0",
                rated,
                satisfied,
                resolvedKnown,
                resolvedKnown + " AND resolved = TRUE");
        StringBuilder sql = new StringBuilder("SELECT unit");
        for (String condition : sums) {
            sql.append(", SUM(CASE WHEN ").append(condition).append(" THEN 1 ELSE 0 END)");
        }
        sql.append(" FROM hw_unit_part WHERE (dispatched_at >= ? AND dispatched_at < ?) OR (handling_due >= ? AND handling_due < ?)"
                + " OR (replied_at >= ? AND replied_at < ?) OR (callback_at >= ? AND callback_at < ?) GROUP BY unit");
        List<Object> parameters = new ArrayList<>();
        for (String condition : sums) {
            for (int i = 0; i < count(condition, '?') / 2; i++) {
                parameters.add(from);
                parameters.add(to);
            }
        }
        for (int i = 0; i < 4; i++) {
            parameters.add(from);
            parameters.add(to);
        }
        Map<UnitId, Counts> counts = new HashMap<>();
        try (PreparedStatement statement = store.prepare(sql.toString(), parameters.toArray()); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                UnitId unit = UnitId.of(rs.getString(1));
                long[] v = new long[sums.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = rs.getLong(i + 2);
                }
                counts.put(unit, new Counts(unit, v[0], new Rate(v[2], v[1]), new Rate(v[4], v[3]), new Rate(v[5], v[0]),
                        new Rate(v[7], v[6]), new Rate(v[9], v[8]), new Rate(v[11], v[10])));
            }
        } catch (SQLException e) {
            throw new CaseStoreException("counting unit indicators", e);
        }
        return counts;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }
}
