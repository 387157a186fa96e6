package io.edgefleet.edge.testing;

import io.edgefleet.edge.config.ConfigKey;
import io.edgefleet.edge.config.EdgeConfig;
import io.edgefleet.edge.config.Secret;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.Identity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Stores and settings for tests: an enrolled identity without an enrollment. */
public final class TestStores {
    public static final String TENANT = "default";
    public static final String NODE = "edge-1";

    private TestStores() {}

    public static Identity identity(String mqttUrl) {
        return identity(NODE, mqttUrl);
    }

    public static Identity identity(String node, String mqttUrl) {
        return new Identity(
                TENANT,
                node,
                mqttUrl,
                node + "@" + TENANT,
                new Secret("node-password"),
                10,
                Instant.parse("2026-11-22T00:00:00Z"));
    }

    /** Creates the store in {@code dataDir} with an identity, as enrollment would have left it. */
    public static void seed(Path dataDir, String mqttUrl) {
        seed(dataDir, NODE, mqttUrl);
    }

    public static void seed(Path dataDir, String node, String mqttUrl) {
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            store.saveIdentity(identity(node, mqttUrl));
        }
    }

    /** Settings with the given overrides (by key), everything else at its default. */
    public static EdgeConfig config(Path dataDir, Map<ConfigKey, String> settings) {
        Map<ConfigKey, EdgeConfig.Value> values = new EnumMap<>(ConfigKey.class);
        values.put(ConfigKey.DATA_DIR, new EdgeConfig.Value(dataDir.toString(), "test"));
        values.put(ConfigKey.NODE_NAME, new EdgeConfig.Value(NODE, "test"));
        settings.forEach((key, value) -> values.put(key, new EdgeConfig.Value(value, "test")));
        return EdgeConfig.from(values, dataDir, () -> "test-host");
    }
}
