package io.edgefleet.server.link.mqtt;

import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.Names;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.Topics;
import io.edgefleet.server.link.EdgeLink;
import io.edgefleet.server.link.LinkState;
import io.edgefleet.server.link.RateLimitedLog;
import io.edgefleet.server.link.RejectedMessage;
import io.edgefleet.server.link.UpstreamHandler;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT-direct binding (DESIGN section 3): an Eclipse Paho MQTT 5 client that subscribes to
 * every node's events, telemetry and command responses through shared subscriptions, so that the
 * members of a server cluster split the traffic, and publishes commands to single nodes.
 *
 * <p>Every message is validated ({@link InboundValidator}) before the handler sees it; refusals are
 * counted, logged at most 20 times a minute ({@code EF2001}) and reported to the handler. A handler
 * that throws is logged ({@code EF2002}) and the link goes on.
 */
public final class MqttEdgeLink implements EdgeLink {

    private static final Logger LOG = LoggerFactory.getLogger(MqttEdgeLink.class);

    /** What the server subscribes to, shared among cluster members. */
    static final List<String> FILTERS = List.of(
            Topics.sharedFilter(Topics.ALL_EVENTS),
            Topics.sharedFilter(Topics.ALL_TELEMETRY),
            Topics.sharedFilter(Topics.ALL_COMMAND_RESPONSES));

    /** Room for MQTT headers and properties on top of the codec's payload limit. */
    private static final long PACKET_OVERHEAD_BYTES = 64 * 1024;

    private final MqttLinkConfig config;
    private final ProtocolCodec codec;
    private final InboundValidator validator;
    private final Optional<SSLSocketFactory> tls;
    private final LinkCounters counters = new LinkCounters();
    private final RateLimitedLog refusals = RateLimitedLog.perMinute(LOG, "EF2001");
    private final RateLimitedLog handlerFailures = RateLimitedLog.perMinute(LOG, "EF2002");
    private final RateLimitedLog sendFailures = RateLimitedLog.perMinute(LOG, "EF2004");
    private final Object lifecycle = new Object();
    private volatile UpstreamHandler handler;
    private volatile ReconnectingClient client;
    private volatile boolean closed;

    /**
     * Checks the configuration and loads the trust store; connects only on {@link #start}.
     *
     * @throws io.edgefleet.server.link.LinkException {@code link-tls-config} when the trust store
     *     cannot be read
     */
    public MqttEdgeLink(MqttLinkConfig config, ProtocolCodec codec) {
        this.config = Objects.requireNonNull(config, "config");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.validator = new InboundValidator(codec);
        this.tls = config.tls()
                ? TlsSockets.forTrustStore(config.trustStore(), config.trustStorePassword())
                : Optional.empty();
    }

    @Override
    public void start(UpstreamHandler upstream) {
        Objects.requireNonNull(upstream, "handler");
        ReconnectingClient started;
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("link " + config.clientId() + " is closed");
            }
            if (client != null) {
                throw new IllegalStateException("link " + config.clientId() + " is already started");
            }
            this.handler = upstream;
            started = new ReconnectingClient(
                    config,
                    tls,
                    codec.maxMessageBytes() * 4L + PACKET_OVERHEAD_BYTES,
                    FILTERS,
                    new Listener(),
                    Backoff.DEFAULT,
                    this::housekeeping);
            this.client = started;
        }
        started.start();
    }

    @Override
    public boolean sendCommand(String tenant, Envelope command) {
        return sendCommand(tenant, command, RequestIds.next());
    }

    @Override
    public boolean sendCommand(String tenant, Envelope command, String requestId) {
        Objects.requireNonNull(command, "command");
        if (!RequestIds.isValid(requestId)) {
            throw new IllegalArgumentException("a request id is 1 to 64 characters of [0-9a-z]");
        }
        // Both become topic levels: a wildcard or separator in them would address other nodes.
        if (!Names.isValid(tenant) || !Names.isValid(command.node())) {
            throw new IllegalArgumentException("tenant and node must be valid names");
        }
        MessageKind kind = command.kind();
        if (kind.channel() != MessageKind.Channel.COMMAND) {
            throw new IllegalArgumentException("kind '" + kind.wireName() + "' is not a command");
        }
        ReconnectingClient current = client;
        if (current == null || current.state() != LinkState.CONNECTED) {
            return false;
        }
        String topic = Topics.commandRequest(tenant, command.node(), requestId, kind.wireName());
        MqttProperties properties = new MqttProperties();
        properties.setContentType(Envelope.CONTENT_TYPE);
        MqttMessage message = new MqttMessage(codec.encode(command), 1, false, properties);
        boolean accepted = current.publish(topic, message, new SendOutcome(topic));
        if (accepted) {
            counters.commandSent();
        }
        return accepted;
    }

    @Override
    public LinkState state() {
        ReconnectingClient current = client;
        if (closed) {
            return LinkState.CLOSED;
        }
        return current == null ? LinkState.DISCONNECTED : current.state();
    }

    /** Refused messages by {@link RejectedMessage#code()}, since the link was created. */
    public Map<String, Long> rejectedCounts() {
        return counters.rejectedCounts();
    }

    /** Every message that arrived on the link's subscriptions, accepted or refused. */
    public long receivedCount() {
        return counters.receivedCount();
    }

    /** Messages handed to {@link UpstreamHandler#onMessage}. */
    public long acceptedCount() {
        return counters.acceptedCount();
    }

    /** Calls into the handler that threw. */
    public long handlerFailureCount() {
        return counters.handlerFailureCount();
    }

    /** Commands handed to the client for sending. */
    public long commandsSentCount() {
        return counters.commandsSentCount();
    }

    @Override
    public void close() {
        ReconnectingClient current;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            current = client;
        }
        if (current != null) {
            current.close();
        }
        housekeeping();
    }

    private void housekeeping() {
        refusals.flush();
        handlerFailures.flush();
        sendFailures.flush();
    }

    private void onMessage(String topic, MqttMessage message) {
        counters.received();
        UpstreamHandler upstream = handler;
        switch (validator.validate(topic, message.getPayload())) {
            case InboundValidator.Outcome.Accepted accepted -> {
                counters.accepted();
                try {
                    upstream.onMessage(accepted.message());
                } catch (RuntimeException e) {
                    handlerFailed("message from " + InboundValidator.printable(topic), e);
                }
            }
            case InboundValidator.Outcome.Refused refused -> {
                RejectedMessage rejected = refused.rejected();
                counters.rejected(rejected.code());
                refusals.warn(
                        "EF2001 refused message on {}: {} {}", rejected.topic(), rejected.code(), rejected.reason());
                try {
                    upstream.onRejected(rejected);
                } catch (RuntimeException e) {
                    handlerFailed("refusal on " + rejected.topic(), e);
                }
            }
        }
    }

    private void onState(LinkState state) {
        UpstreamHandler upstream = handler;
        if (upstream == null) {
            return;
        }
        try {
            upstream.onLinkStateChanged(state);
        } catch (RuntimeException e) {
            handlerFailed("link state " + state, e);
        }
    }

    private void handlerFailed(String what, RuntimeException e) {
        counters.handlerFailed();
        handlerFailures.warn("EF2002 upstream handler failed on {} (link goes on): {}", what, e.toString(), e);
    }

    /** Bridges the client's callbacks to this link. */
    private final class Listener implements ReconnectingClient.Listener {
        @Override
        public void onState(LinkState state) {
            MqttEdgeLink.this.onState(state);
        }

        @Override
        public void onMessage(String topic, MqttMessage message) {
            MqttEdgeLink.this.onMessage(topic, message);
        }
    }

    /** Logs a command the broker did not take; the node asks again with hello when it reconnects. */
    private final class SendOutcome implements MqttActionListener {
        private final String topic;

        SendOutcome(String topic) {
            this.topic = topic;
        }

        @Override
        public void onSuccess(IMqttToken token) {
            // Delivered to the broker.
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
            sendFailures.warn(
                    "EF2004 command on {} was not taken by the broker: {}",
                    topic,
                    failure == null ? "unknown" : failure.toString());
        }
    }

    @Override
    public String toString() {
        return "MqttEdgeLink[" + config + ", state=" + state() + "]";
    }
}
