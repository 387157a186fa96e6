package io.edgefleet.driver.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A small MQTT device for tests, on its own Paho client: publishes its JSON state (retained) every
 * 50 ms with a counter that keeps changing, and merges every JSON command it receives into that
 * state, as a device applies a setpoint.
 */
final class DeviceSimulator implements AutoCloseable {
    static final String STATE = "devices/press-1/state";
    static final String COMMAND = "devices/press-1/cmd";

    private final MqttAsyncClient client;
    private final ObjectNode state;
    private final ScheduledExecutorService ticker;
    private final AtomicLong counter = new AtomicLong();

    DeviceSimulator(String brokerUrl) throws MqttException {
        state = (ObjectNode) JsonValues.MAPPER.valueToTree(Map.of(
                "sensors",
                Map.of("temp", 21.5, "label", "press"),
                "setpoint",
                40,
                "mode",
                "auto",
                "running",
                true,
                "counter",
                0));
        client = new MqttAsyncClient(brokerUrl, "simulator-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new Callback());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 2);
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(COMMAND, 1).waitForCompletion(10_000);
        ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(this::tick, 0, 50, TimeUnit.MILLISECONDS);
    }

    /** Publishes any payload, e.g. one that is not JSON. */
    void publishRaw(String topic, String payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setRetained(true);
        message.setQos(1);
        client.publish(topic, message).waitForCompletion(10_000);
    }

    private void tick() {
        synchronized (state) {
            state.put("counter", counter.incrementAndGet());
            publishState();
        }
    }

    private void publishState() {
        if (!client.isConnected()) {
            return;
        }
        try {
            MqttMessage message = new MqttMessage(state.toString().getBytes(StandardCharsets.UTF_8));
            message.setRetained(true);
            message.setQos(0);
            client.publish(STATE, message);
        } catch (MqttException e) {
            // The broker is away: the next tick publishes again.
        }
    }

    private static void merge(ObjectNode target, JsonNode update) {
        Iterator<Map.Entry<String, JsonNode>> fields = update.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isObject() && target.get(field.getKey()) instanceof ObjectNode child) {
                merge(child, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    @Override
    public void close() throws MqttException {
        ticker.shutdownNow();
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close(true);
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            JsonNode command = JsonValues.MAPPER.readTree(message.getPayload());
            synchronized (state) {
                merge(state, command);
                publishState();
            }
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                try {
                    client.subscribe(COMMAND, 1);
                } catch (MqttException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            // Paho reconnects.
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            // Only logged by Paho.
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Fire and forget.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // Not used.
        }
    }
}
