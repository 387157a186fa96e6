package io.edgefleet.server.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Direct JDBC access to the database the server under test uses (H2 through its AUTO_SERVER port, or the
 * run's MariaDB database), for set-ups no API offers yet, such as device rows.
 */
public final class ItDatabaseAccess {
    private ItDatabaseAccess() {}

    public static Connection connect() throws SQLException {
        if (ItDatabase.isMariaDb()) {
            return DriverManager.getConnection(
                    System.getProperty("it.mariadb.server") + System.getProperty("it.mariadb.database"), "root", "");
        }
        String dataDir = System.getenv("FLEET_DATA_DIR");
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalStateException("FLEET_DATA_DIR is not set: run the ITs through Maven (server-it/pom.xml)");
        }
        return DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir + "/fleet;MODE=MySQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE", "sa", "");
    }

    /**
     * Inserts a device of the tenant {@code default} bound to {@code node}, with every NOT NULL column of
     * V4's {@code device} table filled (model {@code it-model}, protocol {@code simulated}, state Unknown).
     */
    public static void insertDevice(String name, String node) throws SQLException {
        try (Connection db = connect();
                PreparedStatement insert = db.prepareStatement("INSERT INTO device (tenant_id, name, resource_version,"
                        + " generation, labels_json, node_name, model_name, spec_json, twin_version, state)"
                        + " SELECT id, ?, resource_version, 1, '{}', ?, 'it-model', ?, 0, 'Unknown'"
                        + " FROM tenant WHERE name = 'default'")) {
            insert.setString(1, name);
            insert.setString(2, node);
            insert.setString(
                    3,
                    "{\"node\":\"" + node + "\",\"model\":\"it-model\",\"protocol\":\"simulated\",\"connection\":{},"
                            + "\"visitors\":{},\"collectCycleMs\":1000,\"reportCycleMs\":5000}");
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("no tenant 'default' to add device " + name + " to");
            }
        }
    }

    /** {@code node.telemetry_dropped} of a node of the tenant {@code default}. */
    public static long telemetryDropped(String node) throws SQLException {
        try (Connection db = connect();
                PreparedStatement select = db.prepareStatement("SELECT n.telemetry_dropped FROM node n"
                        + " JOIN tenant t ON t.id = n.tenant_id WHERE t.name = 'default' AND n.name = ?")) {
            select.setString(1, node);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no node " + node);
                }
                return row.getLong(1);
            }
        }
    }
}
