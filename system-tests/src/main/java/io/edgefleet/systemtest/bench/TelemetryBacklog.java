package io.edgefleet.systemtest.bench;

import io.edgefleet.protocol.DecodeResult;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.TwinReport;
import io.edgefleet.protocol.TwinReports;
import io.edgefleet.protocol.device.ReportedValue;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stopped edge daemon's store (its {@code edge.db}, SQLite), read and topped up the way the
 * daemon's own tables hold them: the telemetry buffer ({@code telemetry}, {@code telemetry_batch})
 * filled to a given number of readings the server has not stored, and the twin reports waiting in
 * the outbox, to check afterwards that each reached the server.
 */
final class TelemetryBacklog {
    private static final ProtocolCodec CODEC = new ProtocolCodec();

    private TelemetryBacklog() {}

    /** A reported value waiting in the outbox: its message's seq, device, property and source time. */
    record PendingValue(long seq, String device, String property, Instant sourceTime) {}

    /** What the store held: readings the daemon had buffered itself, the ones added, the waiting twin values. */
    record Filled(long ownReadings, long addedReadings, List<PendingValue> pending, long pendingReports) {}

    /**
     * Tops the buffer up to {@code total} readings the server has not stored (those after the last
     * batch the server stored, {@code serverLastBatch}), with source times spread over {@code
     * outage} before {@code end}, cycling over the device's {@code properties}.
     */
    static Filled fill(
            Path edgeDb,
            long serverLastBatch,
            long total,
            Instant end,
            Duration outage,
            String device,
            List<String> properties) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + edgeDb)) {
            c.setAutoCommit(false);
            long storedUpTo = single(
                    c, "SELECT coalesce(max(last_id), 0) FROM telemetry_batch WHERE batch <= " + serverLastBatch);
            long own = single(c, "SELECT count(*) FROM telemetry WHERE id > " + storedUpTo);
            long add = Math.max(0, total - own);
            long now = Instant.now().toEpochMilli();
            long startMs = end.minus(outage).toEpochMilli();
            double stepMs = (double) outage.toMillis() / Math.max(1, add);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO telemetry"
                    + " (device, property, value, quality, source_time, created_at) VALUES (?, ?, ?, 'good', ?, ?)")) {
                for (long i = 0; i < add; i++) {
                    insert.setString(1, device);
                    insert.setString(2, properties.get((int) (i % properties.size())));
                    insert.setString(3, Double.toString(20 + (i % 1000) / 100.0));
                    insert.setLong(4, startMs + (long) (i * stepMs));
                    insert.setLong(5, now);
                    insert.addBatch();
                    if ((i + 1) % 10_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            List<PendingValue> pending = new ArrayList<>();
            long reports = 0;
            try (PreparedStatement select = c.prepareStatement("SELECT seq, payload FROM outbox ORDER BY seq");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (!(CODEC.decode(rows.getBytes(2)) instanceof DecodeResult.Decoded decoded)) {
                        continue;
                    }
                    List<TwinReport> devices =
                            switch (decoded.envelope().body()) {
                                case TwinReport report -> List.of(report);
                                case TwinReports several -> several.reports();
                                default -> List.of();
                            };
                    for (TwinReport report : devices) {
                        reports++;
                        for (ReportedValue value : report.reported()) {
                            pending.add(new PendingValue(
                                    rows.getLong(1), report.device(), value.property(), value.sourceTime()));
                        }
                    }
                }
            }
            c.commit();
            return new Filled(own, add, pending, reports);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fill the telemetry buffer of " + edgeDb + ": " + e.getMessage(), e);
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql);
                ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
