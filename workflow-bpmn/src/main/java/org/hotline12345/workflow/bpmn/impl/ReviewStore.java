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
import java.util.Optional;
import java.util.StringJoiner;
import org.hotline12345.workflow.CaseConflictException;
import org.hotline12345.workflow.accountability.AccountabilityFact;
import org.hotline12345.workflow.accountability.AccountabilityReview;
import org.hotline12345.workflow.accountability.FactKind;
import org.hotline12345.workflow.accountability.ReviewOutcome;
import org.hotline12345.workflow.accountability.ReviewStage;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.deadline.TimeLimit;

/** Accountability reviews ({@code hw_accountability_review}) and their facts, on the {@link CaseStore}'s connection. */
final class ReviewStore {

    /** Process variables of accountability-review.bpmn. */
    static final String REVIEW_ID = "reviewId";
    static final String UNIT = "unit";
    static final String STATEMENT_DUE = "statementDue";
    static final String STATEMENT_YELLOW_AT = "statementYellowAt";

    private static final String COLUMNS = "id, unit, stage, severity, opened_at, statement_limit, process_instance_id, findings, "
            + "investigated_by, statement_due, statement, statement_by, statement_at, statement_missed, outcome, reasoning, "
            + "decided_by, decided_at";

    private final CaseStore store;

    ReviewStore(CaseStore store) {
        this.store = store;
    }

    /** A review row and what the API needs of it beyond the view. */
    record Row(String id, UnitId unit, ReviewStage stage, String severity, Instant openedAt, TimeLimit statementLimit,
            String processInstanceId, String findings, String investigatedBy, Instant statementDue, String statement,
            String statementBy, Instant statementAt, boolean statementMissed, ReviewOutcome outcome, String reasoning,
            String decidedBy, Instant decidedAt) {

        AccountabilityReview toView(ZoneId zone, List<AccountabilityFact> facts) {
            return new AccountabilityReview(id, unit, stage, severity, CaseRow.at(openedAt, zone), findings, investigatedBy,
                    CaseRow.at(statementDue, zone), statement, statementBy, CaseRow.at(statementAt, zone), statementMissed, outcome,
                    reasoning, decidedBy, CaseRow.at(decidedAt, zone), facts);
        }
    }

    /**
     * @throws CaseConflictException when another transaction opened a review of the unit at the same time (the unique
     *     index on the open unit refused this one); retrying joins that review
     */
    void insert(String id, UnitId unit, ReviewStage stage, String severity, TimeLimit statementLimit, String processInstanceId,
            Instant now) {
        try {
            store.update("INSERT INTO hw_accountability_review (id, unit, open_unit, stage, severity, opened_at, statement_limit, "
                    + "process_instance_id, statement_missed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, unit.value(), unit.value(),
                    stage.name(), severity, now, statementLimit.toString(), processInstanceId, false);
        } catch (CaseStoreException e) {
            if (!e.isIntegrityViolation()) {
                throw e;
            }
            throw new CaseConflictException("another action opened an accountability review of unit '" + unit
                    + "' at the same time; retry, and the fact joins that review", e);
        }
    }

    /** The unit's review not decided yet, if any: a new fact that calls for a review joins it. */
    Optional<String> openReviewOf(UnitId unit) {
        try (PreparedStatement statement = store.prepare("SELECT id FROM hw_accountability_review WHERE unit = ? AND stage <> ? "
                + "ORDER BY opened_at", unit.value(), ReviewStage.DECIDED.name()); ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new CaseStoreException("reading the open review of unit " + unit, e);
        }
    }

    Optional<Row> find(String id) {
        List<Row> rows = query(" WHERE id = ?", id);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Takes the review row for this transaction (as {@link CaseStore#lock} does for a case): concurrent steps conflict. */
    Row lock(String id) {
        if (store.update("UPDATE hw_accountability_review SET stage = stage WHERE id = ?", id) != 1) {
            throw new org.hotline12345.workflow.CaseNotFoundException("accountability review", id);
        }
        return find(id).orElseThrow();
    }

    /** Reviews opened from {@code from} (inclusive) to {@code to} (exclusive), of {@code unit} when not null, newest first. */
    List<Row> list(UnitId unit, Instant from, Instant to) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (unit != null) {
            where.append(" AND unit = ?");
            parameters.add(unit.value());
        }
        if (from != null) {
            where.append(" AND opened_at >= ? AND opened_at < ?");
            parameters.add(from);
            parameters.add(to);
        }
        return query(where + " ORDER BY opened_at DESC, id", parameters.toArray());
    }

    void recordFindings(String id, String findings, String by, Instant statementDue) {
        store.update("UPDATE hw_accountability_review SET stage = ?, findings = ?, investigated_by = ?, statement_due = ? WHERE id = ?",
                ReviewStage.AWAITING_STATEMENT.name(), findings, by, statementDue, id);
    }

    void recordStatement(String id, String statement, String by, Instant at) {
        store.update("UPDATE hw_accountability_review SET stage = ?, statement = ?, statement_by = ?, statement_at = ? WHERE id = ?",
                ReviewStage.DECIDING.name(), statement, by, at, id);
    }

    void recordStatementMissed(String id) {
        store.update("UPDATE hw_accountability_review SET stage = ?, statement_missed = ? WHERE id = ?",
                ReviewStage.DECIDING.name(), true, id);
    }

    void recordOutcome(String id, ReviewOutcome outcome, String reasoning, String by, Instant at) {
        store.update("UPDATE hw_accountability_review SET stage = ?, open_unit = NULL, outcome = ?, reasoning = ?, decided_by = ?, "
                + "decided_at = ? WHERE id = ?", ReviewStage.DECIDED.name(), outcome.name(), reasoning, by, at, id);
    }

    /** The facts of each review, oldest first. */
    Map<String, List<AccountabilityFact>> factsOf(Collection<String> reviewIds, ZoneId zone) {
        Map<String, List<AccountabilityFact>> facts = new HashMap<>();
        if (reviewIds.isEmpty()) {
            return facts;
        }
        StringJoiner in = new StringJoiner(", ", "(", ")");
        reviewIds.forEach(id -> in.add("?"));
        try (PreparedStatement statement = store.prepare("SELECT id, case_id, unit, kind, recorded_at, recorded_by, detail, review_id "
                + "FROM hw_accountability_fact WHERE review_id IN " + in + " ORDER BY recorded_at, id", reviewIds.toArray());
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                AccountabilityFact fact = new AccountabilityFact(rs.getString("id"), CaseId.of(rs.getString("case_id")),
                        UnitId.of(rs.getString("unit")), FactKind.valueOf(rs.getString("kind")),
                        CaseRow.at(CaseStore.instant(rs, "recorded_at"), zone), rs.getString("recorded_by"), rs.getString("detail"),
                        rs.getString("review_id"));
                facts.computeIfAbsent(fact.reviewId(), id -> new ArrayList<>()).add(fact);
            }
        } catch (SQLException e) {
            throw new CaseStoreException("reading the facts of accountability reviews", e);
        }
        return facts;
    }

    /** Decided reviews per unit and outcome, decided from {@code from} (inclusive) to {@code to} (exclusive). */
    Map<UnitId, Map<ReviewOutcome, Long>> outcomes(Instant from, Instant to) {
        Map<UnitId, Map<ReviewOutcome, Long>> outcomes = new HashMap<>();
        try (PreparedStatement statement = store.prepare("SELECT unit, outcome, COUNT(*) FROM hw_accountability_review "
                + "WHERE decided_at >= ? AND decided_at < ? GROUP BY unit, outcome", from, to); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                outcomes.computeIfAbsent(UnitId.of(rs.getString(1)), unit -> new java.util.EnumMap<>(ReviewOutcome.class))
                        .put(ReviewOutcome.valueOf(rs.getString(2)), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw new CaseStoreException("counting review outcomes", e);
        }
        return outcomes;
    }

    private List<Row> query(String condition, Object... parameters) {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = store.prepare("SELECT " + COLUMNS + " FROM hw_accountability_review" + condition, parameters);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String outcome = rs.getString("outcome");
                rows.add(new Row(rs.getString("id"), UnitId.of(rs.getString("unit")), ReviewStage.valueOf(rs.getString("stage")),
                        rs.getString("severity"), CaseStore.instant(rs, "opened_at"), TimeLimit.parse(rs.getString("statement_limit")),
                        rs.getString("process_instance_id"), rs.getString("findings"), rs.getString("investigated_by"),
                        CaseStore.instant(rs, "statement_due"), rs.getString("statement"), rs.getString("statement_by"),
                        CaseStore.instant(rs, "statement_at"), rs.getBoolean("statement_missed"),
                        outcome == null ? null : ReviewOutcome.valueOf(outcome), rs.getString("reasoning"), rs.getString("decided_by"),
                        CaseStore.instant(rs, "decided_at")));
            }
        } catch (SQLException e) {
            throw new CaseStoreException("reading accountability reviews", e);
        }
        return rows;
    }
}
