package org.hotline12345.workflow.bpmn;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * The database the tests run on, chosen with {@code -Dhotline.test.database=h2|postgresql|mariadb} (the Maven
 * profiles {@code db-postgresql} and {@code db-mariadb} set it). Every engine gets a database of its own. A server
 * that cannot be reached fails the test: a database run never passes by skipping.
 */
public record TestDatabase(String kind, String url, String username, String password, Map<String, String> springProperties) {

    static final String PROPERTY = "hotline.test.database";

    public static String configuredKind() {
        return System.getProperty(PROPERTY, "h2").toLowerCase(Locale.ROOT);
    }

    /** A fresh, empty database named after {@code name}. */
    public static TestDatabase create(String name) {
        String database = "hwtest_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return switch (configuredKind()) {
            case "h2" -> new TestDatabase("h2", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "sa", "", Map.of());
            case "postgresql" -> {
                recreate("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "",
                        "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "CREATE DATABASE " + database);
                yield new TestDatabase("postgresql", "jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "", Map.of());
            }
            case "mariadb" -> {
                recreate("jdbc:mariadb://127.0.0.1:3306/", "root", "",
                        "DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
                // As docs/operations.md configures it, with several statements allowed in a query.
                yield new TestDatabase("mariadb", "jdbc:mariadb://127.0.0.1:3306/" + database
                        + "?useMysqlMetadata=true&nullDatabaseMeansCurrent=true&allowMultiQueries=true", "root", "",
                        Map.of("spring.datasource.hikari.transaction-isolation", "TRANSACTION_READ_COMMITTED"));
            }
            default -> throw new IllegalArgumentException("unknown " + PROPERTY + ": " + configuredKind() + " (h2, postgresql or mariadb)");
        };
    }

    private static void recreate(String adminUrl, String user, String password, String... statements) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the " + configuredKind() + " test database at " + adminUrl + " cannot be prepared: "
                    + e.getMessage() + " (is the server running? .ci/run starts it)", e);
        }
    }

    /** A pooled DataSource on this database, as a host would configure it. */
    public HikariDataSource dataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(5);
        if ("mariadb".equals(kind)) {
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        return new HikariDataSource(config);
    }
}
