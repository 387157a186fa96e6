package io.edgefleet.edge.link;

import io.edgefleet.edge.EdgeException;
import io.edgefleet.edge.outbox.PublishOutcome;
import io.edgefleet.protocol.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Eclipse Paho (MQTT 5) behind the few calls the link makes. Every Paho callback, whichever Paho
 * thread it comes on, is handed to the link's executor as an {@link Events} call, so the link's
 * state is only ever touched by its own thread. Paho's automatic reconnect and its file persistence
 * stay off: the link reconnects itself and the outbox is the persistence.
 */
final class PahoConnection {
    private static final Logger LOG = LoggerFactory.getLogger(PahoConnection.class);
    private static final int DEFAULT_RECEIVE_MAXIMUM = 65_535;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    /** What happened to the connection; called on the link's executor. */
    interface Events {
        void connected(int receiveMaximum);

        void connectFailed(Throwable failure);

        void subscribed(int session, int reasonCode);

        void subscribeFailed(int session, Throwable failure);

        void lost(String reason);

        void message(String topic, byte[] payload);
    }

    private final LinkSettings settings;
    private final Executor linkThread;
    private final Events events;
    private final MqttAsyncClient client;

    PahoConnection(LinkSettings settings, Executor linkThread, Events events) {
        this.settings = settings;
        this.linkThread = linkThread;
        this.events = events;
        try {
            this.client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw EdgeException.config(
                    "cannot use broker URL " + settings.brokerUrl() + ": " + e.getMessage(),
                    "set mqtt-url to tcp://host:port or ssl://host:port",
                    e);
        }
        client.setCallback(new Callback());
    }

    /** Starts connecting; the outcome arrives as {@link Events#connected} or {@link Events#connectFailed}. */
    void connect() {
        try {
            client.connect(options(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int receiveMaximum = Optional.ofNullable(token.getResponseProperties())
                            .map(MqttProperties::getReceiveMaximum)
                            .orElse(DEFAULT_RECEIVE_MAXIMUM);
                    post(() -> events.connected(receiveMaximum));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    post(() -> events.connectFailed(failure));
                }
            });
        } catch (MqttException | RuntimeException e) {
            post(() -> events.connectFailed(e));
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        options.setUserName(settings.username());
        options.setPassword(settings.password().reveal().getBytes(StandardCharsets.UTF_8));
        if (settings.tls()) {
            options.setSocketFactory(TlsSockets.factory(settings.trustStore(), settings.trustStorePassword()));
            options.setHttpsHostnameVerificationEnabled(true);
        }
        return options;
    }

    /** Subscribes at QoS 1; the broker's answer arrives as {@link Events#subscribed}. */
    void subscribe(String filter, int session) {
        try {
            client.subscribe(
                    new MqttSubscription[] {new MqttSubscription(filter, 1)},
                    null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            int[] codes = token.getReasonCodes();
                            int code = codes == null || codes.length == 0 ? 0 : codes[0];
                            post(() -> events.subscribed(session, code));
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable failure) {
                            post(() -> events.subscribeFailed(session, failure));
                        }
                    },
                    new MqttProperties());
        } catch (MqttException | RuntimeException e) {
            post(() -> events.subscribeFailed(session, e));
        }
    }

    /**
     * Publishes with the envelope's MQTT 5 content type.
     *
     * @param onBrokerDone runs on the link's executor once the broker confirmed the publish, or the
     *     client gave up on it
     */
    PublishOutcome publish(String topic, byte[] payload, int qos, Optional<Runnable> onBrokerDone) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        // A fresh properties object per message: Paho writes topic aliases into it.
        MqttProperties properties = new MqttProperties();
        properties.setContentType(Envelope.CONTENT_TYPE);
        message.setProperties(properties);
        MqttActionListener listener = onBrokerDone
                .<MqttActionListener>map(done -> new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        post(done);
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable failure) {
                        post(done);
                    }
                })
                .orElse(null);
        try {
            client.publish(topic, message, null, listener);
            return new PublishOutcome.Sent();
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                return new PublishOutcome.Busy();
            }
            return new PublishOutcome.Failed(e.getMessage());
        } catch (RuntimeException e) {
            return new PublishOutcome.Failed(e.toString());
        }
    }

    /** Drops the connection at once (a broken session); no {@link Events#lost} follows. */
    void drop() {
        try {
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("forced disconnect failed", e);
        }
    }

    /** Disconnects politely when connected, then releases the client; blocks for at most about 1.5 s. */
    void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(500).waitForCompletion(1000);
            } else {
                client.disconnectForcibly(0, 100, false);
            }
        } catch (MqttException | RuntimeException e) {
            LOG.debug("disconnect failed", e);
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("closing the MQTT client failed", e);
        }
    }

    private void post(Runnable work) {
        try {
            linkThread.execute(work);
        } catch (RejectedExecutionException e) {
            // The link is closed: late callbacks from Paho have nothing left to do.
            LOG.trace("link closed, dropped a late Paho callback");
        }
    }

    /** A readable reason, with the root cause and, for refused credentials, what to do. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        boolean tls = false;
        for (int depth = 0; root.getCause() != null && depth < 10; depth++) {
            root = root.getCause();
            tls |= root instanceof SSLException;
        }
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (!root.equals(failure) && root.getMessage() != null) {
            text += " (" + root.getMessage() + ")";
        }
        if (tls) {
            text += "; TLS failed: is the broker's certificate in mqtt-trust-store, and does it name this host?";
        }
        if (failure instanceof MqttException mqtt && (mqtt.getReasonCode() == 134 || mqtt.getReasonCode() == 135)) {
            text += "; the broker refused this node's credentials: was the node deleted or enrolled again"
                    + " elsewhere? Then move the data directory aside and enroll with a new token";
        }
        return text;
    }

    /** Paho's callbacks, on Paho's threads. */
    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            String reason = response.getException() != null
                    ? describe(response.getException())
                    : "broker disconnected (reason code " + response.getReturnCode() + ")";
            post(() -> events.lost(reason));
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.debug("MQTT error: {}", exception.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload();
            post(() -> events.message(topic, payload));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            LOG.trace("delivered message {}", token.getMessageId());
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.trace("connected to {}", serverUri);
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            LOG.debug("unexpected AUTH packet, reason code {}", reasonCode);
        }
    }
}
