package io.edgefleet.systemtest.bench;

import io.edgefleet.systemtest.harness.MariaDbDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * What the database itself can take, in the same run and database as the server: batched upserts
 * ({@code INSERT … ON DUPLICATE KEY UPDATE}, 1,000 rows per transaction, batch rewriting on) of
 * reported values into a table shaped like {@code twin_property}, on one connection, over a fixed
 * number of rows that cycle over {@code keys} (device, property) pairs, as reports do.
 */
final class UpsertCeiling {
    private static final int ROWS_PER_TRANSACTION = 1000;
    private static final String TABLE = "bench_twin_property";

    private UpsertCeiling() {}

    /** Rows per second over {@code rows} upserts, after the same number of warm-up rows. */
    static double measure(MariaDbDatabase database, int keys, int properties, int rows) {
        try (Connection c = database.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + TABLE + " (device_id BIGINT NOT NULL,"
                        + " property VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,"
                        + " desired_json VARCHAR(4096) NULL, desired_version BIGINT NOT NULL,"
                        + " desired_by VARCHAR(96) NULL, desired_at TIMESTAMP(6) NULL,"
                        + " reported_json VARCHAR(4096) NULL, reported_quality VARCHAR(8) NULL,"
                        + " reported_source_time TIMESTAMP(6) NULL, reported_error VARCHAR(512) NULL,"
                        + " reported_at TIMESTAMP(6) NULL, PRIMARY KEY (device_id, property))");
            }
            c.setAutoCommit(false);
            upsert(c, keys, properties, rows, 0);
            long start = System.nanoTime();
            upsert(c, keys, properties, rows, rows);
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + TABLE);
            }
            c.commit();
            return rows / seconds;
        } catch (SQLException e) {
            throw new IllegalStateException("the upsert ceiling failed: " + e.getMessage(), e);
        }
    }

    private static void upsert(Connection c, int keys, int properties, int rows, int offset) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO " + TABLE
                + " (device_id, property, desired_version, reported_json, reported_quality,"
                + " reported_source_time, reported_error, reported_at) VALUES (?, ?, 0, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE reported_json = VALUES(reported_json),"
                + " reported_quality = VALUES(reported_quality),"
                + " reported_source_time = VALUES(reported_source_time),"
                + " reported_error = VALUES(reported_error), reported_at = VALUES(reported_at)")) {
            for (int i = 0; i < rows; i++) {
                int key = (offset + i) % keys;
                Timestamp now = Timestamp.from(Instant.now());
                upsert.setLong(1, key / properties);
                upsert.setString(2, "p" + key % properties);
                upsert.setString(3, Double.toString((offset + i) * 0.5));
                upsert.setString(4, "good");
                upsert.setTimestamp(5, now);
                upsert.setNull(6, java.sql.Types.VARCHAR);
                upsert.setTimestamp(7, now);
                upsert.addBatch();
                if ((i + 1) % ROWS_PER_TRANSACTION == 0) {
                    upsert.executeBatch();
                    c.commit();
                }
            }
            upsert.executeBatch();
            c.commit();
        }
    }
}
