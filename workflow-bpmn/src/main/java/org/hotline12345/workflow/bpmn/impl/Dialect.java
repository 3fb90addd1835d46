package org.hotline12345.workflow.bpmn.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/** The few places where the supported databases need different SQL. */
enum Dialect {
    H2("TIMESTAMP(3)", "CHARACTER VARYING", null,
            "SELECT last_seq FROM FINAL TABLE (MERGE INTO hw_case_number_seq t USING (VALUES (CAST(? AS VARCHAR(8)))) s(seq_day) "
                    + "ON t.seq_day = s.seq_day WHEN MATCHED THEN UPDATE SET last_seq = t.last_seq + 1 "
                    + "WHEN NOT MATCHED THEN INSERT (seq_day, last_seq) VALUES (s.seq_day, 1))",
            "MERGE INTO hw_case_unit t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS TIMESTAMP(3)))) "
                    + "s(case_id, unit, assigned_at) ON t.case_id = s.case_id AND t.unit = s.unit "
                    + "WHEN NOT MATCHED THEN INSERT (case_id, unit, assigned_at) VALUES (s.case_id, s.unit, s.assigned_at)",
            "MERGE INTO hw_case_warning t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(8)), "
                    + "CAST(? AS TIMESTAMP(3)), CAST(? AS TIMESTAMP(3)), CAST(? AS VARCHAR(64)))) "
                    + "s(case_id, clock, level, due, issued_at, unit) "
                    + "ON t.case_id = s.case_id AND t.clock = s.clock AND t.level = s.level AND t.due = s.due "
                    + "WHEN NOT MATCHED THEN INSERT (case_id, clock, level, due, issued_at, unit) "
                    + "VALUES (s.case_id, s.clock, s.level, s.due, s.issued_at, s.unit)"),
    POSTGRESQL("TIMESTAMP(3)", "TEXT", null,
            "INSERT INTO hw_case_number_seq (seq_day, last_seq) VALUES (?, 1) ON CONFLICT (seq_day) "
                    + "DO UPDATE SET last_seq = hw_case_number_seq.last_seq + 1 RETURNING last_seq",
            "INSERT INTO hw_case_unit (case_id, unit, assigned_at) VALUES (?, ?, ?) ON CONFLICT (case_id, unit) DO NOTHING",
            "INSERT INTO hw_case_warning (case_id, clock, level, due, issued_at, unit) VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (case_id, clock, level, due) DO NOTHING"),
    MYSQL("DATETIME(3)", "TEXT",
            "INSERT INTO hw_case_number_seq (seq_day, last_seq) VALUES (?, 1) ON DUPLICATE KEY UPDATE last_seq = last_seq + 1",
            "SELECT last_seq FROM hw_case_number_seq WHERE seq_day = ?",
            "INSERT IGNORE INTO hw_case_unit (case_id, unit, assigned_at) VALUES (?, ?, ?)",
            "INSERT IGNORE INTO hw_case_warning (case_id, clock, level, due, issued_at, unit) VALUES (?, ?, ?, ?, ?, ?)");

    /** MySQL's and MariaDB's error for a statement the server cannot parse: a second statement it was not told of. */
    private static final int PARSE_ERROR = 1064;

    private final String timestampType;
    private final String textType;
    private final String countSequenceUp;
    private final String nextSequence;
    private final String insertCaseUnit;
    private final String insertWarning;

    Dialect(String timestampType, String textType, String countSequenceUp, String nextSequence, String insertCaseUnit,
            String insertWarning) {
        this.timestampType = timestampType;
        this.textType = textType;
        this.countSequenceUp = countSequenceUp;
        this.nextSequence = nextSequence;
        this.insertCaseUnit = insertCaseUnit;
        this.insertWarning = insertWarning;
    }

    /** Placeholders for the Flyway migrations. */
    Map<String, String> migrationPlaceholders() {
        return Map.of("timestamp", timestampType, "text", textType);
    }

    /**
     * Where the database cannot count the day's sequence up and answer in one statement (MySQL, MariaDB): the statement
     * that counts it up, from 1 for a new day, before {@link #nextSequenceSql()} reads it; null elsewhere. It takes the
     * row's exclusive lock at once: inserting the row unless present and then updating it took a shared lock first,
     * and two intakes holding it each waited for the other's (a deadlock, one intake refused).
     */
    String countSequenceUpSql() {
        return countSequenceUp;
    }

    /** The day's sequence, counted up (from 1 for a new day) in the same statement where the database can. */
    String nextSequenceSql() {
        return nextSequence;
    }

    /**
     * Records that a case went to a unit, unless it went there before: one statement, where a look-up and an insert
     * would be two. (MySQL's {@code INSERT IGNORE} would also pass over other errors; the values here and in
     * {@link #insertWarningSql()} are the library's own: ids, names of its enums, times.)
     */
    String insertCaseUnitSql() {
        return insertCaseUnit;
    }

    /** Records a card for a clock's deadline unless it is recorded already (its job looked it up first). */
    String insertWarningSql() {
        return insertWarning;
    }

    /**
     * Whether several statements, joined with semicolons into one prepared statement with their parameters in order,
     * go to the database in one round trip on {@code connection}'s database. PostgreSQL's driver sends them so; H2 runs
     * in the JVM, where a round trip costs nothing; MariaDB's and MySQL's drivers refuse them unless the host allows
     * several statements in one query ({@code allowMultiQueries=true}, docs/operations.md), which is asked of the
     * connection by sending two.
     */
    boolean sendsJoinedStatements(Connection connection) throws SQLException {
        return switch (this) {
            case POSTGRESQL -> true;
            case H2 -> false;
            case MYSQL -> acceptsJoinedStatements(connection);
        };
    }

    private static boolean acceptsJoinedStatements(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT ?;\nSELECT ?")) {
            statement.setInt(1, 1);
            statement.setInt(2, 2);
            statement.execute();
            // Both answers are read, so that the connection is left with nothing pending.
            while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
                continue;
            }
            return true;
        } catch (SQLException refused) {
            if (refused.getErrorCode() == PARSE_ERROR) {
                return false;
            }
            throw refused;
        }
    }

    /**
     * Whether a statement failed because a row it would lock with {@code NOWAIT} is held by another transaction:
     * PostgreSQL's lock_not_available, H2's lock timeout, MySQL's and MariaDB's lock errors.
     */
    boolean isLockUnavailable(SQLException e) {
        return switch (this) {
            case H2 -> e.getErrorCode() == 50200;
            case POSTGRESQL -> "55P03".equals(e.getSQLState());
            case MYSQL -> e.getErrorCode() == 3572 || e.getErrorCode() == 1205;
        };
    }

    static Dialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product from the DataSource", e);
        }
    }

    static Dialect of(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mysql") || product.contains("mariadb")) {
            return MYSQL;
        }
        throw new IllegalStateException("unsupported database '" + productName
                + "': the hotline workflow supports H2, PostgreSQL and MariaDB/MySQL");
    }
}
