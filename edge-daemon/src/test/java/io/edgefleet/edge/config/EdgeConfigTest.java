package io.edgefleet.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.edge.EdgeException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeConfigTest {
    @TempDir
    Path dir;

    private EdgeConfig load(Map<String, String> env) {
        return ConfigLoader.load(Optional.empty(), env, dir, () -> "Plant-PC_7.example.com");
    }

    private void writeDefaultFile(String content) throws IOException {
        Files.writeString(dir.resolve(ConfigLoader.DEFAULT_FILE), content);
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        EdgeConfig config = load(Map.of());

        assertThat(config.serverUrl()).isEmpty();
        assertThat(config.enrollmentToken()).isEmpty();
        assertThat(config.nodeName()).isEqualTo("plant-pc-7");
        assertThat(config.dataDir()).isEqualTo(dir.resolve("edge-data"));
        assertThat(config.mqttUrl()).isEmpty();
        assertThat(config.heartbeatSeconds()).isEmpty();
        assertThat(config.reconnectMin()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.reconnectMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.ackTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.maxInflight()).isEqualTo(64);
    }

    @Test
    void fileOverridesDefaultsAndEnvironmentOverridesFile() throws IOException {
        writeDefaultFile(
                """
                server-url=http://10.0.0.1:9080
                node-name=line-3-pc
                reconnect-min-ms=200
                max-inflight=8
                """);

        EdgeConfig config = load(Map.of("EDGEFLEET_NODE_NAME", "line-4-pc", "EDGEFLEET_MAX_INFLIGHT", "16"));

        assertThat(config.serverUrl()).contains(URI.create("http://10.0.0.1:9080"));
        assertThat(config.reconnectMin()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.nodeName()).isEqualTo("line-4-pc");
        assertThat(config.maxInflight()).isEqualTo(16);
    }

    @Test
    void blankEnvironmentValueLeavesTheFileValue() throws IOException {
        writeDefaultFile("enrollment-token=eft_from_file\n");

        EdgeConfig config = load(Map.of("EDGEFLEET_ENROLLMENT_TOKEN", ""));

        assertThat(config.enrollmentToken()).map(Secret::reveal).contains("eft_from_file");
    }

    @Test
    void configFileNamedOnTheCommandLineWinsOverTheEnvironmentAndTheWorkingDirectory() throws IOException {
        writeDefaultFile("node-name=from-default-file\n");
        Files.writeString(dir.resolve("env.properties"), "node-name=from-env-file\n");
        Files.writeString(dir.resolve("cli.properties"), "node-name=from-cli-file\n");
        Map<String, String> env = Map.of("EDGEFLEET_CONFIG", "env.properties");

        assertThat(ConfigLoader.load(Optional.of(Path.of("cli.properties")), env, dir, () -> "h")
                        .nodeName())
                .isEqualTo("from-cli-file");
        assertThat(ConfigLoader.load(Optional.empty(), env, dir, () -> "h").nodeName())
                .isEqualTo("from-env-file");
        assertThat(load(Map.of()).nodeName()).isEqualTo("from-default-file");
    }

    @Test
    void explicitConfigFileMustExist() {
        assertThatThrownBy(
                        () -> ConfigLoader.load(Optional.of(Path.of("missing.properties")), Map.of(), dir, () -> "h"))
                .isInstanceOf(EdgeException.class)
                .hasMessageContaining("missing.properties")
                .hasMessageContaining("--config");
    }

    @Test
    void invalidNumberNamesTheKeyAndWhereItCameFrom() throws IOException {
        writeDefaultFile("ack-timeout-seconds=soon\n");

        assertThatThrownBy(() -> load(Map.of()))
                .isInstanceOfSatisfying(EdgeException.class, e -> {
                    assertThat(e.code()).isEqualTo("config-invalid");
                    assertThat(e.exitStatus()).isEqualTo(EdgeException.EXIT_USAGE);
                    assertThat(e.hint()).contains("EDGEFLEET_ACK_TIMEOUT_SECONDS");
                })
                .hasMessageContaining("'ack-timeout-seconds'")
                .hasMessageContaining("edge.properties")
                .hasMessageContaining("not a whole number");
    }

    @Test
    void outOfRangeValueFromTheEnvironmentIsRefused() {
        assertThatThrownBy(() -> load(Map.of("EDGEFLEET_MAX_INFLIGHT", "0")))
                .isInstanceOf(EdgeException.class)
                .hasMessageContaining("'max-inflight'")
                .hasMessageContaining("environment EDGEFLEET_MAX_INFLIGHT")
                .hasMessageContaining("out of range");
    }

    @Test
    void reconnectMaxBelowMinIsRefused() {
        assertThatThrownBy(
                        () -> load(Map.of("EDGEFLEET_RECONNECT_MIN_MS", "5000", "EDGEFLEET_RECONNECT_MAX_MS", "1000")))
                .isInstanceOf(EdgeException.class)
                .hasMessageContaining("'reconnect-max-ms'")
                .hasMessageContaining("reconnect-min-ms");
    }

    @Test
    void invalidNodeNameIsRefused() {
        assertThatThrownBy(() -> load(Map.of("EDGEFLEET_NODE_NAME", "Line_3")))
                .isInstanceOf(EdgeException.class)
                .hasMessageContaining("'node-name'")
                .hasMessageContaining("not a valid name");
    }

    @Test
    void urlsMustUseTheirSchemes() {
        assertThatThrownBy(() -> load(Map.of("EDGEFLEET_MQTT_URL", "http://broker:1883")))
                .isInstanceOf(EdgeException.class)
                .hasMessageContaining("'mqtt-url'")
                .hasMessageContaining("tcp, ssl");
        assertThatThrownBy(() -> load(Map.of("EDGEFLEET_SERVER_URL", "ftp://server")))
                .isInstanceOf(EdgeException.class)
                .hasMessageContaining("'server-url'");
        assertThat(load(Map.of("EDGEFLEET_MQTT_URL", "ssl://broker.example:8883"))
                        .mqttUrl())
                .contains(URI.create("ssl://broker.example:8883"));
    }

    @Test
    void missingTrustStoreIsRefused() {
        assertThatThrownBy(() -> load(Map.of("EDGEFLEET_MQTT_TRUST_STORE", "nowhere.p12")))
                .isInstanceOf(EdgeException.class)
                .hasMessageContaining("'mqtt-trust-store'")
                .hasMessageContaining("nowhere.p12");
    }

    @Test
    void unknownKeyInTheFileIsIgnored() throws IOException {
        writeDefaultFile("heartbeat-secnds=5\n");

        assertThat(load(Map.of()).heartbeatSeconds()).isEmpty();
    }

    @Test
    void secretsNeverAppearInToStringOrErrors() throws IOException {
        writeDefaultFile("enrollment-token=eft_top_secret\nmqtt-trust-store-password=changeit-secret\n");

        EdgeConfig config = load(Map.of());

        assertThat(config.toString()).doesNotContain("eft_top_secret").doesNotContain("changeit-secret");
        assertThat(config.enrollmentToken()).map(Secret::reveal).contains("eft_top_secret");
    }

    @Test
    void nodeNameFromHostIsAValidName() {
        assertThat(EdgeConfig.nodeNameFromHost("PC_7.plant.local")).isEqualTo("pc-7");
        assertThat(EdgeConfig.nodeNameFromHost("--edge--")).isEqualTo("edge");
        assertThat(EdgeConfig.nodeNameFromHost("___")).isEqualTo("edge");
        assertThat(EdgeConfig.nodeNameFromHost("x".repeat(80))).hasSize(63);
    }

    @Test
    void everyKeyHasItsEnvironmentVariable() {
        assertThat(ConfigKey.SERVER_URL.envName()).isEqualTo("EDGEFLEET_SERVER_URL");
        assertThat(ConfigKey.MQTT_TRUST_STORE_PASSWORD.envName()).isEqualTo("EDGEFLEET_MQTT_TRUST_STORE_PASSWORD");
    }

    @Test
    void theLocalBusIsOffUnlessItsUrlIsSet() {
        EdgeConfig config = load(Map.of());

        assertThat(config.localBusUrl()).isEmpty();
        assertThat(config.localBusPrefix()).isEqualTo("edgefleet/");
        assertThat(config.localBusUsername()).isEmpty();
        assertThat(config.localBusPassword()).isEmpty();
    }

    @Test
    void localBusSettingsComeFromTheEnvironmentAndThePasswordStaysSecret() {
        EdgeConfig config = load(Map.of(
                "EDGEFLEET_LOCAL_BUS_URL", "tcp://127.0.0.1:1883",
                "EDGEFLEET_LOCAL_BUS_PREFIX", "plant-7/edge",
                "EDGEFLEET_LOCAL_BUS_USERNAME", "edgefleet",
                "EDGEFLEET_LOCAL_BUS_PASSWORD", "s3cret-bus"));

        assertThat(config.localBusUrl()).contains(URI.create("tcp://127.0.0.1:1883"));
        assertThat(config.localBusPrefix()).as("one '/' added").isEqualTo("plant-7/edge/");
        assertThat(config.localBusUsername()).contains("edgefleet");
        assertThat(config.localBusPassword()).map(Secret::reveal).contains("s3cret-bus");
        assertThat(config.toString()).doesNotContain("s3cret-bus");
    }

    @Test
    void aLocalBusPrefixWithAWildcardOrAnEmptyLevelIsRefused() {
        for (String prefix : new String[] {"edge/+/", "edge/#", "$SYS/", "/edge", "edge//x"}) {
            assertThatThrownBy(() -> load(Map.of("EDGEFLEET_LOCAL_BUS_PREFIX", prefix)))
                    .as(prefix)
                    .isInstanceOf(EdgeException.class)
                    .hasMessageContaining("'local-bus-prefix'");
        }
    }

    @Test
    void aLocalBusPasswordWithoutAUserOrAUrlOfAnotherSchemeIsRefused() {
        assertThatThrownBy(() -> load(Map.of("EDGEFLEET_LOCAL_BUS_PASSWORD", "s3cret-bus")))
                .isInstanceOf(EdgeException.class)
                .hasMessageContaining("'local-bus-password'")
                .hasMessageNotContaining("s3cret-bus");
        assertThatThrownBy(() -> load(Map.of("EDGEFLEET_LOCAL_BUS_URL", "http://127.0.0.1:1883")))
                .isInstanceOf(EdgeException.class)
                .hasMessageContaining("'local-bus-url'");
    }
}
