package io.edgefleet.edge.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's schema, versioned by {@code PRAGMA user_version} and changed only by forward
 * migrations listed here. Never edit a migration that has shipped: append a new one. A store
 * written by a newer daemon is refused rather than guessed at.
 */
final class Schema {
    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

    /** One forward step: its statements run in one transaction with the version bump. */
    record Migration(int version, String description, List<String> statements) {}

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(
                    1,
                    "identity, meta and outbox",
                    List.of(
                            """
                    CREATE TABLE identity (
                      id INTEGER PRIMARY KEY CHECK (id = 1),
                      tenant TEXT NOT NULL,
                      node TEXT NOT NULL,
                      mqtt_url TEXT NOT NULL,
                      username TEXT NOT NULL,
                      password TEXT NOT NULL,
                      heartbeat_seconds INTEGER NOT NULL,
                      enrolled_at TEXT NOT NULL
                    )""",
                            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
                            """
                    CREATE TABLE outbox (
                      seq INTEGER PRIMARY KEY,
                      kind TEXT NOT NULL,
                      payload BLOB NOT NULL,
                      created_at INTEGER NOT NULL
                    )""")),
            new Migration(
                    2,
                    "workloads: desired and instance state",
                    List.of(
                            """
                    CREATE TABLE workload_desired (
                      name TEXT PRIMARY KEY,
                      generation INTEGER NOT NULL,
                      fingerprint TEXT NOT NULL,
                      template TEXT NOT NULL,
                      resource_version INTEGER NOT NULL
                    ) WITHOUT ROWID""",
                            """
                    CREATE TABLE workload_instance (
                      name TEXT PRIMARY KEY,
                      token TEXT NOT NULL,
                      pid INTEGER,
                      process_start INTEGER,
                      started_at INTEGER,
                      fingerprint TEXT NOT NULL,
                      generation INTEGER NOT NULL,
                      template TEXT NOT NULL,
                      phase TEXT NOT NULL,
                      restarts INTEGER NOT NULL,
                      last_exit INTEGER,
                      message TEXT NOT NULL,
                      since INTEGER NOT NULL,
                      cgroup TEXT NOT NULL
                    ) WITHOUT ROWID""")),
            new Migration(
                    3,
                    "devices, twins, rules and the telemetry buffer",
                    List.of(
                            """
                    CREATE TABLE device_desired (
                      name TEXT PRIMARY KEY,
                      generation INTEGER NOT NULL,
                      spec TEXT NOT NULL,
                      resource_version INTEGER NOT NULL
                    ) WITHOUT ROWID""",
                            """
                    CREATE TABLE twin_desired (
                      device TEXT NOT NULL,
                      property TEXT NOT NULL,
                      value TEXT NOT NULL,
                      version INTEGER NOT NULL,
                      set_by TEXT NOT NULL,
                      set_at INTEGER NOT NULL,
                      PRIMARY KEY (device, property)
                    ) WITHOUT ROWID""",
                            """
                    CREATE TABLE twin_edge_desired (
                      device TEXT NOT NULL,
                      property TEXT NOT NULL,
                      value TEXT NOT NULL,
                      base_version INTEGER NOT NULL,
                      set_by TEXT NOT NULL,
                      set_at INTEGER NOT NULL,
                      sent INTEGER NOT NULL,
                      PRIMARY KEY (device, property)
                    ) WITHOUT ROWID""",
                            """
                    CREATE TABLE twin_reported (
                      device TEXT NOT NULL,
                      property TEXT NOT NULL,
                      value TEXT,
                      quality TEXT NOT NULL,
                      source_time INTEGER NOT NULL,
                      error TEXT NOT NULL,
                      write_error TEXT NOT NULL,
                      PRIMARY KEY (device, property)
                    ) WITHOUT ROWID""",
                            """
                    CREATE TABLE device_status (
                      name TEXT PRIMARY KEY,
                      state TEXT NOT NULL,
                      since INTEGER NOT NULL,
                      last_read INTEGER,
                      error TEXT NOT NULL
                    ) WITHOUT ROWID""",
                            """
                    CREATE TABLE rule_desired (
                      name TEXT PRIMARY KEY,
                      generation INTEGER NOT NULL,
                      spec TEXT NOT NULL,
                      resource_version INTEGER NOT NULL
                    ) WITHOUT ROWID""",
                            """
                    CREATE TABLE telemetry (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      device TEXT NOT NULL,
                      property TEXT NOT NULL,
                      value TEXT NOT NULL,
                      quality TEXT NOT NULL,
                      source_time INTEGER NOT NULL,
                      created_at INTEGER NOT NULL
                    )""",
                            "CREATE INDEX telemetry_created_at ON telemetry (created_at)",
                            """
                    CREATE TABLE telemetry_batch (
                      batch INTEGER PRIMARY KEY,
                      first_id INTEGER NOT NULL,
                      last_id INTEGER NOT NULL,
                      dropped_since_last INTEGER NOT NULL
                    )""")));

    static final int LATEST = MIGRATIONS.getLast().version();

    private Schema() {}

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /** Brings the store to {@link #LATEST}; each step is atomic, so a crash mid-way resumes cleanly. */
    static void migrate(Connection connection) throws SQLException {
        int current = version(connection);
        if (current > LATEST) {
            throw new StoreException(
                    "store-too-new",
                    "the store has schema version " + current + " but this daemon knows only up to " + LATEST,
                    "a newer edge daemon wrote it: run that version again (downgrades are not supported)");
        }
        for (Migration migration : MIGRATIONS) {
            if (migration.version() <= current) {
                continue;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                try {
                    for (String sql : migration.statements()) {
                        statement.execute(sql);
                    }
                    statement.execute("PRAGMA user_version = " + migration.version());
                    statement.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    statement.execute("ROLLBACK");
                    throw e;
                }
            }
            LOG.info("EF3003 store schema migrated to version {} ({})", migration.version(), migration.description());
        }
    }
}
