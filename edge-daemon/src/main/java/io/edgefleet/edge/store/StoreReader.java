package io.edgefleet.edge.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Reads the store through a read-only connection, for the {@code status} command. Works whether or
 * not a daemon is running (WAL readers never block the writer) and never creates or changes the
 * file.
 */
public final class StoreReader {
    private StoreReader() {}

    /** A snapshot of the store in {@code dataDir}; empty when there is no store there yet. */
    public static Optional<StoreSnapshot> read(Path dataDir) {
        Path file = dataDir.resolve(EdgeStore.FILE_NAME);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                return Optional.empty();
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot read the store " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(2000);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            int version = Schema.version(connection);
            if (version == 0) {
                return Optional.empty();
            }
            // One read transaction: identity, meta and outbox figures from the same moment.
            statement.execute("BEGIN");
            try {
                return Optional.of(new StoreSnapshot(
                        file,
                        version,
                        EdgeStore.readIdentity(connection),
                        readMeta(statement),
                        count(statement),
                        oldest(statement),
                        version >= 3 ? telemetryRows(statement) : 0));
            } finally {
                statement.execute("COMMIT");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store " + file, e);
        }
    }

    /** Read-only work on the store's connection, for the local commands of other features. */
    @FunctionalInterface
    public interface Query<T> {
        T read(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code query} in one read transaction on a read-only connection. Empty when there is no
     * store in {@code dataDir} yet, or its schema is older than {@code minSchemaVersion} (the daemon
     * has not migrated it yet).
     */
    public static <T> Optional<T> query(Path dataDir, int minSchemaVersion, Query<T> query) {
        Path file = dataDir.resolve(EdgeStore.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(2000);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            if (Schema.version(connection) < minSchemaVersion) {
                return Optional.empty();
            }
            statement.execute("BEGIN");
            try {
                return Optional.of(query.read(connection));
            } finally {
                statement.execute("COMMIT");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store " + file, e);
        }
    }

    private static Map<MetaKey, String> readMeta(Statement statement) throws SQLException {
        Map<MetaKey, String> meta = new EnumMap<>(MetaKey.class);
        try (ResultSet rows = statement.executeQuery("SELECT key, value FROM meta")) {
            while (rows.next()) {
                String key = rows.getString(1);
                for (MetaKey known : MetaKey.values()) {
                    if (known.key().equals(key)) {
                        meta.put(known, rows.getString(2));
                    }
                }
            }
        }
        return meta;
    }

    private static long count(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM outbox")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static long telemetryRows(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM telemetry")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static Optional<Instant> oldest(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT created_at FROM outbox ORDER BY seq LIMIT 1")) {
            return rows.next() ? Optional.of(Instant.ofEpochMilli(rows.getLong(1))) : Optional.empty();
        }
    }
}
