package io.edgefleet.server.link.mqtt;

import io.edgefleet.server.link.LinkState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocketFactory;
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
 * One Paho MQTT 5 client that stays connected: connects with clean start, subscribes, and after any
 * failure or loss retries with {@link Backoff} until closed. Paho's own automatic reconnect is not
 * used because it neither adds jitter nor re-subscribes a clean session.
 *
 * <p>All connection attempts run on one scheduler thread, so they never overlap; Paho's callbacks
 * only schedule work there.
 */
final class ReconnectingClient implements MqttCallback {

    /** Receives what the client sees. Implementations never throw. */
    interface Listener {
        void onState(LinkState state);

        void onMessage(String topic, MqttMessage message);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingClient.class);
    private static final int KEEP_ALIVE_SECONDS = 30;
    private static final int PAHO_THREADS = 8;
    private static final long DISCONNECT_QUIESCE_MILLIS = 500;
    private static final long CLOSE_WAIT_MILLIS = 2_000;
    private static final Duration HOUSEKEEPING_PERIOD = Duration.ofMinutes(1);

    private final MqttLinkConfig config;
    private final List<String> filters;
    private final Listener listener;
    private final Backoff backoff;
    private final ScheduledThreadPoolExecutor pahoThreads;
    private final ScheduledExecutorService scheduler;
    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final AtomicReference<LinkState> state = new AtomicReference<>(LinkState.DISCONNECTED);
    private final AtomicBoolean retryScheduled = new AtomicBoolean();
    private volatile boolean closed;
    /** Touched on the scheduler thread only. */
    private int failedAttempts;

    ReconnectingClient(
            MqttLinkConfig config,
            Optional<SSLSocketFactory> tls,
            long maxPacketBytes,
            List<String> filters,
            Listener listener,
            Backoff backoff,
            Runnable housekeeping) {
        this.config = config;
        this.filters = List.copyOf(filters);
        this.listener = listener;
        this.backoff = backoff;
        String threadPrefix = "edgefleet-mqtt-" + config.clientId();
        this.pahoThreads = LinkThreads.forPaho(threadPrefix, PAHO_THREADS);
        this.pahoThreads.setKeepAliveTime(30, TimeUnit.SECONDS);
        this.pahoThreads.allowCoreThreadTimeOut(true);
        this.scheduler = new ScheduledThreadPoolExecutor(1, LinkThreads.named(threadPrefix + "-link"));
        try {
            this.client = new MqttAsyncClient(
                    config.serverUri(), config.clientId(), new MemoryPersistence(), null, pahoThreads);
        } catch (MqttException e) {
            shutdownThreads();
            throw new IllegalArgumentException("cannot create an MQTT client for " + config.serverUri(), e);
        }
        this.client.setCallback(this);
        this.options = options(config, tls, maxPacketBytes);
        this.scheduler.scheduleAtFixedRate(
                () -> runQuietly(housekeeping),
                HOUSEKEEPING_PERIOD.toMillis(),
                HOUSEKEEPING_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static MqttConnectionOptions options(
            MqttLinkConfig config, Optional<SSLSocketFactory> tls, long maxPacketBytes) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        options.setConnectionTimeout((int) Math.max(1, (config.connectTimeout().toMillis() + 999) / 1000));
        options.setReceiveMaximum(config.maxInflight());
        // Larger packets are dropped by the broker instead of being read into our memory; the codec
        // refuses (and counts) anything between its limit and this one.
        options.setMaximumPacketSize(maxPacketBytes);
        config.username().ifPresent(options::setUserName);
        config.password().ifPresent(p -> options.setPassword(p.getBytes(StandardCharsets.UTF_8)));
        tls.ifPresent(options::setSocketFactory);
        return options;
    }

    /** Makes the first attempt and waits for its outcome; later attempts run in the background. */
    void start() {
        setState(LinkState.CONNECTING);
        Future<?> first = scheduler.submit(this::attempt);
        try {
            first.get(config.connectTimeout().toMillis() * 2 + CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("first connection attempt of {} did not finish in time", config.clientId(), e);
        }
    }

    LinkState state() {
        return state.get();
    }

    /**
     * Publishes without waiting for the broker's acknowledgement.
     *
     * @return false when not connected or when Paho refuses the message (e.g. too many in flight)
     */
    boolean publish(String topic, MqttMessage message, MqttActionListener onOutcome) {
        if (state.get() != LinkState.CONNECTED) {
            return false;
        }
        try {
            client.publish(topic, message, null, onOutcome);
            return true;
        } catch (MqttException e) {
            LOG.debug("publish to {} refused by the client: {}", topic, e.toString());
            return false;
        }
    }

    private void attempt() {
        retryScheduled.set(false);
        if (closed || (client.isConnected() && state.get() == LinkState.CONNECTED)) {
            return;
        }
        try {
            client.connect(options).waitForCompletion(waitMillis());
            subscribe();
            failedAttempts = 0;
            LOG.info("EF2008 link {} connected to {}", config.clientId(), config.serverUri());
            setState(LinkState.CONNECTED);
        } catch (MqttException | SubscriptionRefusedException | RuntimeException e) {
            if (closed) {
                return;
            }
            failedAttempts++;
            dropConnection();
            setState(LinkState.DISCONNECTED);
            Duration delay = backoff.delay(failedAttempts, ThreadLocalRandom.current()::nextDouble);
            if (failedAttempts == 1 || failedAttempts % 10 == 0) {
                LOG.warn(
                        "EF2005 link {} cannot connect to {} (attempt {}), retrying in {} ms: {}",
                        config.clientId(),
                        config.serverUri(),
                        failedAttempts,
                        delay.toMillis(),
                        e.toString());
            }
            scheduleRetry(delay);
        }
    }

    private void subscribe() throws MqttException, SubscriptionRefusedException {
        MqttSubscription[] subscriptions =
                filters.stream().map(f -> new MqttSubscription(f, 1)).toArray(MqttSubscription[]::new);
        IMqttToken token = client.subscribe(subscriptions);
        token.waitForCompletion(waitMillis());
        int[] codes = token.getReasonCodes();
        for (int i = 0; i < filters.size(); i++) {
            int code = codes != null && codes.length > i ? codes[i] : 0x80;
            if (code >= 0x80) {
                LOG.error(
                        "EF2006 broker {} refused subscription {} of link {} (reason code 0x{}): check the"
                                + " server's broker credentials and ACL",
                        config.serverUri(),
                        filters.get(i),
                        config.clientId(),
                        Integer.toHexString(code));
                throw new SubscriptionRefusedException(filters.get(i), code);
            }
        }
    }

    private long waitMillis() {
        return config.connectTimeout().toMillis() + CLOSE_WAIT_MILLIS;
    }

    /** After a failed attempt Paho may be half connected; reset it so that the next connect starts clean. */
    private void dropConnection() {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, DISCONNECT_QUIESCE_MILLIS, false);
            }
        } catch (MqttException e) {
            LOG.debug("forced disconnect of {} failed: {}", config.clientId(), e.toString());
        }
    }

    private void scheduleRetry(Duration delay) {
        if (closed || !retryScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            retryScheduled.set(false);
            LOG.debug("link {} is closing; no retry", config.clientId());
        }
    }

    private void setState(LinkState next) {
        LinkState previous = state.getAndSet(next);
        if (previous != next) {
            listener.onState(next);
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        if (closed) {
            return;
        }
        LOG.warn(
                "EF2007 link {} lost its connection to {}: {}; reconnecting",
                config.clientId(),
                config.serverUri(),
                describe(response));
        setState(LinkState.DISCONNECTED);
        scheduleRetry(backoff.delay(1, ThreadLocalRandom.current()::nextDouble));
    }

    private static String describe(MqttDisconnectResponse response) {
        if (response == null) {
            return "no reason given";
        }
        if (response.getException() != null) {
            return response.getException().toString();
        }
        return "broker sent DISCONNECT, reason code 0x" + Integer.toHexString(response.getReturnCode())
                + Optional.ofNullable(response.getReasonString())
                        .map(r -> " (" + r + ")")
                        .orElse("");
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.debug("MQTT error on link {}: {}", config.clientId(), exception.toString());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        // Paho drops the connection when this throws, so nothing may escape.
        try {
            listener.onMessage(topic, message);
        } catch (RuntimeException e) {
            LOG.error("EF2002 link {} failed on a message from {}", config.clientId(), topic, e);
        }
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // Outcomes of sends are reported through each publish's own listener.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // The attempt itself subscribes and reports the state, on the scheduler thread.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication.
    }

    /** Disconnects and stops every thread of this client within a few seconds. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(DISCONNECT_QUIESCE_MILLIS).waitForCompletion(CLOSE_WAIT_MILLIS);
            }
        } catch (MqttException e) {
            LOG.debug("disconnect of {} failed: {}", config.clientId(), e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close of {} failed: {}", config.clientId(), e.toString());
        }
        shutdownThreads();
        setState(LinkState.CLOSED);
    }

    private void shutdownThreads() {
        scheduler.shutdownNow();
        pahoThreads.shutdownNow();
        try {
            boolean done = scheduler.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)
                    & pahoThreads.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (!done) {
                LOG.warn("EF2009 link {} threads did not stop within {} ms", config.clientId(), CLOSE_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.debug("housekeeping failed", e);
        }
    }

    /** The broker answered a SUBSCRIBE with a failure reason code. */
    static final class SubscriptionRefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        SubscriptionRefusedException(String filter, int code) {
            super("subscription " + filter + " refused with reason code 0x" + Integer.toHexString(code));
        }
    }

    @Override
    public String toString() {
        return "ReconnectingClient[" + Objects.toString(config.clientId()) + " -> " + config.serverUri() + "]";
    }
}
