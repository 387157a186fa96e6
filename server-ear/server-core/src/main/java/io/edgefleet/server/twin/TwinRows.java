package io.edgefleet.server.twin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.device.ReportedValue;
import io.edgefleet.server.persistence.MultiRowInsert;
import io.edgefleet.server.resource.Columns;
import io.edgefleet.server.resource.SpecRows;
import io.edgefleet.server.telemetry.TelemetryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/** The {@code twin_property} rows of devices: the desired and the reported half of each property. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TwinRows {
    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    /** One stored property of a twin. */
    public record Stored(
            String property,
            Optional<JsonNode> desired,
            long desiredVersion,
            Optional<String> desiredBy,
            Optional<Instant> desiredAt,
            Optional<JsonNode> reported,
            Optional<String> quality,
            Optional<Instant> sourceTime,
            Optional<String> error,
            Optional<Instant> reportedAt) {}

    @SuppressWarnings("unchecked")
    public Map<String, Stored> of(long deviceId) {
        Map<String, Stored> twin = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("SELECT property, desired_json, desired_version,"
                        + " desired_by, desired_at, reported_json, reported_quality, reported_source_time,"
                        + " reported_error, reported_at FROM twin_property WHERE device_id = ?1 ORDER BY property")
                .setParameter(1, deviceId)
                .getResultList()) {
            twin.put(
                    (String) row[0],
                    new Stored(
                            (String) row[0],
                            Columns.text(row[1]).map(TwinRows::json),
                            Columns.number(row[2]),
                            Columns.text(row[3]),
                            Columns.instant(row[4]),
                            Columns.text(row[5]).map(TwinRows::json),
                            Columns.text(row[6]),
                            Columns.instant(row[7]),
                            Columns.text(row[8]),
                            Columns.instant(row[9])));
        }
        return twin;
    }

    /** Sets (or, with an empty value, clears) a desired value at {@code version}. */
    public void desire(long deviceId, String property, Optional<JsonNode> value, long version, String by, Instant at) {
        int updated = em.createNativeQuery("UPDATE twin_property SET desired_json = ?3, desired_version = ?4,"
                        + " desired_by = ?5, desired_at = ?6 WHERE device_id = ?1 AND property = ?2")
                .setParameter(1, deviceId)
                .setParameter(2, property)
                .setParameter(3, value.map(SpecRows::write).orElse(null))
                .setParameter(4, version)
                .setParameter(5, by)
                .setParameter(6, at)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO twin_property (device_id, property, desired_json, desired_version,"
                            + " desired_by, desired_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, deviceId)
                    .setParameter(2, property)
                    .setParameter(3, value.map(SpecRows::write).orElse(null))
                    .setParameter(4, version)
                    .setParameter(5, by)
                    .setParameter(6, at)
                    .executeUpdate();
        }
    }

    /** A reported value of one device, for {@link #reportAll}. */
    public record Reported(long deviceId, ReportedValue value) {}

    /**
     * Stores reported values, in order (a later value of the same property wins), as multi-row
     * {@code INSERT … ON DUPLICATE KEY UPDATE} statements ({@link MultiRowInsert}) instead of an UPDATE
     * (and, for a new property, an INSERT) per value. Only the reported columns change; a new row gets
     * desired version 0 (no desired value yet).
     */
    public void reportAll(List<Reported> values, Instant now) {
        if (values.isEmpty()) {
            return;
        }
        LocalDateTime at = TelemetryStore.utc(now);
        MultiRowInsert<Reported> upsert =
                new MultiRowInsert<>(UPSERT_HEAD, UPSERT_ROW, UPSERT_TAIL, (statement, offset, reported) -> {
                    ReportedValue value = reported.value();
                    statement.setLong(offset + 1, reported.deviceId());
                    statement.setString(offset + 2, value.property());
                    statement.setString(offset + 3, json(value));
                    statement.setString(offset + 4, quality(value));
                    statement.setObject(offset + 5, TelemetryStore.utc(value.sourceTime()));
                    statement.setString(offset + 6, error(value));
                    statement.setObject(offset + 7, at);
                });
        em.unwrap(Session.class).doWork(connection -> upsert.insert(connection, values));
    }

    private static final String UPSERT_HEAD = "INSERT INTO twin_property (device_id, property, desired_version,"
            + " reported_json, reported_quality, reported_source_time, reported_error, reported_at) VALUES";
    private static final String UPSERT_ROW = "(?, ?, 0, ?, ?, ?, ?, ?)";
    // Rows of one statement are applied in order, so a later value of the same property wins.
    private static final String UPSERT_TAIL = "ON DUPLICATE KEY UPDATE reported_json = VALUES(reported_json),"
            + " reported_quality = VALUES(reported_quality), reported_source_time = VALUES(reported_source_time),"
            + " reported_error = VALUES(reported_error), reported_at = VALUES(reported_at)";

    private static String json(ReportedValue value) {
        return value.value().map(SpecRows::write).orElse(null);
    }

    private static String quality(ReportedValue value) {
        return value.quality().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String error(ReportedValue value) {
        return value.error()
                .map(e -> e.length() > 512 ? e.substring(0, 512) : e)
                .orElse(null);
    }

    private static JsonNode json(String text) {
        try {
            return SpecRows.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored twin value cannot be read", e);
        }
    }
}
