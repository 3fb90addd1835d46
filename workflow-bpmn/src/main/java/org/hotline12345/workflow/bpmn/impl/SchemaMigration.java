package org.hotline12345.workflow.bpmn.impl;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and migrates the library's own tables with Flyway, in a history table of its own so that
 * a host's Flyway setup is never touched.
 */
public final class SchemaMigration {

    public static final String HISTORY_TABLE = "hw_schema_history";
    static final String LOCATION = "classpath:org/hotline12345/workflow/db/migration";

    private SchemaMigration() {
    }

    public static void migrate(DataSource dataSource) {
        Dialect dialect = Dialect.of(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .placeholders(dialect.migrationPlaceholders())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
