package io.edgefleet.edge.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.device.AccessMode;
import io.edgefleet.protocol.device.DesiredDevice;
import io.edgefleet.protocol.device.DeviceState;
import io.edgefleet.protocol.device.ModelProperty;
import io.edgefleet.protocol.device.ValueType;
import io.edgefleet.testsupport.MosquittoProcess;
import io.edgefleet.testsupport.Wait;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device manager with the real MQTT device driver against a real Mosquitto: a second client plays
 * the device (retained JSON state, commands merged into it). Readings become twin reports; a desired
 * value is published as a command and counts as reported only when the device's state shows it.
 */
class MqttDeviceManagerIT {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE = "plant/oven-3/state";
    private static final String COMMAND = "plant/oven-3/cmd";

    @TempDir
    Path dataDir;

    @TempDir
    Path brokerDir;

    private MosquittoProcess broker;
    private MqttClient device;
    private ObjectNode state;
    private DeviceHarness h;

    @BeforeEach
    void start() throws MqttException {
        broker = MosquittoProcess.start(brokerDir);
        state = JSON.createObjectNode();
        state.putObject("sensors").put("temp", 181.5);
        state.put("setpoint", 180);
        device = new MqttClient(broker.url(), "oven-3-device", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        device.connect(options);
        device.subscribe(COMMAND, 1);
        device.setCallback(new CommandMerger());
        publishState();
        h = new DeviceHarness(dataDir);
    }

    @AfterEach
    void stop() throws MqttException {
        h.close();
        if (device.isConnected()) {
            device.disconnect();
        }
        device.close();
        broker.close();
    }

    @Test
    void readingsAndADesiredValueTravelAsJsonThroughTheBroker() {
        h.apply(DeviceFixtures.upsert(h.nextVersion(), oven()));
        Wait.until("the temperature from the device's state", DeviceHarness.WAIT, () -> h.reportedText(
                        "oven-3", "temperature")
                .equals(Optional.of("181.5")));
        assertThat(h.reportedText("oven-3", "setpoint")).contains("180");
        // The twin has it at once; the report follows on the next tick of the report cycle.
        Wait.until("the first report", DeviceHarness.WAIT, () -> !h.reports("oven-3")
                .isEmpty());
        assertThat(h.reports("oven-3").getFirst().state()).contains(DeviceState.ONLINE);

        h.apply(DeviceFixtures.desired(
                h.nextVersion(), "oven-3", Map.of("setpoint", DeviceFixtures.value(J.numberNode(200), 1))));
        Wait.until(
                "200 reported once the device's state shows it", DeviceHarness.WAIT, () -> h.reports("oven-3").stream()
                        .flatMap(r -> r.reported().stream())
                        .anyMatch(v -> v.property().equals("setpoint")
                                && v.value().map(Object::toString).orElse("").equals("200")));
        synchronized (this) {
            assertThat(state.path("setpoint").asInt())
                    .as("the device got the command")
                    .isEqualTo(200);
        }
        assertThat(h.twin("oven-3").get("setpoint").writeError()).isEmpty();
    }

    private DesiredDevice oven() {
        List<ModelProperty> properties = List.of(
                DeviceFixtures.property("temperature", ValueType.DOUBLE, "°C", AccessMode.READ_ONLY, Optional.empty()),
                DeviceFixtures.property("setpoint", ValueType.INT, "°C", AccessMode.READ_WRITE, Optional.of(300.0)));
        return new DesiredDevice(
                "oven-3",
                1,
                "oven",
                properties,
                "mqtt",
                Map.of("broker-url", broker.url(), "state-topic", STATE, "command-topic", COMMAND),
                Map.of(
                        "temperature", Map.of("json-pointer", "/sensors/temp"),
                        "setpoint", Map.of("json-pointer", "/setpoint")),
                100,
                100);
    }

    private synchronized void publishState() throws MqttException {
        MqttMessage message = new MqttMessage(state.toString().getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        message.setRetained(true);
        device.publish(STATE, message);
    }

    /** The device: a command's fields are merged into its state, which it publishes again. */
    private final class CommandMerger implements org.eclipse.paho.mqttv5.client.MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            JsonNode command = JSON.readTree(message.getPayload());
            synchronized (MqttDeviceManagerIT.this) {
                command.properties().forEach(field -> state.set(field.getKey(), field.getValue()));
            }
            // Not on Paho's callback thread: a publish from it would wait for itself.
            Thread.ofVirtual().start(() -> {
                try {
                    publishState();
                } catch (MqttException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {}

        @Override
        public void mqttErrorOccurred(MqttException exception) {}

        @Override
        public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {}

        @Override
        public void authPacketArrived(
                int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties properties) {}
    }
}
