package io.edgefleet.desktop.bench;

import io.edgefleet.systemtest.harness.FleetApi;
import io.edgefleet.systemtest.harness.MariaDbDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Fills the bench's own database with a large fleet by batched SQL inserts into the tables of
 * db-migrations (V1 node and node_label, V4 device): creating 100,000 devices through REST would take
 * longer than the whole benchmark. One device is created through REST first and its stored spec_json is
 * copied, so every row is what the server itself writes.
 */
final class FleetSeed {
    static final int BATCH = 2_000;

    private FleetSeed() {}

    record Fleet(int sites, int nodesPerSite, int devicesPerNode) {
        int nodes() {
            return sites * nodesPerSite;
        }

        int devices() {
            return nodes() * devicesPerNode;
        }
    }

    static String nodeName(int site, int index) {
        return String.format("plant-%02d-ipc-%04d", site, index);
    }

    /** The device created through REST whose spec_json the inserted devices copy; it stays one of them. */
    static String deviceName(String node, int index) {
        return node + "-dev-" + index;
    }

    static void seed(MariaDbDatabase database, FleetApi api, Fleet fleet) throws SQLException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            long tenant;
            long version;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, resource_version FROM tenant WHERE name = 'default'")) {
                rs.next();
                tenant = rs.getLong(1);
                version = rs.getLong(2);
            }
            insertNodes(c, tenant, version, fleet);
            c.commit();

            String first = nodeName(0, 0);
            expectCreated(api.post(
                    "/api/v1/device-models",
                    "{\"metadata\":{\"name\":\"bench-sensor\"},\"spec\":{\"properties\":["
                            + "{\"name\":\"temperature\",\"type\":\"double\",\"unit\":\"°C\"}]}}"));
            expectCreated(api.post(
                    "/api/v1/devices",
                    "{\"metadata\":{\"name\":\"" + deviceName(first, 0) + "\"},\"spec\":{\"node\":\"" + first
                            + "\",\"model\":\"bench-sensor\",\"protocol\":\"simulated\",\"visitors\":{}}}"));
            String specTemplate;
            try (PreparedStatement q = c.prepareStatement("SELECT spec_json FROM device WHERE name = ?")) {
                q.setString(1, deviceName(first, 0));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    specTemplate = rs.getString(1);
                }
            }
            insertDevices(c, tenant, version, fleet, specTemplate);
            c.commit();
        }
    }

    private static void expectCreated(java.net.http.HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException("seeding answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static void insertNodes(Connection c, long tenant, long version, Fleet fleet) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement node = c.prepareStatement(
                        "INSERT INTO node (tenant_id, name, resource_version, generation, phase, last_seen, agent_version,"
                                + " os, arch, hostname) VALUES (?, ?, ?, 1, ?, ?, 'bench', 'linux', 'amd64', ?)");
                PreparedStatement label = c.prepareStatement(
                        "INSERT INTO node_label (tenant_id, node_id, label_key, label_value) VALUES (?, ?, ?, ?)")) {
            int n = 0;
            for (int site = 0; site < fleet.sites(); site++) {
                for (int i = 0; i < fleet.nodesPerSite(); i++) {
                    String name = nodeName(site, i);
                    node.setLong(1, tenant);
                    node.setString(2, name);
                    node.setLong(3, version);
                    node.setString(4, n % 50 == 7 ? "Offline" : n % 100 == 13 ? "Pending" : "Online");
                    node.setTimestamp(5, now);
                    node.setString(6, name);
                    node.addBatch();
                    n++;
                    if (n % BATCH == 0) {
                        node.executeBatch();
                        progress("nodes", n, fleet.nodes());
                    }
                }
            }
            node.executeBatch();
            progress("nodes", n, fleet.nodes());
            Map<String, Long> ids = new HashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, name FROM node WHERE tenant_id = " + tenant)) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
            int labels = 0;
            for (int site = 0; site < fleet.sites(); site++) {
                for (int i = 0; i < fleet.nodesPerSite(); i++) {
                    long id = ids.get(nodeName(site, i));
                    addLabel(label, tenant, id, "site", String.format("plant-%02d", site));
                    addLabel(label, tenant, id, "line", Integer.toString(i % 12 + 1));
                    labels += 2;
                    if (labels % BATCH == 0) {
                        label.executeBatch();
                    }
                }
            }
            label.executeBatch();
            progress("node labels", labels, fleet.nodes() * 2);
        }
    }

    private static void addLabel(PreparedStatement label, long tenant, long node, String key, String value)
            throws SQLException {
        label.setLong(1, tenant);
        label.setLong(2, node);
        label.setString(3, key);
        label.setString(4, value);
        label.addBatch();
    }

    private static void insertDevices(Connection c, long tenant, long version, Fleet fleet, String specTemplate)
            throws SQLException {
        String templateNode = "\"" + nodeName(0, 0) + "\"";
        try (PreparedStatement device = c.prepareStatement(
                "INSERT INTO device (tenant_id, name, resource_version, generation, labels_json, node_name, model_name,"
                        + " spec_json, state) VALUES (?, ?, ?, 1, '{}', ?, 'bench-sensor', ?, ?)")) {
            int d = 0;
            for (int site = 0; site < fleet.sites(); site++) {
                for (int i = 0; i < fleet.nodesPerSite(); i++) {
                    String node = nodeName(site, i);
                    String spec = specTemplate.replace(templateNode, "\"" + node + "\"");
                    for (int k = 0; k < fleet.devicesPerNode(); k++) {
                        if (site == 0 && i == 0 && k == 0) {
                            d++; // created through REST
                            continue;
                        }
                        device.setLong(1, tenant);
                        device.setString(2, deviceName(node, k));
                        device.setLong(3, version);
                        device.setString(4, node);
                        device.setString(5, spec);
                        device.setString(6, d % 37 == 5 ? "Offline" : d % 53 == 3 ? "Unknown" : "Online");
                        device.addBatch();
                        d++;
                        if (d % BATCH == 0) {
                            device.executeBatch();
                            if (d % 20_000 == 0) {
                                progress("devices", d, fleet.devices());
                            }
                        }
                    }
                }
            }
            device.executeBatch();
            if (d % 20_000 != 0) {
                progress("devices", d, fleet.devices());
            }
        }
    }

    private static void progress(String what, int done, int total) {
        System.err.printf("  .. seeded %,d/%,d %s%n", done, total, what);
    }
}
