package io.edgefleet.edge.device;

import io.edgefleet.edge.store.StoreException;
import io.edgefleet.protocol.device.DesiredDevice;
import io.edgefleet.protocol.device.DeviceState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SQL of the device tables (schema version 3): {@code device_desired} (the {@code Device} specs the
 * cloud sent, written only by {@link DeviceApplier}) and {@code device_status} (what the device
 * manager observed: state, since, last read, last error). Every method works inside the caller's
 * transaction.
 */
public final class DeviceTable {
    /** The schema version that created the device, twin, rule and telemetry tables. */
    public static final int SCHEMA_VERSION = 3;

    private DeviceTable() {}

    /**
     * What the device manager last observed of a device.
     *
     * @param lastRead when the last reading with a value arrived
     * @param error why the device is offline or its last problem; blank when none
     */
    public record Status(DeviceState state, Instant since, Optional<Instant> lastRead, String error) {}

    static void upsertDesired(Connection c, DesiredDevice device, long resourceVersion) {
        try (PreparedStatement upsert = c.prepareStatement(
                """
                INSERT INTO device_desired (name, generation, spec, resource_version) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET generation = excluded.generation, spec = excluded.spec,
                  resource_version = excluded.resource_version""")) {
            upsert.setString(1, device.name());
            upsert.setLong(2, device.generation());
            upsert.setString(3, JsonValues.write(device));
            upsert.setLong(4, resourceVersion);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store desired device " + device.name(), e);
        }
    }

    static void deleteDesired(Connection c, String name) {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM device_desired WHERE name = ?")) {
            delete.setString(1, name);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot delete desired device " + name, e);
        }
    }

    static void clearDesired(Connection c) {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM device_desired")) {
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot clear desired devices", e);
        }
    }

    /** Desired devices by name, in name order. */
    public static Map<String, DesiredDevice> desired(Connection c) {
        Map<String, DesiredDevice> devices = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT name, spec FROM device_desired");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                devices.put(rows.getString(1), JsonValues.read(rows.getString(2), DesiredDevice.class));
            }
            return devices;
        } catch (SQLException e) {
            throw new StoreException("cannot read desired devices", e);
        }
    }

    public static Optional<DesiredDevice> desired(Connection c, String name) {
        try (PreparedStatement select = c.prepareStatement("SELECT spec FROM device_desired WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(JsonValues.read(rows.getString(1), DesiredDevice.class))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read desired device " + name, e);
        }
    }

    static void putStatus(Connection c, String name, Status status) {
        try (PreparedStatement upsert = c.prepareStatement(
                """
                INSERT INTO device_status (name, state, since, last_read, error) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET state = excluded.state, since = excluded.since,
                  last_read = excluded.last_read, error = excluded.error""")) {
            upsert.setString(1, name);
            upsert.setString(2, stateName(status.state()));
            upsert.setLong(3, status.since().toEpochMilli());
            if (status.lastRead().isPresent()) {
                upsert.setLong(4, status.lastRead().get().toEpochMilli());
            } else {
                upsert.setNull(4, java.sql.Types.INTEGER);
            }
            upsert.setString(5, status.error());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store the status of device " + name, e);
        }
    }

    /** Observed status by device name. */
    public static Map<String, Status> statuses(Connection c) {
        Map<String, Status> statuses = new TreeMap<>();
        try (PreparedStatement select =
                        c.prepareStatement("SELECT name, state, since, last_read, error FROM device_status");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long lastRead = rows.getLong(4);
                Optional<Instant> read =
                        rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastRead));
                statuses.put(
                        rows.getString(1),
                        new Status(
                                "Online".equals(rows.getString(2)) ? DeviceState.ONLINE : DeviceState.OFFLINE,
                                Instant.ofEpochMilli(rows.getLong(3)),
                                read,
                                rows.getString(5)));
            }
            return statuses;
        } catch (SQLException e) {
            throw new StoreException("cannot read device statuses", e);
        }
    }

    static void deleteStatus(Connection c, String name) {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM device_status WHERE name = ?")) {
            delete.setString(1, name);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot delete the status of device " + name, e);
        }
    }

    /** {@code Online} or {@code Offline}, as on the wire. */
    public static String stateName(DeviceState state) {
        return state == DeviceState.ONLINE ? "Online" : "Offline";
    }
}
