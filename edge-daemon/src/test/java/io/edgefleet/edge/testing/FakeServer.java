package io.edgefleet.edge.testing;

import io.edgefleet.protocol.Ack;
import io.edgefleet.protocol.DecodeResult;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.MessageBody;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.Topics;
import io.edgefleet.testsupport.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * Plays the server's side of the protocol with a plain Paho client: receives what edges send,
 * sends commands. The real server is built elsewhere; this keeps the daemon's tests independent.
 */
public final class FakeServer implements AutoCloseable {
    /** One upstream message, decoded. */
    public record Received(String topic, Envelope envelope, Instant at, String contentType) {
        public MessageKind kind() {
            return envelope.kind();
        }
    }

    private final ProtocolCodec codec = new ProtocolCodec();
    private final MqttAsyncClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private FakeServer(MqttAsyncClient client) {
        this.client = client;
    }

    public static FakeServer connect(String brokerUrl) {
        try {
            MqttAsyncClient client =
                    new MqttAsyncClient(brokerUrl, "fake-server-" + UUID.randomUUID(), new MemoryPersistence());
            FakeServer server = new FakeServer(client);
            client.setCallback(server.new Callback());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            client.connect(options).waitForCompletion(10_000);
            client.subscribe(
                            new String[] {Topics.ALL_EVENTS, Topics.ALL_TELEMETRY, Topics.ALL_COMMAND_RESPONSES},
                            new int[] {1, 1, 1})
                    .waitForCompletion(10_000);
            return server;
        } catch (MqttException e) {
            throw new AssertionError("fake server cannot connect to " + brokerUrl + ": " + e, e);
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(MessageKind kind) {
        return received.stream().filter(r -> r.kind() == kind).toList();
    }

    /** Sequence numbers of the reliable messages received, in arrival order. */
    public List<Long> seqs() {
        return received.stream()
                .filter(r -> r.kind().reliable())
                .map(r -> r.envelope().seq())
                .toList();
    }

    /** Messages that did not decode, and client errors. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public void clear() {
        received.clear();
    }

    public Received await(MessageKind kind, int count, Duration timeout) {
        Wait.until(
                count + " " + kind.wireName() + " message(s)",
                timeout,
                () -> received(kind).size() >= count);
        return received(kind).get(count - 1);
    }

    public void ack(String tenant, String node, long upToSeq) {
        command(tenant, node, new Ack(upToSeq));
    }

    /** Sends a command; returns its request id. */
    public String command(String tenant, String node, MessageBody body) {
        String requestId = UUID.randomUUID().toString();
        Envelope envelope = Envelope.of(node, Instant.now(), body);
        publish(Topics.commandRequest(tenant, node, requestId, envelope.kind().wireName()), codec.encode(envelope));
        return requestId;
    }

    public void publish(String topic, byte[] payload) {
        try {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            MqttProperties properties = new MqttProperties();
            properties.setContentType(Envelope.CONTENT_TYPE);
            message.setProperties(properties);
            IMqttToken token = client.publish(topic, message);
            token.waitForCompletion(10_000);
        } catch (MqttException e) {
            throw new AssertionError("fake server cannot publish to " + topic + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(200).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            problems.add("disconnect: " + e); // the broker may already be gone
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            problems.add("close: " + e);
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            // Tests reconnect with a new fake server after a broker restart.
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            // Not expected; a test notices missing messages.
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            switch (codec.decode(message.getPayload())) {
                case DecodeResult.Decoded decoded -> {
                    MqttProperties properties = message.getProperties();
                    String contentType = properties == null || properties.getContentType() == null
                            ? ""
                            : properties.getContentType();
                    received.add(new Received(topic, decoded.envelope(), Instant.now(), contentType));
                }
                case DecodeResult.Rejected rejected -> problems.add(topic + ": " + rejected);
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Commands are published synchronously.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // Connected synchronously in connect().
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication.
        }
    }
}
