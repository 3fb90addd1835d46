package org.hotline12345.workflow.bpmn.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.jdbc.JdbcPreparedStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On H2 the library's statements stay prepared on each connection from one command to the next: lent to one caller at a
 * time, given back clean, prepared again after a while, forgotten with their connection.
 */
class KeptStatementsTest {

    private static final String URL = "jdbc:h2:mem:kept_statements;DB_CLOSE_DELAY=-1";
    private static final String SUM = "SELECT CAST(? AS INTEGER) + 1";

    private final KeptStatements kept = new KeptStatements();
    private HikariDataSource pool;

    @BeforeEach
    void pool() {
        pool = new HikariDataSource();
        pool.setJdbcUrl(URL);
        pool.setMaximumPoolSize(1);
        pool.setAutoCommit(false);
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aStatementGivenBackIsLentAgainOnTheNextCheckOutOfItsConnectionWithoutItsParameters() throws SQLException {
        JdbcPreparedStatement first;
        try (Connection connection = pool.getConnection(); PreparedStatement statement = kept.prepare(connection, SUM)) {
            statement.setInt(1, 41);
            assertThat(single(statement)).isEqualTo(42);
            first = statement.unwrap(JdbcPreparedStatement.class);
        }
        try (Connection connection = pool.getConnection(); PreparedStatement statement = kept.prepare(connection, SUM)) {
            assertThat(statement.unwrap(JdbcPreparedStatement.class)).as("the same statement, not parsed again").isSameAs(first);
            assertThatThrownBy(statement::executeQuery).as("the last caller's parameter is gone").isInstanceOf(SQLException.class)
                    .hasMessageContaining("Parameter \"#1\" is not set");
            statement.setInt(1, 1);
            assertThat(single(statement)).isEqualTo(2);
        }
    }

    @Test
    void aStatementAskedForWhileItIsLentIsANewOneThatClosesAsUsual() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            PreparedStatement outer = kept.prepare(connection, SUM);
            JdbcPreparedStatement kept0 = outer.unwrap(JdbcPreparedStatement.class);
            try (PreparedStatement inner = kept.prepare(connection, SUM)) {
                JdbcPreparedStatement other = inner.unwrap(JdbcPreparedStatement.class);
                assertThat(other).isNotSameAs(kept0);
                outer.setInt(1, 1);
                inner.setInt(1, 10);
                assertThat(single(inner)).isEqualTo(11);
                assertThat(single(outer)).isEqualTo(2);
                inner.close();
                assertThat(other.isClosed()).as("the second one is not kept").isTrue();
            }
            outer.close();
            assertThat(outer.isClosed()).isTrue();
            assertThatThrownBy(outer::executeQuery).as("given back, it is no longer the caller's").isInstanceOf(SQLException.class);
            try (PreparedStatement again = kept.prepare(connection, SUM)) {
                assertThat(again.unwrap(JdbcPreparedStatement.class)).isSameAs(kept0);
            }
        }
    }

    @Test
    void aStatementWhoseSettingsACallerChangedIsClosedWhenGivenBack() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            JdbcPreparedStatement changed;
            try (PreparedStatement statement = kept.prepare(connection, SUM)) {
                statement.setFetchSize(500);
                changed = statement.unwrap(JdbcPreparedStatement.class);
            }
            assertThat(changed.isClosed()).isTrue();
            try (PreparedStatement statement = kept.prepare(connection, SUM)) {
                assertThat(statement.unwrap(JdbcPreparedStatement.class)).isNotSameAs(changed);
                assertThat(statement.getFetchSize()).isNotEqualTo(500);
            }
        }
    }

    @Test
    void aStatementIsPreparedAgainAfterItsUsesSoThatItsPlanFollowsTheTables() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            JdbcPreparedStatement first = null;
            for (int use = 0; use < KeptStatements.USES; use++) {
                try (PreparedStatement statement = kept.prepare(connection, SUM)) {
                    JdbcPreparedStatement underlying = statement.unwrap(JdbcPreparedStatement.class);
                    first = first == null ? underlying : first;
                    assertThat(underlying).isSameAs(first);
                }
            }
            try (PreparedStatement statement = kept.prepare(connection, SUM)) {
                assertThat(statement.unwrap(JdbcPreparedStatement.class)).isNotSameAs(first);
            }
            assertThat(first.isClosed()).isTrue();
        }
    }

    @Test
    void theLeastRecentlyUsedStatementGoesWhenAConnectionKeepsTooMany() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            JdbcPreparedStatement eldest;
            try (PreparedStatement statement = kept.prepare(connection, "SELECT 0")) {
                eldest = statement.unwrap(JdbcPreparedStatement.class);
            }
            for (int i = 1; i <= KeptStatements.PER_CONNECTION; i++) {
                kept.prepare(connection, "SELECT " + i).close();
            }
            assertThat(eldest.isClosed()).isTrue();
            try (PreparedStatement statement = kept.prepare(connection, "SELECT " + KeptStatements.PER_CONNECTION)) {
                assertThat(single(statement)).isEqualTo(KeptStatements.PER_CONNECTION);
            }
        }
    }

    @Test
    void theStatementsOfAClosedConnectionAreForgottenWhenAnotherConnectionComes() throws SQLException {
        try (Connection first = DriverManager.getConnection(URL)) {
            kept.prepare(first, SUM).close();
        }
        try (Connection second = DriverManager.getConnection(URL)) {
            kept.prepare(second, SUM).close();
            assertThat(kept.connections()).isOne();
        }
    }

    private static int single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
