package org.hotline12345.workflow.bpmn.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.hotline12345.workflow.bpmn.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A step's own writes go to the database in one round trip where its connections take joined statements: always on
 * PostgreSQL, never on H2 (in the JVM), and on MariaDB only where the host's URL allows several statements in a query.
 */
class DialectTest {

    @Test
    void theTestDatabaseTakesJoinedStatementsWhereItsDriverSendsThemInOneRoundTrip() throws SQLException {
        TestDatabase database = TestDatabase.create("dialect_joined");
        try (HikariDataSource dataSource = database.dataSource(); Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());

            assertThat(dialect.sendsJoinedStatements(connection)).isEqualTo(!database.kind().equals("h2"));
            assertThat(connection.isValid(1)).as("the connection is left usable").isTrue();
        }
    }

    @Test
    void mariaDbTakesNoJoinedStatementsWhereTheUrlDoesNotAllowThem() throws SQLException {
        assumeTrue(TestDatabase.configuredKind().equals("mariadb"), "a MariaDB run");
        TestDatabase database = TestDatabase.create("dialect_single");
        String url = database.url().replace("allowMultiQueries=true", "allowMultiQueries=false");
        try (Connection connection = DriverManager.getConnection(url, database.username(), database.password())) {
            assertThat(Dialect.MYSQL.sendsJoinedStatements(connection)).isFalse();
            try (var statement = connection.createStatement(); var rs = statement.executeQuery("SELECT 1")) {
                assertThat(rs.next()).as("the connection is left usable").isTrue();
            }
        }
    }
}
