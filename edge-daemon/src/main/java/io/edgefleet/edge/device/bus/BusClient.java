package io.edgefleet.edge.device.bus;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
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
 * One MQTT 5 connection to the local broker (Eclipse Paho), used for one session and then closed;
 * the bus makes a new one to reconnect, so nothing of a broken session lingers. Paho's automatic
 * reconnect and persistence stay off: the bus reconnects itself, and what it publishes is state it
 * holds anyway. At most {@link #WINDOW} QoS 1 publishes are unconfirmed, below Mosquitto's default
 * of 20, so Paho never refuses one for a full in-flight window.
 */
final class BusClient {
    static final int WINDOW = 16;
    private static final Logger LOG = LoggerFactory.getLogger(BusClient.class);
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final int KEEP_ALIVE_SECONDS = 30;
    private static final long WAIT_MS = 5_000;

    /** What the broker does to this connection; called on Paho's threads. */
    interface Listener {
        void lost(String reason);

        void message(String topic, MqttMessage message);
    }

    private final MqttAsyncClient client;
    private final BusSettings settings;
    private final Semaphore window = new Semaphore(WINDOW);

    private BusClient(MqttAsyncClient client, BusSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** A client for the configured broker; nothing is connected yet. */
    static BusClient create(BusSettings settings, Listener listener) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
        client.setCallback(new Callback(listener));
        return new BusClient(client, settings);
    }

    /** Connects and waits for the broker's answer; the failure in words when there is none. */
    Optional<String> connect() {
        try {
            client.connect(options()).waitForCompletion(WAIT_MS + CONNECT_TIMEOUT_SECONDS * 1000L);
            return Optional.empty();
        } catch (MqttException | RuntimeException e) {
            return Optional.of(describe(e));
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        settings.username().ifPresent(options::setUserName);
        settings.password().ifPresent(p -> options.setPassword(p.reveal().getBytes(StandardCharsets.UTF_8)));
        // If the daemon dies, the broker itself tells workloads that the device topics went stale.
        MqttMessage will = new MqttMessage(LocalBus.OFFLINE);
        will.setQos(1);
        will.setRetained(true);
        options.setWill(settings.topics().daemonState(), will);
        return options;
    }

    /**
     * Subscribes at QoS 1 without the retained messages the filter matches now (retain handling 2):
     * a set a workload left retained must not be applied again at every reconnect.
     */
    Optional<String> subscribe(String filter) {
        MqttSubscription subscription = new MqttSubscription(filter, 1);
        subscription.setRetainHandling(2);
        try {
            IMqttToken token =
                    client.subscribe(new MqttSubscription[] {subscription}, null, null, new MqttProperties());
            token.waitForCompletion(WAIT_MS);
            int[] codes = token.getReasonCodes();
            int code = codes == null || codes.length == 0 ? 0 : codes[0];
            return code >= 0x80 ? Optional.of("reason code " + code) : Optional.empty();
        } catch (MqttException | RuntimeException e) {
            return Optional.of(describe(e));
        }
    }

    /** Waits up to {@code wait} for room in the publish window. */
    boolean reserve(Duration wait) throws InterruptedException {
        return window.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Publishes at QoS 1 in a slot {@link #reserve}d before; {@code done} gets whether the broker
     * confirmed it, on a Paho thread. False when the client refused it at once ({@code done} is
     * not called then).
     */
    boolean publish(BusMessage message, Consumer<Boolean> done) {
        MqttMessage mqtt = new MqttMessage(message.payload());
        mqtt.setQos(1);
        mqtt.setRetained(message.retained());
        MqttProperties properties = new MqttProperties();
        if (!message.retained()) {
            properties.setContentType("application/json");
        }
        message.correlation().ifPresent(properties::setCorrelationData);
        mqtt.setProperties(properties);
        try {
            client.publish(message.topic(), mqtt, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    window.release();
                    done.accept(true);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    window.release();
                    done.accept(false);
                }
            });
            return true;
        } catch (MqttException | RuntimeException e) {
            window.release();
            LOG.debug("local bus publish to {} refused: {}", message.topic(), e.toString());
            return false;
        }
    }

    /** Publishes once and waits briefly (the daemon's last word before it disconnects). */
    void publishNow(String topic, byte[] payload) {
        try {
            client.publish(topic, payload, 1, true).waitForCompletion(1000);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("last publish to {} failed: {}", topic, e.toString());
        }
    }

    boolean connected() {
        return client.isConnected();
    }

    /** Disconnects politely when connected, then frees the client's threads; at most about 2 s. */
    void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(500).waitForCompletion(1000);
            } else {
                client.disconnectForcibly(0, 100, false);
            }
        } catch (MqttException | RuntimeException e) {
            LOG.debug("local bus disconnect failed: {}", e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("closing the local bus client failed: {}", e.toString());
        }
    }

    /** A readable reason with the root cause, and what to check for refused credentials. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < 10; depth++) {
            root = root.getCause();
        }
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (!root.equals(failure) && root.getMessage() != null) {
            text += " (" + root.getMessage() + ")";
        }
        if (failure instanceof MqttException mqtt && (mqtt.getReasonCode() == 134 || mqtt.getReasonCode() == 135)) {
            text += "; the broker refused the credentials: check local-bus-username and local-bus-password";
        }
        return text;
    }

    /** Paho's callbacks, on Paho's threads: handed on at once. */
    private record Callback(Listener listener) implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            listener.lost(
                    response.getException() != null
                            ? describe(response.getException())
                            : "broker disconnected (reason code " + response.getReturnCode() + ")");
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.debug("local bus MQTT error: {}", exception.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            listener.message(topic, message);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // confirmations arrive through each publish's own listener
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // the bus learns of the connection from connect() returning
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            LOG.debug("unexpected AUTH packet from the local bus broker, reason code {}", reasonCode);
        }
    }
}
