package io.edgefleet.server.link.testsupport;

import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The peer of the link under test: a plain Paho MQTT 5 client acting as an edge node (or, with the
 * server's credentials, as a privileged observer). Records what arrives on its subscriptions.
 */
public final class FakeNode implements AutoCloseable {

    /** A message as the node received it. */
    public record Received(String topic, byte[] payload, Optional<String> contentType, int qos) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private static final ProtocolCodec CODEC = new ProtocolCodec();

    private final String tenant;
    private final String node;
    private final MqttClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile MqttException closeFailure;

    private FakeNode(String tenant, String node, MqttClient client) {
        this.tenant = tenant;
        this.node = node;
        this.client = client;
    }

    /** Connects with clean start; throws the broker's refusal as an {@link MqttException}. */
    public static FakeNode connect(
            String url,
            String clientId,
            String tenant,
            String node,
            Optional<String> username,
            Optional<String> password)
            throws MqttException {
        return connect(url, clientId, tenant, node, username, password, true);
    }

    /**
     * @param cleanStart false keeps the session (and its queued QoS 1 messages) for an hour after
     *     the node disconnects
     */
    public static FakeNode connect(
            String url,
            String clientId,
            String tenant,
            String node,
            Optional<String> username,
            Optional<String> password,
            boolean cleanStart)
            throws MqttException {
        MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
        FakeNode fake = new FakeNode(tenant, node, client);
        client.setCallback(fake.new Recorder());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(cleanStart);
        options.setSessionExpiryInterval(cleanStart ? 0L : 3600L);
        options.setConnectionTimeout(5);
        options.setAutomaticReconnect(false);
        username.ifPresent(options::setUserName);
        password.ifPresent(p -> options.setPassword(p.getBytes(StandardCharsets.UTF_8)));
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return fake;
    }

    public String tenant() {
        return tenant;
    }

    public String node() {
        return node;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Publishes an envelope on the topic its kind travels on; QoS 1. */
    public void send(Envelope envelope) throws MqttException {
        MessageKind kind = envelope.kind();
        String topic =
                switch (kind.channel()) {
                    case EVENT -> Topics.event(tenant, node);
                    case TELEMETRY -> Topics.telemetry(tenant, node);
                    default -> throw new IllegalArgumentException("use publish() for " + kind);
                };
        publish(topic, CODEC.encode(envelope));
    }

    /** QoS 1 with the EdgeFleet content type; waits for the broker's PUBACK. */
    public void publish(String topic, byte[] payload) throws MqttException {
        MqttProperties properties = new MqttProperties();
        properties.setContentType(Envelope.CONTENT_TYPE);
        MqttMessage message = new MqttMessage(payload, 1, false, properties);
        client.publish(topic, message);
    }

    public void publish(String topic, String payload) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Subscribes with QoS 1 and returns the broker's reason code (0x80 and above: refused). */
    public int subscribe(String filter) throws MqttException {
        IMqttToken token = client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)});
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0x80 : codes[0];
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
        } catch (MqttException e) {
            closeFailure = e;
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            closeFailure = e;
        }
    }

    /** Why the last close was not clean, for debugging; tests do not depend on it. */
    public Optional<MqttException> closeFailure() {
        return Optional.ofNullable(closeFailure);
    }

    private final class Recorder implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(new Received(
                    topic,
                    message.getPayload(),
                    Optional.ofNullable(message.getProperties().getContentType()),
                    message.getQos()));
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            // tests look at isConnected()
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            // tests look at what arrived
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // sync client
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // nothing to do
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced auth
        }
    }
}
