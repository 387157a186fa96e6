package io.edgefleet.server.telemetry;

import io.edgefleet.protocol.TelemetryBatch;
import io.edgefleet.protocol.device.TelemetryReading;
import io.edgefleet.server.persistence.MultiRowInsert;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The {@code reading} table and the node's telemetry counter (V4), in plain JDBC: a batch's readings
 * go in as multi-row inserts ({@link MultiRowInsert}), in the transaction that advances {@code
 * node.last_telemetry_batch} under the node's row lock, so a batch is stored once whichever cluster
 * member receives it and however often the node resends it.
 */
@ApplicationScoped
public class TelemetryStore {
    private static final int IN_CHUNK = 500;
    private static final int LOGGED_DEVICES = 5;

    @Resource(lookup = "jdbc/fleet")
    DataSource dataSource;

    /** Stores a batch from {@code node} as {@link BatchRule} decides, in one transaction. */
    @Transactional
    public IngestOutcome ingest(TenantRef tenant, String node, TelemetryBatch batch) {
        try (Connection c = dataSource.getConnection()) {
            Optional<long[]> cursor = lockNode(c, tenant, node);
            if (cursor.isEmpty()) {
                return new IngestOutcome.UnknownNode();
            }
            long nodeId = cursor.get()[0];
            return switch (BatchRule.decide(cursor.get()[1], batch.batch())) {
                case BatchRule.Decision.Resend resend -> new IngestOutcome.Resend(resend.lastStored());
                case BatchRule.Decision.Gap gap -> new IngestOutcome.Gap(gap.expected(), batch.batch());
                case BatchRule.Decision.Store store -> store(c, tenant, node, nodeId, batch, store.reset());
            };
        } catch (SQLException e) {
            throw failure("store telemetry batch " + batch.batch() + " of node " + node, e);
        }
    }

    /**
     * Deletes at most {@code limit} readings with a source time before {@code cutoff}, in a transaction
     * of its own; returns how many. Safe on every cluster member at once: each DELETE takes what is left.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int purge(Instant cutoff, int limit) {
        // DELETE ... LIMIT: MariaDB/MySQL, and H2 in MySQL mode (both tested by the ITs).
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM reading WHERE source_time < ? LIMIT ?")) {
            delete.setObject(1, utc(cutoff));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete expired readings", e);
        }
    }

    private IngestOutcome.Stored store(
            Connection c, TenantRef tenant, String node, long nodeId, TelemetryBatch batch, boolean reset)
            throws SQLException {
        Map<String, String> owners = owners(c, tenant, batch.readings());
        Map<RefusalReason, Integer> refused = new EnumMap<>(RefusalReason.class);
        Set<String> refusedDevices = new LinkedHashSet<>();
        List<Accepted> accepted = new ArrayList<>(batch.readings().size());
        for (TelemetryReading reading : batch.readings()) {
            Optional<RefusalReason> reason =
                    ReadingCheck.refusal(reading, Optional.ofNullable(owners.get(reading.device())), node);
            if (reason.isPresent()) {
                refused.merge(reason.get(), 1, Integer::sum);
                if (refusedDevices.size() < LOGGED_DEVICES) {
                    refusedDevices.add(reading.device());
                }
                continue;
            }
            accepted.add(new Accepted(
                    tenant.id(), reading, StoredValue.of(reading.value()).orElseThrow()));
        }
        INSERT_READINGS.insert(c, accepted);
        int stored = accepted.size();
        try (PreparedStatement advance = c.prepareStatement("UPDATE node SET last_telemetry_batch = ?,"
                + " telemetry_dropped = telemetry_dropped + ? WHERE id = ?")) {
            advance.setLong(1, batch.batch());
            advance.setLong(2, batch.droppedSinceLast());
            advance.setLong(3, nodeId);
            advance.executeUpdate();
        }
        return new IngestOutcome.Stored(
                batch.batch(), stored, refused, new ArrayList<>(refusedDevices), batch.droppedSinceLast(), reset);
    }

    /** A reading that passed {@link ReadingCheck}, with its value as stored. */
    private record Accepted(long tenantId, TelemetryReading reading, StoredValue value) {}

    /** One multi-row INSERT per 500 readings: a JDBC batch would go row by row (see {@link MultiRowInsert}). */
    private static final MultiRowInsert<Accepted> INSERT_READINGS = new MultiRowInsert<>(
            "INSERT INTO reading (tenant_id, device_name, property, source_time, value_num, value_text, quality)"
                    + " VALUES",
            "(?, ?, ?, ?, ?, ?, ?)",
            "",
            (insert, offset, accepted) -> {
                TelemetryReading reading = accepted.reading();
                insert.setLong(offset + 1, accepted.tenantId());
                insert.setString(offset + 2, reading.device());
                insert.setString(offset + 3, reading.property());
                insert.setObject(offset + 4, utc(reading.sourceTime()));
                if (accepted.value().number().isPresent()) {
                    insert.setDouble(offset + 5, accepted.value().number().getAsDouble());
                } else {
                    insert.setNull(offset + 5, Types.DOUBLE);
                }
                insert.setString(offset + 6, accepted.value().json());
                insert.setString(offset + 7, reading.quality().name().toLowerCase(Locale.ROOT));
            });

    /** The id and telemetry counter of the node, its row locked until the commit. */
    private static Optional<long[]> lockNode(Connection c, TenantRef tenant, String node) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, last_telemetry_batch FROM node WHERE tenant_id = ? AND name = ? FOR UPDATE")) {
            select.setLong(1, tenant.id());
            select.setString(2, node);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new long[] {rows.getLong(1), rows.getLong(2)}) : Optional.empty();
            }
        }
    }

    /** For each device of the readings that exists in the tenant, the node it is bound to. */
    private static Map<String, String> owners(Connection c, TenantRef tenant, List<TelemetryReading> readings)
            throws SQLException {
        List<String> names = readings.stream()
                .map(TelemetryReading::device)
                .filter(ReadingCheck::possibleName)
                .distinct()
                .toList();
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, String> owners = new HashMap<>();
        for (int from = 0; from < names.size(); from += IN_CHUNK) {
            List<String> chunk = names.subList(from, Math.min(names.size(), from + IN_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT name, node_name FROM device WHERE tenant_id = ? AND name IN (" + marks + ")")) {
                select.setLong(1, tenant.id());
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        owners.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
        }
        return owners;
    }

    /** UTC wall time in microseconds, the precision of {@code TIMESTAMP(6)}. */
    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
    }
}
