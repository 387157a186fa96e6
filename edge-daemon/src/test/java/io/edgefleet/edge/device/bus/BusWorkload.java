package io.edgefleet.edge.device.bus;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * A workload on the same PC as the daemon, as its author would write it: a plain Paho MQTT 5 client
 * that subscribes to the bus's topics and publishes set messages. What the bus is tested against.
 */
final class BusWorkload implements AutoCloseable {
    /** One message as the workload received it. */
    record Received(String topic, String payload, boolean retained, Optional<String> correlation) {}

    private final MqttClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private BusWorkload(MqttClient client) {
        this.client = client;
    }

    static BusWorkload connect(String url, String... filters) {
        try {
            MqttClient client = new MqttClient(url, "workload-" + UUID.randomUUID(), new MemoryPersistence());
            BusWorkload workload = new BusWorkload(client);
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            client.connect(options);
            for (String filter : filters) {
                client.subscribe(
                        new MqttSubscription[] {new MqttSubscription(filter, 1)},
                        new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {workload::arrived});
            }
            return workload;
        } catch (MqttException e) {
            throw new IllegalStateException("workload cannot connect to " + url, e);
        }
    }

    private void arrived(String topic, MqttMessage message) {
        Optional<String> correlation = Optional.ofNullable(message.getProperties())
                .map(MqttProperties::getCorrelationData)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        received.add(new Received(
                topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.isRetained(), correlation));
    }

    /** Publishes a set message as {@code client} (MQTT 5 user property), with correlation data. */
    void set(String topic, String json, Optional<String> client, String correlation) {
        MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        MqttProperties properties = new MqttProperties();
        client.ifPresent(c -> properties.setUserProperties(List.of(new UserProperty("client", c))));
        properties.setCorrelationData(correlation.getBytes(StandardCharsets.UTF_8));
        message.setProperties(properties);
        try {
            this.client.publish(topic, message);
        } catch (MqttException e) {
            throw new IllegalStateException("workload cannot publish", e);
        }
    }

    List<Received> received(String topic) {
        return received.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    Optional<Received> latest(String topic) {
        List<Received> on = received(topic);
        return on.isEmpty() ? Optional.empty() : Optional.of(on.getLast());
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        } catch (MqttException e) {
            // the broker may be gone already: nothing left to close
        }
    }
}
