package io.edgefleet.edge.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of the edge daemon: its key in the properties file and the environment variable
 * that overrides it ({@code server-url} ← {@code EDGEFLEET_SERVER_URL}).
 */
public enum ConfigKey {
    SERVER_URL("server-url", "REST base URL of the EdgeFleet server, e.g. http://127.0.0.1:9080", "(none)"),
    ENROLLMENT_TOKEN("enrollment-token", "one-time token for the first start (eft_...)", "(none)"),
    NODE_NAME("node-name", "this node's name, a DNS label", "the host name, lower-cased"),
    DATA_DIR("data-dir", "where the store (edge.db) lives", "./edge-data"),
    MQTT_URL("mqtt-url", "broker URL overriding the one enrollment returned (tcp:// or ssl://)", "(enrollment)"),
    MQTT_TRUST_STORE("mqtt-trust-store", "trust store (PKCS12 or JKS) for ssl:// broker URLs", "the JDK's CAs"),
    MQTT_TRUST_STORE_PASSWORD("mqtt-trust-store-password", "password of the trust store", "(none)"),
    HEARTBEAT_SECONDS("heartbeat-seconds", "heartbeat interval overriding the server's", "(enrollment)"),
    RECONNECT_MIN_MS("reconnect-min-ms", "shortest wait before reconnecting", "500"),
    RECONNECT_MAX_MS("reconnect-max-ms", "longest wait before reconnecting", "30000"),
    ACK_TIMEOUT_SECONDS("ack-timeout-seconds", "resend unacknowledged outbox entries after", "15"),
    MAX_INFLIGHT("max-inflight", "outbox entries sent but not yet acknowledged, at most", "64"),
    STOP_WORKLOADS_ON_EXIT(
            "stop-workloads-on-exit",
            "stop every workload when the daemon stops (else they keep running and are adopted)",
            "false"),
    TELEMETRY_MAX_AGE_SECONDS(
            "telemetry-max-age-seconds", "buffered telemetry older than this is dropped (oldest first)", "86400"),
    TELEMETRY_MAX_ROWS("telemetry-max-rows", "telemetry readings buffered at most (oldest dropped first)", "100000"),
    LOCAL_BUS_URL(
            "local-bus-url",
            "MQTT broker on this PC for the local bus, e.g. tcp://127.0.0.1:1883 (off when not set)",
            "(off)"),
    LOCAL_BUS_PREFIX("local-bus-prefix", "topic prefix of the local bus", "edgefleet/"),
    LOCAL_BUS_USERNAME("local-bus-username", "user name on the local bus broker", "(none)"),
    LOCAL_BUS_PASSWORD("local-bus-password", "password on the local bus broker", "(none)"),
    DRIVERS_DIR(
            "drivers-dir",
            "directory of the device driver plug-ins (one directory each: modbus, opcua, mqtt)",
            "drivers/ beside the daemon jar"),
    LOCAL_API_PORT(
            "local-api-port",
            "port of the read-only local API on 127.0.0.1 (status, workloads, logs, devices, twins as JSON)",
            "(off)");

    /** Prefix of every environment variable the daemon reads. */
    public static final String ENV_PREFIX = "EDGEFLEET_";

    private final String key;
    private final String description;
    private final String defaultText;

    ConfigKey(String key, String description, String defaultText) {
        this.key = key;
        this.description = description;
        this.defaultText = defaultText;
    }

    /** The key in the properties file. */
    public String key() {
        return key;
    }

    /** The environment variable that overrides the file. */
    public String envName() {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public String description() {
        return description;
    }

    public String defaultText() {
        return defaultText;
    }

    public static Optional<ConfigKey> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
