package io.edgefleet.edge.device.bus;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.edge.device.DeviceFeed;
import io.edgefleet.edge.link.Backoff;
import io.edgefleet.protocol.device.DeviceState;
import io.edgefleet.protocol.device.ReportedValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's local bus (DESIGN section 5, the job of KubeEdge's EventBus): device readings, states
 * and twin deltas published, retained, on an MQTT broker on this PC for the workloads beside the
 * daemon, and desired values taken from them through the {@code set} path. It is a {@link
 * DeviceFeed}: the device workers only hand it their news ({@link BusState}, never waiting); one
 * thread ({@code edge-local-bus}) connects, reconnects with backoff, and publishes; one more
 * ({@code edge-local-bus-in}) applies set messages off Paho's threads. The cloud link, the twin
 * and telemetry do not depend on it in any way.
 */
public final class LocalBus implements DeviceFeed, AutoCloseable {
    static final byte[] ONLINE = "Online".getBytes(StandardCharsets.UTF_8);
    static final byte[] OFFLINE = "Offline".getBytes(StandardCharsets.UTF_8);

    private static final Logger LOG = LoggerFactory.getLogger(LocalBus.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration WINDOW_WAIT = Duration.ofSeconds(5);

    private final BusSettings settings;
    private final BusTopics topics;
    private final BusState state;
    private final Backoff backoff;
    private final ThreadPoolExecutor inbound;
    private final Object sleeper = new Object();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong overflow = new AtomicLong();
    private volatile boolean closed;
    private volatile Optional<Session> session = Optional.empty();
    private Thread thread;
    private SetHandler handler;
    private long reportedSuperseded;
    private long reportedDropped;

    /** One connection and whether the broker has ended it. */
    private static final class Session {
        final BusClient client;
        volatile Optional<String> lost = Optional.empty();

        Session(BusClient client) {
            this.client = client;
        }
    }

    /** Takes device news from now on; nothing is connected before {@link #start}. */
    public LocalBus(BusSettings settings) {
        this.settings = settings;
        this.topics = settings.topics();
        this.state = new BusState(settings.maxTopics(), settings.maxAnswers());
        this.backoff = new Backoff(settings.reconnectMin(), settings.reconnectMax(), new SplittableRandom());
        this.inbound = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.maxInbound()),
                Thread.ofVirtual().name("edge-local-bus-in").factory());
        state.retain(topics.daemonState(), ONLINE);
    }

    /** Starts connecting in the background; set messages go to {@code setter}. */
    public void start(DesiredSetter setter) {
        handler = new SetHandler(setter);
        thread = Thread.ofPlatform().daemon().name("edge-local-bus").start(this::run);
        LOG.info(
                "EF3869 local bus on {} (topics {}devices/..., client id {})",
                settings.url(),
                topics.prefix(),
                settings.clientId());
    }

    public BusTopics topics() {
        return topics;
    }

    public BusCounters counters() {
        return new BusCounters(
                connected(),
                published.get(),
                state.superseded(),
                state.dropped(),
                accepted.get(),
                refused.get(),
                connects.get());
    }

    /** Whether the daemon is connected to the local broker now. */
    public boolean connected() {
        return session.filter(s -> s.lost.isEmpty()).isPresent();
    }

    @Override
    public void readings(String device, List<ReportedValue> readings) {
        for (ReportedValue reading : readings) {
            state.retain(topics.reported(device, reading.property()), BusPayloads.reported(reading));
        }
    }

    @Override
    public void state(String device, DeviceState deviceState) {
        state.retain(topics.state(device), BusPayloads.state(deviceState));
    }

    @Override
    public void twin(String device, Map<String, JsonNode> desired, Map<String, ReportedValue> reported) {
        state.retain(topics.delta(device), BusPayloads.delta(BusPayloads.delta(desired, reported)));
    }

    @Override
    public void removed(String device) {
        state.forget(topics.device(device));
    }

    private void run() {
        Optional<String> lastFailure = Optional.empty();
        while (!closed) {
            try {
                if (session.isEmpty()) {
                    Optional<String> failure = connect();
                    if (failure.isPresent()) {
                        Duration wait = backoff.nextDelay();
                        if (failure.equals(lastFailure)) {
                            LOG.debug("local bus {} still unreachable: {}", settings.url(), failure.get());
                        } else {
                            LOG.warn(
                                    "EF3861 local bus {} unreachable: {}; retrying in {} ms, then with backoff",
                                    settings.url(),
                                    failure.get(),
                                    wait.toMillis());
                        }
                        lastFailure = failure;
                        sleep(wait);
                        continue;
                    }
                    lastFailure = Optional.empty();
                }
                publishNext(session.orElseThrow());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("EF3868 local bus task failed: {}", e.toString(), e);
                session.ifPresent(s -> s.lost = Optional.of("internal error"));
            }
        }
        session.ifPresent(s -> {
            if (s.lost.isEmpty()) {
                s.client.publishNow(topics.daemonState(), OFFLINE);
            }
            s.client.close();
        });
        session = Optional.empty();
    }

    private Optional<String> connect() {
        Listener listener = new Listener();
        Session next;
        try {
            next = new Session(BusClient.create(settings, listener));
        } catch (MqttException | IllegalArgumentException e) {
            return Optional.of("cannot use " + settings.url() + ": " + e.getMessage());
        }
        listener.owner = next;
        Optional<String> failure = next.client.connect();
        if (failure.isPresent()) {
            next.client.close();
            return failure;
        }
        next.client
                .subscribe(topics.setFilter())
                .ifPresent(refusal -> LOG.warn(
                        "EF3866 local bus broker refused the subscription to {} ({}): workloads cannot set desired"
                                + " values; check the broker's ACL",
                        topics.setFilter(),
                        refusal));
        backoff.reset();
        state.republishAll();
        session = Optional.of(next);
        connects.incrementAndGet();
        long superseded = state.superseded();
        long dropped = state.dropped();
        LOG.info(
                "EF3860 local bus connected to {}; publishing the retained state again ({} updates superseded, {}"
                        + " messages dropped since the last connection)",
                settings.url(),
                superseded - reportedSuperseded,
                dropped - reportedDropped);
        reportedSuperseded = superseded;
        reportedDropped = dropped;
        return Optional.empty();
    }

    private void publishNext(Session current) throws InterruptedException {
        if (current.lost.isPresent()) {
            LOG.warn("EF3862 local bus connection lost ({}); reconnecting", current.lost.get());
            current.client.close();
            session = Optional.empty();
            return;
        }
        Optional<BusMessage> next = state.take(POLL);
        if (next.isEmpty()) {
            return;
        }
        BusMessage message = next.get();
        if (!current.client.reserve(WINDOW_WAIT)) {
            state.retry(message); // the broker confirms nothing: the connection is checked on the next turn
            return;
        }
        boolean sent = current.client.publish(message, confirmed -> {
            if (confirmed) {
                published.incrementAndGet();
                state.delivered(message);
            } else {
                state.failed(message);
            }
        });
        if (!sent) {
            state.retry(message);
            if (!current.client.connected() && current.lost.isEmpty()) {
                current.lost = Optional.of("the client is no longer connected");
            }
        }
    }

    private void sleep(Duration wait) throws InterruptedException {
        synchronized (sleeper) {
            if (!closed) {
                sleeper.wait(Math.max(1, wait.toMillis()));
            }
        }
    }

    private void applySet(String device, byte[] payload, String by, Optional<byte[]> correlation) {
        for (SetResult result : handler.handle(device, payload, by)) {
            (result.accepted() ? accepted : refused).incrementAndGet();
            state.answer(new BusMessage(topics.result(device), BusPayloads.result(result), false, correlation));
        }
    }

    /**
     * Paho's events of one session, on Paho's threads: noted, or handed to the inbound thread, at
     * once. A late event of an old session touches only that session.
     */
    private final class Listener implements BusClient.Listener {
        private volatile Session owner;

        @Override
        public void lost(String reason) {
            Session s = owner;
            if (s != null && s.lost.isEmpty()) {
                s.lost = Optional.of(reason);
            }
            state.poke();
        }

        @Override
        public void message(String topic, MqttMessage message) {
            Optional<String> device = topics.setDevice(topic);
            if (device.isEmpty() || message.isRetained()) {
                // Only set topics are subscribed to, without retained messages; anything else is not a request.
                LOG.debug("local bus message on {} ignored (retained: {})", topic, message.isRetained());
                return;
            }
            byte[] payload = message.getPayload();
            String by = SetHandler.by(userProperty(message, SetHandler.CLIENT_PROPERTY));
            Optional<byte[]> correlation =
                    Optional.ofNullable(message.getProperties()).map(p -> p.getCorrelationData());
            try {
                inbound.execute(() -> applySet(device.get(), payload, by, correlation));
            } catch (RejectedExecutionException e) {
                state.countDropped();
                long dropped = overflow.incrementAndGet();
                if (dropped % 100 == 1) {
                    LOG.warn(
                            "EF3865 local bus set messages arrive faster than they can be applied: {} dropped"
                                    + " (at most {} wait)",
                            dropped,
                            settings.maxInbound());
                }
            }
        }
    }

    private static Optional<String> userProperty(MqttMessage message, String key) {
        return Optional.ofNullable(message.getProperties())
                .map(p -> p.getUserProperties())
                .flatMap(list -> list.stream()
                        .filter(u -> key.equals(u.getKey()))
                        .map(UserProperty::getValue)
                        .findFirst());
    }

    /**
     * Publishes {@code Offline} on the daemon's topic, disconnects, and stops both threads; waits 3 s
     * at most (the daemon's stop must stay within 5 s), even for a connect to a host that does not answer.
     */
    @Override
    public void close() {
        closed = true;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        state.poke();
        if (thread != null) {
            try {
                if (!thread.join(Duration.ofSeconds(3))) {
                    LOG.warn("EF3868 local bus thread did not stop within 3 s; it ends when its connect attempt does");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        inbound.shutdownNow();
        try {
            inbound.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("EF3867 local bus stopped: {}", counters());
    }
}
