package io.edgefleet.edge.device;

import io.edgefleet.edge.store.StoreException;
import io.edgefleet.protocol.device.DesiredValue;
import io.edgefleet.protocol.device.ReportedValue;
import io.edgefleet.protocol.device.ValueQuality;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SQL of the twin tables (schema version 3): {@code twin_desired} (the synced desired values, one
 * {@code DeviceDesired} per device), {@code twin_edge_desired} (edge changes the cloud has not
 * settled, decision 0005) and {@code twin_reported} (the last value read per property, with the
 * last write error). Every method works inside the caller's transaction.
 */
public final class TwinTable {
    private TwinTable() {}

    /** The last reading of a property, and why the last write of it failed (blank: it did not). */
    public record Reported(Optional<ReportedValue> value, String writeError) {}

    public static void replaceSynced(Connection c, String device, Map<String, DesiredValue> values) {
        deleteSynced(c, device);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO twin_desired (device, property, value, version, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, DesiredValue> e : values.entrySet()) {
                DesiredValue v = e.getValue();
                insert.setString(1, device);
                insert.setString(2, e.getKey());
                insert.setString(3, JsonValues.write(v.value()));
                insert.setLong(4, v.version());
                insert.setString(5, v.by());
                insert.setLong(6, v.at().toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("cannot store desired values of device " + device, e);
        }
    }

    public static void deleteSynced(Connection c, String device) {
        update(c, "DELETE FROM twin_desired WHERE device = ?", device);
    }

    public static void clearSynced(Connection c) {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM twin_desired")) {
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot clear desired values", e);
        }
    }

    /** The synced desired values of a device, by property. */
    public static Map<String, DesiredValue> synced(Connection c, String device) {
        Map<String, DesiredValue> values = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT property, value, version, set_by, set_at FROM twin_desired WHERE device = ?")) {
            select.setString(1, device);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.put(
                            rows.getString(1),
                            new DesiredValue(
                                    JsonValues.parse(rows.getString(2)),
                                    rows.getLong(3),
                                    rows.getString(4),
                                    Instant.ofEpochMilli(rows.getLong(5))));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new StoreException("cannot read desired values of device " + device, e);
        }
    }

    /** The unsettled edge changes of a device, by property. */
    public static Map<String, EdgeChange> edgeChanges(Connection c, String device) {
        Map<String, EdgeChange> changes = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT property, value, base_version, set_by, set_at, sent FROM twin_edge_desired WHERE device = ?")) {
            select.setString(1, device);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    changes.put(
                            rows.getString(1),
                            new EdgeChange(
                                    rows.getString(1),
                                    JsonValues.parse(rows.getString(2)),
                                    rows.getLong(3),
                                    rows.getString(4),
                                    Instant.ofEpochMilli(rows.getLong(5)),
                                    rows.getInt(6) != 0));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new StoreException("cannot read edge changes of device " + device, e);
        }
    }

    public static void putEdgeChange(Connection c, String device, EdgeChange change) {
        try (PreparedStatement upsert = c.prepareStatement(
                """
                INSERT INTO twin_edge_desired (device, property, value, base_version, set_by, set_at, sent)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (device, property) DO UPDATE SET value = excluded.value,
                  base_version = excluded.base_version, set_by = excluded.set_by, set_at = excluded.set_at,
                  sent = excluded.sent""")) {
            upsert.setString(1, device);
            upsert.setString(2, change.property());
            upsert.setString(3, JsonValues.write(change.value()));
            upsert.setLong(4, change.baseVersion());
            upsert.setString(5, change.by());
            upsert.setLong(6, change.at().toEpochMilli());
            upsert.setInt(7, change.sent() ? 1 : 0);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store an edge change of device " + device, e);
        }
    }

    public static void deleteEdgeChange(Connection c, String device, String property) {
        try (PreparedStatement delete =
                c.prepareStatement("DELETE FROM twin_edge_desired WHERE device = ? AND property = ?")) {
            delete.setString(1, device);
            delete.setString(2, property);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot delete an edge change of device " + device, e);
        }
    }

    /** Stores the reading of a property, keeping its last write error. */
    public static void putReported(Connection c, String device, Collection<ReportedValue> values) {
        try (PreparedStatement upsert = c.prepareStatement(
                """
                INSERT INTO twin_reported (device, property, value, quality, source_time, error, write_error)
                VALUES (?, ?, ?, ?, ?, ?, '')
                ON CONFLICT (device, property) DO UPDATE SET value = excluded.value, quality = excluded.quality,
                  source_time = excluded.source_time, error = excluded.error""")) {
            for (ReportedValue v : values) {
                upsert.setString(1, device);
                upsert.setString(2, v.property());
                if (v.value().isPresent()) {
                    upsert.setString(3, JsonValues.write(v.value().get()));
                } else {
                    upsert.setNull(3, Types.VARCHAR);
                }
                upsert.setString(4, v.quality().name().toLowerCase(Locale.ROOT));
                upsert.setLong(5, v.sourceTime().toEpochMilli());
                upsert.setString(6, v.error().orElse(""));
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("cannot store readings of device " + device, e);
        }
    }

    /** Records why the last write of a property failed; blank clears it. */
    public static void putWriteError(Connection c, String device, String property, String error, Instant now) {
        try (PreparedStatement upsert = c.prepareStatement(
                """
                INSERT INTO twin_reported (device, property, value, quality, source_time, error, write_error)
                VALUES (?, ?, NULL, 'error', ?, 'not read yet', ?)
                ON CONFLICT (device, property) DO UPDATE SET write_error = excluded.write_error""")) {
            upsert.setString(1, device);
            upsert.setString(2, property);
            upsert.setLong(3, now.toEpochMilli());
            upsert.setString(4, error);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store a write error of device " + device, e);
        }
    }

    /** What the node last read of each property of a device. */
    public static Map<String, Reported> reported(Connection c, String device) {
        Map<String, Reported> values = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT property, value, quality, source_time, error, write_error FROM twin_reported WHERE device = ?")) {
            select.setString(1, device);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String property = rows.getString(1);
                    Optional<String> json = Optional.ofNullable(rows.getString(2));
                    ValueQuality quality =
                            ValueQuality.valueOf(rows.getString(3).toUpperCase(Locale.ROOT));
                    String error = rows.getString(5);
                    Optional<ReportedValue> value = json.isEmpty() && quality != ValueQuality.ERROR
                            ? Optional.empty()
                            : Optional.of(new ReportedValue(
                                    property,
                                    json.map(JsonValues::parse),
                                    quality,
                                    Instant.ofEpochMilli(rows.getLong(4)),
                                    error.isEmpty() ? Optional.empty() : Optional.of(error)));
                    values.put(property, new Reported(value, rows.getString(6)));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new StoreException("cannot read the twin of device " + device, e);
        }
    }

    /** Forgets what was read from a device and its unsettled edge changes (the device was removed). */
    public static void forgetDevice(Connection c, String device) {
        update(c, "DELETE FROM twin_reported WHERE device = ?", device);
        update(c, "DELETE FROM twin_edge_desired WHERE device = ?", device);
    }

    private static void update(Connection c, String sql, String device) {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, device);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update the twin of device " + device, e);
        }
    }
}
