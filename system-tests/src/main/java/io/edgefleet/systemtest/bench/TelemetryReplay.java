package io.edgefleet.systemtest.bench;

import io.edgefleet.systemtest.harness.EdgeDaemon;
import io.edgefleet.systemtest.harness.FleetServer;
import io.edgefleet.systemtest.harness.MariaDbDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A node's backlog after an outage, replayed: the server stops (the outage; the daemon keeps reading
 * its device, buffering readings and queueing twin reports), the daemon stops too, its telemetry
 * buffer is topped up offline to {@code readings} unsent readings spread over 30 minutes (what a
 * 30-minute outage of a busier node leaves), the daemon starts again, then the server. Measured: from
 * the server's readiness until {@code reading} holds every buffered reading; then whether every
 * reported value queued in the outbox reached {@code twin_property}.
 */
final class TelemetryReplay {
    static final Duration SIMULATED_OUTAGE = Duration.ofMinutes(30);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private TelemetryReplay() {}

    /** The figures: readings per second and reported values that never reached the server. */
    record Result(double readingsPerSecond, long stateLost, long pendingReports, long ownReadings) {}

    static Result measure(
            FleetServer server,
            EdgeDaemon edge,
            MariaDbDatabase database,
            String node,
            String device,
            List<String> properties,
            long readings,
            Duration realOutage) {
        Figures.progress("outage: the server stops for " + realOutage.toSeconds() + " s while the daemon buffers");
        server.stop();
        sleep(realOutage);
        edge.stop();
        Instant cut = Instant.now();
        sleep(Duration.ofMillis(20));
        long before = single(database, "SELECT count(*) FROM reading");
        long serverLastBatch = single(database, "SELECT last_telemetry_batch FROM node WHERE name = '" + node + "'");
        Figures.progress("filling the stopped daemon's telemetry buffer to " + readings + " readings");
        TelemetryBacklog.Filled filled = TelemetryBacklog.fill(
                edge.dataDir().resolve("edge.db"),
                serverLastBatch,
                readings,
                cut,
                SIMULATED_OUTAGE,
                device,
                properties);
        Figures.progress("buffer: " + filled.ownReadings() + " readings of the outage itself, " + filled.addedReadings()
                + " added; outbox: " + filled.pendingReports() + " twin reports ("
                + filled.pending().size()
                + " values)");
        edge.start("");
        Figures.progress("daemon started (no server); starting the server");
        server.startAndAwaitReady(Duration.ofMinutes(3));
        long start = System.nanoTime();
        long expected = before + readings;
        long stored = before;
        long lastProgress = start;
        String count = "SELECT count(*) FROM reading WHERE source_time <= '" + utc(cut) + "'";
        // The server's counter (it starts at 0 with the server) is cheap to poll; the exact count of
        // buffered readings (source time up to the cut) is taken once the counter says they may be in.
        io.edgefleet.systemtest.harness.FleetApi api = server.api();
        while (stored < expected) {
            sleep(Duration.ofMillis(100));
            double counted = counter(api, "edgefleet_telemetry_readings_stored_total");
            stored = counted < readings ? before + (long) counted : single(database, count);
            long now = System.nanoTime();
            if (now - start > TIMEOUT.toNanos()) {
                throw new IllegalStateException("replay incomplete after " + TIMEOUT + ": " + (stored - before) + "/"
                        + readings + " readings stored\n" + edge.logTail(30));
            }
            if (now - lastProgress > 10_000_000_000L) {
                lastProgress = now;
                Figures.progress(String.format(
                        Locale.ROOT,
                        "replay %.0f s: %d/%d readings stored",
                        (now - start) / 1e9,
                        stored - before,
                        readings));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long lost = stateLost(database, node, filled.pending());
        return new Result(readings / seconds, lost, filled.pendingReports(), filled.ownReadings());
    }

    /**
     * Reported values queued in the outbox that never reached the server: their message is not
     * applied (seq above the node's cursor, after waiting for the outbox to drain), or the property's
     * stored source time is older than the value's.
     */
    private static long stateLost(MariaDbDatabase database, String node, List<TelemetryBacklog.PendingValue> pending) {
        long maxSeq = pending.stream()
                .mapToLong(TelemetryBacklog.PendingValue::seq)
                .max()
                .orElse(0);
        String cursor = "SELECT last_applied_seq FROM node WHERE name = '" + node + "'";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long applied = single(database, cursor);
        while (applied < maxSeq && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(200));
            applied = single(database, cursor);
        }
        Map<String, Instant> stored = new HashMap<>();
        try (Connection c = database.connect();
                PreparedStatement select = c.prepareStatement("SELECT d.name, t.property, t.reported_source_time"
                        + " FROM twin_property t JOIN device d ON d.id = t.device_id WHERE d.node_name = ?")) {
            select.setString(1, node);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp time = rows.getTimestamp(3);
                    if (time != null) {
                        stored.put(rows.getString(1) + "/" + rows.getString(2), time.toInstant());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the twin: " + e.getMessage(), e);
        }
        long lost = 0;
        for (TelemetryBacklog.PendingValue value : pending) {
            Instant at = stored.get(value.device() + "/" + value.property());
            if (value.seq() > applied || at == null || at.isBefore(value.sourceTime())) {
                lost++;
            }
        }
        return lost;
    }

    /** A counter of the server's /metrics, all its series summed. */
    static double counter(io.edgefleet.systemtest.harness.FleetApi api, String metric) {
        double sum = 0;
        for (String line : api.text("/metrics").split("\n")) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** The instant as MariaDB's TIMESTAMP literal in UTC (the bench's connections run in UTC). */
    private static String utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString().replace('T', ' ');
    }

    private static long single(MariaDbDatabase database, String sql) {
        try (Connection c = database.connect();
                PreparedStatement select = c.prepareStatement(sql);
                ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
