package io.edgefleet.systemtest.harness;

import io.edgefleet.protocol.Ack;
import io.edgefleet.protocol.DecodeResult;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.MessageBody;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.Sync;
import io.edgefleet.protocol.SyncResult;
import io.edgefleet.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Semaphore;
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
 * One edge node on the wire, without the daemon's store: connects with the credentials of its
 * enrollment, sends {@code hello}, then reliable messages with gapless sequence numbers, at most
 * {@code window} unacknowledged (the daemon's max-inflight), and answers {@code sync} with the version
 * it was given. It remembers which kinds the answer to {@code hello} named ({@link #serverAccepts}). A load generator for the server; it keeps nothing durable, so it suits runs without
 * reconnects (a lost ack stalls it, which {@link #stalledFor} shows).
 */
public final class SimulatedNode implements AutoCloseable {
    private static final ProtocolCodec CODEC = new ProtocolCodec();

    private final FleetApi.Enrollment enrollment;
    private final MqttAsyncClient client;
    private final Semaphore window;
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong lastProgressNanos = new AtomicLong(System.nanoTime());
    private final java.util.concurrent.CompletableFuture<java.util.List<String>> accepts =
            new java.util.concurrent.CompletableFuture<>();
    private long nextSeq = 1;

    private SimulatedNode(FleetApi.Enrollment enrollment, int window) throws MqttException {
        this.enrollment = enrollment;
        this.window = new Semaphore(window);
        this.client = new MqttAsyncClient(
                enrollment.mqttUrl(), "edge." + enrollment.tenant() + "." + enrollment.node(), new MemoryPersistence());
        client.setCallback(new Commands());
    }

    /** Connects, subscribes to the node's commands and sends {@code hello}. */
    public static SimulatedNode connect(FleetApi.Enrollment enrollment, int window) {
        try {
            SimulatedNode node = new SimulatedNode(enrollment, window);
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName(enrollment.username());
            options.setPassword(enrollment.password().getBytes(StandardCharsets.UTF_8));
            options.setCleanStart(true);
            options.setAutomaticReconnect(false);
            options.setConnectionTimeout(10);
            options.setKeepAliveInterval(30);
            node.client.connect(options).waitForCompletion(15_000);
            node.client
                    .subscribe(Topics.commandRequestFilter(enrollment.tenant(), enrollment.node()), 1)
                    .waitForCompletion(15_000);
            node.publish(
                    Topics.event(enrollment.tenant(), enrollment.node()),
                    Envelope.of(enrollment.node(), Instant.now(), new Hello("bench", 0, 0, Instant.now())));
            return node;
        } catch (MqttException e) {
            throw new IllegalStateException("node " + enrollment.node() + " cannot connect: " + e.getMessage(), e);
        }
    }

    public String name() {
        return enrollment.node();
    }

    /**
     * Sends one reliable message once the window has room; false when none came within {@code
     * waitMillis} (the caller decides whether to give up).
     */
    public boolean sendReliable(MessageBody body, long waitMillis) throws InterruptedException {
        if (!window.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        long seq;
        synchronized (this) {
            seq = nextSeq++;
        }
        publish(
                Topics.event(enrollment.tenant(), enrollment.node()),
                Envelope.reliable(enrollment.node(), seq, Instant.now(), body));
        return true;
    }

    /**
     * Whether the server named {@code kind} in its answer to {@code hello} (the daemon sends a
     * negotiated kind only then); waits up to 15 s for that answer.
     */
    public boolean serverAccepts(MessageKind kind) {
        if (!kind.negotiated()) {
            return true;
        }
        try {
            return accepts.get(15, TimeUnit.SECONDS).contains(kind.wireName());
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("node " + enrollment.node() + " got no answer to hello", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The highest sequence number the server acknowledged (applied and committed). */
    public long acked() {
        return acked.get();
    }

    /** How long no acknowledgement advanced, while messages waited for one. */
    public long stalledFor(TimeUnit unit) {
        synchronized (this) {
            if (acked.get() >= nextSeq - 1) {
                return 0;
            }
        }
        return unit.convert(System.nanoTime() - lastProgressNanos.get(), TimeUnit.NANOSECONDS);
    }

    private void publish(String topic, Envelope envelope) {
        MqttMessage message = new MqttMessage(CODEC.encode(envelope));
        message.setQos(1);
        MqttProperties properties = new MqttProperties();
        properties.setContentType(Envelope.CONTENT_TYPE);
        message.setProperties(properties);
        try {
            client.publish(topic, message);
        } catch (MqttException e) {
            throw new IllegalStateException("node " + enrollment.node() + " cannot publish: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(5000);
            }
            client.close(true);
        } catch (MqttException e) {
            // A load generator that cannot close cleanly changes no figure.
            System.err.println("closing simulated node " + enrollment.node() + ": " + e.getMessage());
        }
    }

    private final class Commands implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (!(CODEC.decode(message.getPayload()) instanceof DecodeResult.Decoded decoded)) {
                return;
            }
            switch (decoded.envelope().body()) {
                case Ack ack -> {
                    // The first ack answers hello; only that one names the kinds the server accepts.
                    accepts.complete(ack.accepts().orElse(java.util.List.of()));
                    long before = acked.getAndAccumulate(ack.upToSeq(), Math::max);
                    if (ack.upToSeq() > before) {
                        lastProgressNanos.set(System.nanoTime());
                        window.release((int) (ack.upToSeq() - before));
                    }
                }
                case Sync sync -> {
                    String requestId = Topics.parse(topic)
                            .map(Topics.TopicAddress::requestId)
                            .orElse("");
                    if (!requestId.isEmpty()) {
                        publish(
                                Topics.commandResponse(enrollment.tenant(), enrollment.node(), requestId, 200),
                                Envelope.of(enrollment.node(), Instant.now(), new SyncResult(sync.toVersion())));
                    }
                }
                default -> {
                    // telemetry-ack and the rest: nothing to do for a node without a buffer.
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            System.err.println("simulated node " + enrollment.node() + " disconnected: " + response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            System.err.println("simulated node " + enrollment.node() + ": " + exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
