package io.edgefleet.server.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Flyway migrations of the db-migrations module before the server serves anything. Flyway
 * takes a database lock, so cluster members starting together migrate once.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {}

    /** Migrates and returns the schema version now in place. */
    public static String migrate(DataSource dataSource) {
        // The EAR's lib class loader holds db-migrations; the thread's context loader may not.
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load();
        MigrateResult result = flyway.migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(
                "EF1004 database schema at version {} ({} migrations applied now, database {})",
                version,
                result.migrationsExecuted,
                result.database);
        return version;
    }
}
