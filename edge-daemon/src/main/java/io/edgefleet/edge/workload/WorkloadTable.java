package io.edgefleet.edge.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.edge.store.StoreException;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.workload.DesiredWorkload;
import io.edgefleet.protocol.workload.InstancePhase;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL of the two workload tables (schema version 2): {@code workload_desired}, what the cloud wants
 * this node to run, and {@code workload_instance}, what the node runs. Every method works on a
 * connection inside the caller's transaction.
 */
public final class WorkloadTable {
    /** The schema version that created the tables, for read-only readers. */
    public static final int SCHEMA_VERSION = 2;

    static final ObjectMapper MAPPER = ProtocolCodec.newMapper(1 << 20);

    private WorkloadTable() {}

    static void upsertDesired(Connection c, DesiredWorkload desired, long resourceVersion) {
        try (PreparedStatement upsert = c.prepareStatement(
                """
                INSERT INTO workload_desired (name, generation, fingerprint, template, resource_version)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET generation = excluded.generation,
                  fingerprint = excluded.fingerprint, template = excluded.template,
                  resource_version = excluded.resource_version""")) {
            upsert.setString(1, desired.name());
            upsert.setLong(2, desired.generation());
            upsert.setString(3, desired.template().fingerprint());
            upsert.setString(4, toJson(desired.template()));
            upsert.setLong(5, resourceVersion);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store desired workload " + desired.name(), e);
        }
    }

    static void deleteDesired(Connection c, String name) {
        update(c, "DELETE FROM workload_desired WHERE name = ?", name);
    }

    static void clearDesired(Connection c) {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM workload_desired")) {
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot clear desired workloads", e);
        }
    }

    /** Desired workloads by name, in name order. */
    public static Map<String, DesiredWorkload> desired(Connection c) {
        Map<String, DesiredWorkload> desired = new LinkedHashMap<>();
        try (PreparedStatement select =
                        c.prepareStatement("SELECT name, generation, template FROM workload_desired ORDER BY name");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString(1);
                desired.put(name, new DesiredWorkload(name, rows.getLong(2), fromJson(rows.getString(3))));
            }
            return desired;
        } catch (SQLException e) {
            throw new StoreException("cannot read desired workloads", e);
        }
    }

    static void saveInstance(Connection c, InstanceRecord r) {
        try (PreparedStatement upsert = c.prepareStatement(
                """
                INSERT OR REPLACE INTO workload_instance (name, token, pid, process_start, started_at,
                  fingerprint, generation, template, phase, restarts, last_exit, message, since, cgroup)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            upsert.setString(1, r.name());
            upsert.setString(2, r.token());
            setLong(upsert, 3, r.pid());
            setLong(upsert, 4, r.processStart().map(Instant::toEpochMilli));
            setLong(upsert, 5, r.startedAt().map(Instant::toEpochMilli));
            upsert.setString(6, r.fingerprint());
            upsert.setLong(7, r.generation());
            upsert.setString(8, toJson(r.template()));
            upsert.setString(9, r.phase().name());
            upsert.setInt(10, r.restarts());
            setLong(upsert, 11, r.lastExit().map(Integer::longValue));
            upsert.setString(12, r.message());
            upsert.setLong(13, r.since().toEpochMilli());
            upsert.setString(14, r.cgroup());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store workload instance " + r.name(), e);
        }
    }

    static void deleteInstance(Connection c, String name) {
        update(c, "DELETE FROM workload_instance WHERE name = ?", name);
    }

    /** Every instance record, in name order. */
    public static List<InstanceRecord> instances(Connection c) {
        List<InstanceRecord> instances = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                        """
                        SELECT name, token, pid, process_start, started_at, fingerprint, generation, template,
                          phase, restarts, last_exit, message, since, cgroup
                        FROM workload_instance ORDER BY name""");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                instances.add(new InstanceRecord(
                        rows.getString(1),
                        rows.getString(2),
                        optionalLong(rows, 3),
                        optionalLong(rows, 4).map(Instant::ofEpochMilli),
                        optionalLong(rows, 5).map(Instant::ofEpochMilli),
                        rows.getString(6),
                        rows.getLong(7),
                        fromJson(rows.getString(8)),
                        InstancePhase.valueOf(rows.getString(9)),
                        rows.getInt(10),
                        optionalLong(rows, 11).map(Long::intValue),
                        rows.getString(12),
                        Instant.ofEpochMilli(rows.getLong(13)),
                        rows.getString(14)));
            }
            return instances;
        } catch (SQLException e) {
            throw new StoreException("cannot read workload instances", e);
        }
    }

    static String toJson(WorkloadTemplate template) {
        try {
            return MAPPER.writeValueAsString(template);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a workload template", e);
        }
    }

    static WorkloadTemplate fromJson(String json) {
        try {
            return MAPPER.readValue(json, WorkloadTemplate.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot decode a stored workload template", e);
        }
    }

    private static Optional<Long> optionalLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static void setLong(PreparedStatement statement, int index, Optional<Long> value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.get());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    private static void update(Connection c, String sql, String name) {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, name);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update workloads", e);
        }
    }
}
