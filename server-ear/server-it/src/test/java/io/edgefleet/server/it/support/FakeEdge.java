package io.edgefleet.server.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.DecodeResult;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Heartbeat;
import io.edgefleet.protocol.MessageBody;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A plain Paho MQTT 5 client playing an edge node: the peer of the server under test, not part of it.
 * Records every command the server sends to it.
 */
public final class FakeEdge implements AutoCloseable {
    private static final ProtocolCodec CODEC = new ProtocolCodec();

    /** A command as it arrived: topic and decoded envelope. */
    public record Command(String topic, Envelope envelope) {}

    private final String tenant;
    private final String node;
    private final MqttClient client;
    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private volatile Thread heartbeats;

    private FakeEdge(String url, String tenant, String node) throws MqttException {
        this.tenant = tenant;
        this.node = node;
        this.client = new MqttClient(url, "edge." + tenant + "." + node, new MemoryPersistence());
        client.setCallback(new Recorder());
    }

    /** Connects with the credentials of an enrollment and subscribes to the node's commands. */
    /** Connects as {@code node} with what enrolling it answered (broker URL, tenant and credentials). */
    public static FakeEdge connect(JsonNode enrollment, String node) throws MqttException {
        return connect(
                enrollment.path("mqttUrl").asText(),
                enrollment.path("tenant").asText(),
                node,
                enrollment.path("username").asText(),
                enrollment.path("password").asText());
    }

    public static FakeEdge connect(String url, String tenant, String node, String username, String password)
            throws MqttException {
        FakeEdge edge = new FakeEdge(url, tenant, node);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(username);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        try {
            edge.client.connect(options);
        } catch (MqttException e) {
            edge.client.close(true);
            throw e;
        }
        edge.client.subscribe(Topics.commandRequestFilter(tenant, node), 1);
        return edge;
    }

    public void send(Envelope envelope) throws MqttException {
        String topic =
                switch (envelope.kind().channel()) {
                    case EVENT -> Topics.event(tenant, node);
                    case TELEMETRY -> Topics.telemetry(tenant, node);
                    default -> throw new IllegalArgumentException("use respond() for " + envelope.kind());
                };
        publish(
                topic,
                CODEC.encode(envelope),
                envelope.kind().channel() == io.edgefleet.protocol.MessageKind.Channel.EVENT ? 1 : 0);
    }

    /**
     * Heartbeats every second from now until {@link #close()}, as a real node sends them: without
     * them the node's lease runs out whenever a slow machine makes a test pause, and an Offline node
     * changes what the server does (a rollout takes it first, for one).
     */
    public FakeEdge keepAlive() {
        heartbeats = Thread.ofVirtual().name("fake-edge-heartbeat-" + node).start(() -> {
            while (!Thread.currentThread().isInterrupted() && client.isConnected()) {
                try {
                    send(Envelope.of(node, Instant.now(), new Heartbeat(0)));
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (MqttException e) {
                    return;
                }
            }
        });
        return this;
    }

    public void hello(MessageBody hello) throws MqttException {
        send(Envelope.of(node, Instant.now(), hello));
    }

    /** A command response on {@code command/{t}/{n}/res/{reqId}/{status}}. */
    public void respond(String requestId, int status, MessageBody body) throws MqttException {
        publish(
                Topics.commandResponse(tenant, node, requestId, status),
                CODEC.encode(Envelope.of(node, Instant.now(), body)),
                1);
    }

    /** Any bytes on any topic, for malformed and hostile messages. */
    public void publish(String topic, byte[] payload, int qos) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        MqttProperties properties = new MqttProperties();
        properties.setContentType(Envelope.CONTENT_TYPE);
        message.setProperties(properties);
        client.publish(topic, message);
    }

    public String eventTopic() {
        return Topics.event(tenant, node);
    }

    public List<Command> commands() {
        return List.copyOf(commands);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        Thread beating = heartbeats;
        if (beating != null) {
            beating.interrupt();
        }
        try {
            if (client.isConnected()) {
                client.disconnect(2000);
            }
            client.close(true);
        } catch (MqttException e) {
            // A test peer that cannot close cleanly does not change any test's outcome.
            System.err.println("closing the fake edge " + node + ": " + e.getMessage());
        }
    }

    private final class Recorder implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (CODEC.decode(message.getPayload()) instanceof DecodeResult.Decoded decoded) {
                commands.add(new Command(topic, decoded.envelope()));
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {}

        @Override
        public void mqttErrorOccurred(MqttException exception) {}

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
