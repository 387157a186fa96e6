package io.edgefleet.driver.mqtt;

import io.edgefleet.driver.Conversion;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DriverException;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.SessionState;
import io.edgefleet.driver.Subscription;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.WriteCheck;
import io.edgefleet.driver.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open connection to one MQTT device through its broker.
 *
 * <p>The session subscribes to every state topic of the device and keeps the last payload of each
 * with the time it arrived; reads answer from there (ERROR before any state arrived or when the
 * payload does not hold the property, STALE when older than {@code stale-after-ms} or while the
 * broker is away). Paho reconnects on its own; the session then subscribes again (the broker may
 * have lost the subscriptions) and its state goes RECONNECTING → CONNECTED.
 */
final class MqttDeviceSession implements DriverSession {
    private static final Logger LOG = LoggerFactory.getLogger(MqttDeviceSession.class);

    private final DeviceConnection connection;
    private final MqttSettings settings;
    private final Map<String, MqttProperty> properties = new LinkedHashMap<>();
    private final Set<String> stateTopics;
    private final MqttAsyncClient client;
    private final Map<String, TopicState> states = new ConcurrentHashMap<>();
    private final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.CONNECTED);
    private final List<MqttWatch> watches = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;

    /** The last payload on a state topic and when it arrived. */
    private record TopicState(JsonValues.Parsed payload, Instant receivedAt) {}

    private MqttDeviceSession(DeviceConnection connection, MqttSettings settings, MqttAsyncClient client) {
        this.connection = connection;
        this.settings = settings;
        this.client = client;
        settings.properties().forEach(p -> properties.putIfAbsent(p.name(), p));
        this.stateTopics = settings.properties().stream()
                .map(MqttProperty::stateTopic)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mqtt-device-" + connection.device());
            thread.setDaemon(true);
            return thread;
        });
    }

    static MqttDeviceSession open(DeviceConnection connection, MqttSettings settings) {
        String clientId = settings.clientIdPrefix() + "-" + connection.device() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(settings.brokerUrl(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw DriverException.unreachable(
                    connection.device(), "cannot create an MQTT client: " + e.getMessage(), e);
        }
        MqttDeviceSession session = new MqttDeviceSession(connection, settings, client);
        client.setCallback(session.new Events());
        try {
            session.connect();
            session.subscribeStateTopics()
                    .waitForCompletion(connection.timeouts().request().toMillis());
        } catch (MqttException e) {
            session.close();
            throw connectFailure(connection, settings, e);
        }
        session.awaitFirstState();
        return session;
    }

    private void connect() throws MqttException {
        Duration connect = connection.timeouts().connect();
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        options.setConnectionTimeout((int) Math.max(1, (connect.toMillis() + 999) / 1000));
        options.setKeepAliveInterval(30);
        settings.username().ifPresent(options::setUserName);
        settings.password().ifPresent(p -> options.setPassword(p.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        client.connect(options).waitForCompletion(connect.toMillis());
    }

    private static DriverException connectFailure(DeviceConnection connection, MqttSettings settings, MqttException e) {
        if (e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_TIMEOUT) {
            DriverException plain =
                    DriverException.timeout(connection.device(), "no CONNACK from " + settings.brokerUrl());
            return new DriverException(plain.code(), plain.httpStatus(), plain.getMessage(), plain.hint(), e);
        }
        return DriverException.unreachable(
                connection.device(),
                "cannot connect to the broker " + settings.brokerUrl() + ": " + e.getMessage() + " (reason "
                        + e.getReasonCode() + ")",
                e);
    }

    private IMqttToken subscribeStateTopics() throws MqttException {
        String[] topics = stateTopics.toArray(String[]::new);
        int[] qos = new int[topics.length];
        java.util.Arrays.fill(qos, settings.qos());
        return client.subscribe(topics, qos);
    }

    /** Gives retained or frequent state a moment to arrive, so the first read has values. */
    private void awaitFirstState() {
        long deadline = System.nanoTime() + settings.firstStateWait().toNanos();
        while (!states.keySet().containsAll(stateTopics) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public DeviceConnection connection() {
        return connection;
    }

    @Override
    public SessionState state() {
        return state.get();
    }

    @Override
    public List<Reading> read(List<String> names) {
        requireOpen();
        Instant now = Instant.now();
        return names.stream().map(name -> readOne(name, now)).toList();
    }

    Reading readOne(String name, Instant now) {
        MqttProperty property = properties.get(name);
        if (property == null) {
            return Reading.error(name, "device '" + connection.device() + "' has no property '" + name + "'", now);
        }
        TopicState last = states.get(property.stateTopic());
        if (last == null) {
            return Reading.error(name, "no state received on topic " + property.stateTopic() + " yet", now);
        }
        if (last.payload() instanceof JsonValues.Parsed.NotJson(String reason)) {
            return Reading.error(name, "state on topic " + property.stateTopic() + ": " + reason, now);
        }
        JsonValues.Parsed.Json json = (JsonValues.Parsed.Json) last.payload();
        return switch (JsonValues.read(property, json.node())) {
            case Conversion.Failed failed ->
                Reading.error(name, "state on topic " + property.stateTopic() + ": " + failed.reason(), now);
            case Conversion.Converted converted -> qualify(name, converted.value(), last.receivedAt(), now);
        };
    }

    private Reading qualify(String name, TypedValue value, Instant receivedAt, Instant now) {
        if (state.get() != SessionState.CONNECTED) {
            return Reading.stale(name, value, receivedAt, "not connected to the broker " + settings.brokerUrl());
        }
        Duration age = Duration.between(receivedAt, now);
        if (!settings.staleAfter().isZero() && age.compareTo(settings.staleAfter()) > 0) {
            return Reading.stale(
                    name,
                    value,
                    receivedAt,
                    "no state for " + age.toMillis() + " ms (stale-after-ms="
                            + settings.staleAfter().toMillis() + ")");
        }
        return Reading.good(name, value, receivedAt);
    }

    @Override
    public WriteResult write(String property, TypedValue value) {
        requireOpen();
        return switch (WriteCheck.of(connection, property, value)) {
            case WriteCheck.Denied denied -> denied.refusal();
            case WriteCheck.Allowed allowed -> publish(properties.get(property), allowed.value());
        };
    }

    private WriteResult publish(MqttProperty property, TypedValue value) {
        Optional<String> topic = property.commandTopic();
        if (topic.isEmpty()) {
            return new WriteResult.Refused(
                    WriteResult.Refused.DEVICE_REFUSED, "property '" + property.name() + "' has no command topic");
        }
        if (!client.isConnected()) {
            return new WriteResult.Refused(
                    WriteResult.Refused.NOT_CONNECTED, "not connected to the broker " + settings.brokerUrl());
        }
        long timeout = connection.timeouts().request().toMillis();
        try {
            client.publish(topic.get(), JsonValues.command(property, value), settings.qos(), false)
                    .waitForCompletion(timeout);
            return new WriteResult.Written(value);
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_TIMEOUT) {
                return new WriteResult.Refused(
                        WriteResult.Refused.TIMEOUT,
                        "the broker did not acknowledge the command within " + timeout + " ms");
            }
            if (!client.isConnected()) {
                return new WriteResult.Refused(
                        WriteResult.Refused.NOT_CONNECTED, "lost the broker while publishing: " + e.getMessage());
            }
            return new WriteResult.Refused(
                    WriteResult.Refused.DEVICE_REFUSED, "the broker refused the command: " + e.getMessage());
        }
    }

    @Override
    public Optional<Subscription> subscribe(List<String> names, Duration interval, Consumer<Reading> listener) {
        Objects.requireNonNull(listener, "listener");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("subscribe to at least one property");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive, got " + interval);
        }
        synchronized (watches) {
            requireOpen();
            MqttWatch watch = new MqttWatch(this, names, interval, listener);
            watches.add(watch);
            Instant now = Instant.now();
            for (String name : names) {
                MqttProperty property = properties.get(name);
                if (property == null || states.containsKey(property.stateTopic())) {
                    watch.offer(readOne(name, now));
                }
            }
            watch.scheduledAs(scheduler.scheduleWithFixedDelay(
                    watch::flush, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS));
            return Optional.of(watch);
        }
    }

    Optional<String> stateTopicOf(String name) {
        return Optional.ofNullable(properties.get(name)).map(MqttProperty::stateTopic);
    }

    void forget(MqttWatch watch) {
        watches.remove(watch);
    }

    @Override
    public void close() {
        synchronized (watches) {
            if (state.getAndSet(SessionState.CLOSED) == SessionState.CLOSED) {
                return;
            }
        }
        watches.forEach(MqttWatch::close);
        scheduler.shutdownNow();
        long timeout = connection.timeouts().request().toMillis();
        try {
            if (client.isConnected()) {
                client.disconnect(timeout).waitForCompletion(timeout);
            }
        } catch (MqttException e) {
            LOG.debug("disconnect from {} did not complete cleanly", settings.brokerUrl(), e);
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("closing the MQTT client of {} failed", connection.device(), e);
        }
    }

    private void requireOpen() {
        if (state.get() == SessionState.CLOSED) {
            throw DriverException.sessionClosed(connection.device());
        }
    }

    /** Paho's events, on Paho's threads. */
    private final class Events implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            SessionState previous = state.getAndUpdate(s -> s == SessionState.CLOSED ? s : SessionState.RECONNECTING);
            if (previous == SessionState.CONNECTED) {
                LOG.warn(
                        "EF4201 MQTT device {} lost the broker {} ({}); reconnecting",
                        connection.device(),
                        settings.brokerUrl(),
                        response.getReasonString());
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.debug("MQTT error for device {}", connection.device(), exception);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            states.put(topic, new TopicState(JsonValues.parse(message.getPayload()), Instant.now()));
            Instant now = Instant.now();
            for (MqttWatch watch : watches) {
                watch.topicChanged(topic, name -> readOne(name, now));
            }
        }

        @Override
        public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {
            // Writes wait on their own token.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (!reconnect || state.get() == SessionState.CLOSED) {
                return;
            }
            try {
                // A clean session (or a restarted broker) has forgotten the subscriptions: make them again.
                subscribeStateTopics();
                state.compareAndSet(SessionState.RECONNECTING, SessionState.CONNECTED);
                LOG.info("EF4202 MQTT device {} is connected to {} again", connection.device(), serverUri);
            } catch (MqttException e) {
                LOG.warn("EF4203 MQTT device {}: cannot subscribe to its state topics again", connection.device(), e);
            }
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication.
        }
    }
}
