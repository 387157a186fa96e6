package io.edgefleet.edge.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.driver.opcua.testserver.OpcUaTestServer;
import io.edgefleet.protocol.device.AccessMode;
import io.edgefleet.protocol.device.DesiredDevice;
import io.edgefleet.protocol.device.DeviceState;
import io.edgefleet.protocol.device.ModelProperty;
import io.edgefleet.protocol.device.ValueType;
import io.edgefleet.testsupport.Ports;
import io.edgefleet.testsupport.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device manager with the real OPC UA driver against an Eclipse Milo server in this JVM (the
 * driver module's test server, a server SDK the driver's client code does not share): values the
 * driver's subscription delivers become the twin, a desired value is written to the server's variable
 * and counts as reported only once read back, and a server that stops turns the device Offline until
 * it is back on the same port and the session has reconnected.
 */
class OpcUaDeviceIT {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    /** Milo's client retries the connection with a backoff of its own; a restart takes a few seconds. */
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    private DeviceHarness h;
    private int port;
    private OpcUaTestServer server;

    @BeforeEach
    void start() {
        port = Ports.free();
        // A server of its own, not the shared one: this test stops it.
        server = OpcUaTestServer.start(port);
        h = new DeviceHarness(dataDir);
    }

    @AfterEach
    void stop() {
        h.close();
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void readingsDesiredWritesAndAServerRestartGoThroughTheDeviceManager() {
        h.apply(DeviceFixtures.upsert(h.nextVersion(), press()));
        Wait.until("the temperature in the twin", DeviceHarness.WAIT, () -> h.reportedText("press-1", "temperature")
                .equals(Optional.of("21.5")));
        Wait.until("the counter rising in the twin", DeviceHarness.WAIT, () -> counter() > 0);
        assertThat(h.reportedText("press-1", "setpoint")).contains("22.0");
        Wait.until("the first report", DeviceHarness.WAIT, () -> !h.reports("press-1")
                .isEmpty());
        assertThat(h.reports("press-1").getFirst().state()).contains(DeviceState.ONLINE);

        h.apply(DeviceFixtures.desired(
                h.nextVersion(), "press-1", Map.of("setpoint", DeviceFixtures.value(J.numberNode(55.5), 1))));
        Wait.until(
                "55.5 reported after the write",
                DeviceHarness.WAIT,
                () -> h.everReported("press-1", "setpoint", "55.5"));
        assertThat(server.value("Setpoint")).as("the server's variable").isEqualTo(55.5);
        assertThat(h.twin("press-1").get("setpoint").writeError()).isEmpty();

        server.stop();
        server = null;
        Wait.until("Offline once the server is gone", RECOVERY, () -> h.lastReportedState("press-1")
                .equals(Optional.of(DeviceState.OFFLINE)));
        assertThat(h.status("press-1").orElseThrow().state()).isEqualTo(DeviceState.OFFLINE);

        server = OpcUaTestServer.start(port);
        long before = counter();
        Wait.until(
                "Online again, with readings from the restarted server",
                RECOVERY,
                () -> h.lastReportedState("press-1").equals(Optional.of(DeviceState.ONLINE)) && counter() != before);
        // The restarted server forgot the write; a new session writes every desired value again.
        Wait.until("the setpoint written again", RECOVERY, () -> Double.valueOf(55.5)
                .equals(server.value("Setpoint")));
        assertThat(h.status("press-1").orElseThrow().state()).isEqualTo(DeviceState.ONLINE);
    }

    private long counter() {
        return h.reportedText("press-1", "counter").map(Long::parseLong).orElse(0L);
    }

    private DesiredDevice press() {
        List<ModelProperty> properties = List.of(
                DeviceFixtures.property("temperature", ValueType.DOUBLE, "°C", AccessMode.READ_ONLY, Optional.empty()),
                DeviceFixtures.property("counter", ValueType.INT, "", AccessMode.READ_ONLY, Optional.empty()),
                DeviceFixtures.property("setpoint", ValueType.DOUBLE, "°C", AccessMode.READ_WRITE, Optional.of(100.0)));
        return new DesiredDevice(
                "press-1",
                1,
                "press",
                properties,
                "opcua",
                Map.of("endpoint-url", server.url()),
                Map.of(
                        "temperature", Map.of("node-id", "ns=2;s=Temperature"),
                        "counter", Map.of("node-id", "ns=2;s=Counter"),
                        "setpoint", Map.of("node-id", "ns=2;s=Setpoint")),
                100,
                100);
    }
}
