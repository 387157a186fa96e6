package io.edgefleet.edge.link;

import io.edgefleet.edge.outbox.Outbox;
import io.edgefleet.edge.outbox.OutboxEntry;
import io.edgefleet.edge.outbox.OutboxSender;
import io.edgefleet.edge.outbox.PublishOutcome;
import io.edgefleet.edge.outbox.ServerKinds;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.protocol.Ack;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Heartbeat;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.MessageBody;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's connection to the cloud over MQTT 5. Runs its own reconnect loop (exponential backoff
 * with full jitter, reset after a stable connection) instead of Paho's. On every connect it
 * subscribes to this node's commands, sends {@code hello}, starts heartbeats and lets the {@link
 * OutboxSender} resume once the server's first {@code ack} arrives.
 *
 * <p>Everything that changes state runs on one thread of its own ("edge-link"); {@link
 * PahoConnection} hands every callback to it. That keeps the sender, the session and the timers
 * free of locks.
 */
public final class MqttLink implements AutoCloseable, PahoConnection.Events {
    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);

    /** A connection that lasted this long resets the backoff. */
    static final Duration STABLE_CONNECTION = Duration.ofSeconds(10);
    /** Broker slots kept free of outbox entries for hello and command responses. */
    private static final int RESERVED_BROKER_SLOTS = 2;

    private static final long CLOSE_TIMEOUT_MS = 3000;

    private enum Phase {
        NEW,
        CONNECTING,
        SUBSCRIBING,
        CONNECTED,
        WAITING,
        STOPPED
    }

    private final LinkSettings settings;
    private final Outbox outbox;
    private final ProtocolCodec codec;
    private final Clock clock;
    private final Supplier<Hello> hello;
    private final OutboxSender sender;
    private final CommandRouter router;
    private final LinkStateRecorder recorder;
    private final Backoff backoff;
    private final ScheduledExecutorService executor;
    private final PahoConnection connection;

    private Phase phase = Phase.NEW;
    private int session;
    private int receiveMaximum;
    private int helloResends;
    private Instant connectedAt = Instant.EPOCH;
    private Optional<ScheduledFuture<?>> heartbeatTask = Optional.empty();
    private Optional<ScheduledFuture<?>> tickTask = Optional.empty();
    private volatile boolean connected;

    /**
     * @param hello builds the {@code hello} for each new session (applied version, last seq, …)
     * @param handlers command handlers by kind; {@code ack} is handled here
     * @param serverKinds learns from the answer to {@code hello} which kinds the server accepts
     */
    public MqttLink(
            LinkSettings settings,
            Outbox outbox,
            EdgeStore store,
            ProtocolCodec codec,
            Clock clock,
            Supplier<Hello> hello,
            Map<MessageKind, CommandHandler> handlers,
            ServerKinds serverKinds) {
        this.settings = settings;
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
        this.hello = hello;
        this.sender = new OutboxSender(outbox, settings.maxInflight(), settings.ackTimeout(), clock);
        Map<MessageKind, CommandHandler> all = new EnumMap<>(MessageKind.class);
        all.putAll(handlers);
        all.put(MessageKind.ACK, command -> {
            Ack ack = (Ack) command.body();
            serverKinds.onAck(ack, sender.awaitingHelloAnswer());
            sender.onAck(ack.upToSeq());
            return new CommandOutcome.NoReply();
        });
        this.router = new CommandRouter(settings.tenant(), settings.node(), codec, clock, all);
        this.recorder = new LinkStateRecorder(store);
        this.backoff = new Backoff(settings.reconnectMin(), settings.reconnectMax(), new SplittableRandom());
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "edge-link");
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.connection = new PahoConnection(settings, this::post, this);
        } catch (RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
        outbox.onAppend(() -> post(sender::onAppended));
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        post(() -> {
            recorder.record(LinkState.DISCONNECTED, clock.instant());
            connect();
        });
    }

    /** Whether the link is connected to the broker and subscribed now. */
    public boolean connected() {
        return connected;
    }

    /**
     * Publishes a message of a non-reliable telemetry-channel kind ({@code telemetry-batch}) on this
     * node's telemetry topic at QoS 1, outside the outbox: its sender keeps its own buffer and resends.
     * Completes with {@link PublishOutcome.Failed} when not connected.
     */
    public java.util.concurrent.CompletionStage<PublishOutcome> publishTelemetry(MessageBody body) {
        MessageKind kind = MessageKind.of(body);
        if (kind.reliable() || kind.channel() != MessageKind.Channel.TELEMETRY) {
            throw new IllegalArgumentException(kind.wireName() + " is not a non-reliable telemetry kind");
        }
        java.util.concurrent.CompletableFuture<PublishOutcome> outcome = new java.util.concurrent.CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    outcome.complete(
                            phase != Phase.CONNECTED
                                    ? new PublishOutcome.Failed("not connected")
                                    : connection.publish(
                                            Topics.telemetry(settings.tenant(), settings.node()),
                                            codec.encode(Envelope.of(settings.node(), clock.instant(), body)),
                                            1,
                                            Optional.empty()));
                } catch (RuntimeException e) {
                    outcome.complete(new PublishOutcome.Failed(e.toString()));
                }
            });
        } catch (RejectedExecutionException e) {
            outcome.complete(new PublishOutcome.Failed("link closed"));
        }
        return outcome;
    }

    /** Downstream messages refused since start (malformed, wrong node, wrong channel). */
    public long refusedCount() {
        return router.refusedCount();
    }

    // ---- connection lifecycle, on the link thread ----

    private void connect() {
        if (phase == Phase.STOPPED) {
            return;
        }
        phase = Phase.CONNECTING;
        connection.connect();
    }

    @Override
    public void connected(int brokerReceiveMaximum) {
        if (phase != Phase.CONNECTING) {
            return;
        }
        phase = Phase.SUBSCRIBING;
        session++;
        receiveMaximum = brokerReceiveMaximum;
        connectedAt = clock.instant();
        // Subscribe before hello: the server's answer to hello must find the subscription in place.
        connection.subscribe(Topics.commandRequestFilter(settings.tenant(), settings.node()), session);
    }

    @Override
    public void subscribed(int forSession, int reasonCode) {
        if (forSession != session || phase != Phase.SUBSCRIBING) {
            return;
        }
        if (reasonCode >= 0x80) {
            LOG.error(
                    "EF3204 the broker refused the subscription to {} (reason code {}): check the node's ACL",
                    Topics.commandRequestFilter(settings.tenant(), settings.node()),
                    reasonCode);
            dropSession("subscription refused");
            return;
        }
        phase = Phase.CONNECTED;
        connected = true;
        recorder.record(LinkState.CONNECTED, connectedAt);
        LOG.info("EF3201 connected to {} as {}", settings.brokerUrl(), settings.clientId());
        helloResends = 0;
        sendHello();
        sender.sessionStarted(this::publishEntry, Math.max(1, receiveMaximum - RESERVED_BROKER_SLOTS));
        long heartbeatMs = settings.heartbeat().toMillis();
        heartbeatTask = Optional.of(
                executor.scheduleAtFixedRate(this::sendHeartbeat, heartbeatMs, heartbeatMs, TimeUnit.MILLISECONDS));
        long tickMs = Math.clamp(settings.ackTimeout().toMillis() / 5, 100, 1000);
        tickTask = Optional.of(executor.scheduleWithFixedDelay(this::tick, tickMs, tickMs, TimeUnit.MILLISECONDS));
    }

    @Override
    public void subscribeFailed(int forSession, Throwable failure) {
        if (forSession == session && phase == Phase.SUBSCRIBING) {
            dropSession("cannot subscribe to commands: " + PahoConnection.describe(failure));
        }
    }

    @Override
    public void connectFailed(Throwable failure) {
        if (phase != Phase.CONNECTING) {
            return;
        }
        Duration delay = backoff.nextDelay();
        LOG.warn(
                "EF3203 cannot connect to {}: {}; retrying in {} ms (attempt {})",
                settings.brokerUrl(),
                PahoConnection.describe(failure),
                delay.toMillis(),
                backoff.attempts());
        waitAndReconnect(delay);
    }

    @Override
    public void lost(String reason) {
        if (phase != Phase.CONNECTED && phase != Phase.SUBSCRIBING) {
            return;
        }
        endSession();
        Instant now = clock.instant();
        recorder.record(LinkState.DISCONNECTED, now);
        Duration lasted = Duration.between(connectedAt, now);
        if (lasted.compareTo(STABLE_CONNECTION) >= 0) {
            backoff.reset();
        }
        Duration delay = backoff.nextDelay();
        LOG.warn(
                "EF3202 connection to {} lost after {} s: {}; reconnecting in {} ms",
                settings.brokerUrl(),
                lasted.toSeconds(),
                reason,
                delay.toMillis());
        waitAndReconnect(delay);
    }

    private void dropSession(String reason) {
        connection.drop();
        lost(reason);
    }

    private void waitAndReconnect(Duration delay) {
        phase = Phase.WAITING;
        executor.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void endSession() {
        connected = false;
        heartbeatTask.ifPresent(task -> task.cancel(false));
        tickTask.ifPresent(task -> task.cancel(false));
        heartbeatTask = Optional.empty();
        tickTask = Optional.empty();
        sender.sessionEnded();
    }

    // ---- traffic, on the link thread ----

    private void sendHello() {
        Envelope envelope = Envelope.of(settings.node(), clock.instant(), hello.get());
        PublishOutcome outcome = connection.publish(
                Topics.event(settings.tenant(), settings.node()), codec.encode(envelope), 1, Optional.empty());
        LOG.debug("hello sent: {}", outcome);
    }

    private void sendHeartbeat() {
        try {
            Envelope envelope = Envelope.of(settings.node(), clock.instant(), new Heartbeat(outbox.depth()));
            connection.publish(
                    Topics.telemetry(settings.tenant(), settings.node()), codec.encode(envelope), 0, Optional.empty());
        } catch (RuntimeException e) {
            // A lost heartbeat is harmless (the lease spans several); a dead timer is not.
            LOG.warn("EF3208 heartbeat failed: {}", e.toString());
        }
    }

    private void tick() {
        try {
            if (sender.tick()) {
                // Said once per session: a server that is down for hours must not flood the log.
                if (helloResends++ == 0) {
                    LOG.info(
                            "EF3209 no answer to hello within {} s (is the server running?): sending it again"
                                    + " every {} s",
                            settings.ackTimeout().toSeconds(),
                            settings.ackTimeout().toSeconds());
                }
                sendHello();
                sender.helloResent();
            }
        } catch (RuntimeException e) {
            LOG.warn("EF3208 outbox timer failed: {}", e.toString());
        }
    }

    private PublishOutcome publishEntry(OutboxEntry entry) {
        MessageKind.Channel channel =
                MessageKind.fromWireName(entry.kind()).map(MessageKind::channel).orElse(MessageKind.Channel.EVENT);
        String topic = channel == MessageKind.Channel.TELEMETRY
                ? Topics.telemetry(settings.tenant(), settings.node())
                : Topics.event(settings.tenant(), settings.node());
        int forSession = session;
        return connection.publish(topic, entry.payload(), 1, Optional.of(() -> {
            if (forSession == session && phase == Phase.CONNECTED) {
                sender.onBrokerAck();
            }
        }));
    }

    @Override
    public void message(String topic, byte[] payload) {
        try {
            if (router.route(topic, payload) instanceof CommandRouter.Routed.Handled handled
                    && handled.response().isPresent()) {
                CommandRouter.Response response = handled.response().get();
                PublishOutcome outcome =
                        connection.publish(response.topic(), codec.encode(response.envelope()), 1, Optional.empty());
                if (!(outcome instanceof PublishOutcome.Sent)) {
                    LOG.warn("EF3206 command response to {} not sent: {}", response.topic(), outcome);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("EF3206 command on {} failed: {}", topic, e.toString());
        }
    }

    private void post(Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("EF3200 link task failed: {}", e.toString(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Closed: an append or a late callback has nothing left to wake.
            LOG.trace("link closed, dropped a task");
        }
    }

    /** Stops heartbeats, disconnects and records the link as stopped; returns within a few seconds. */
    @Override
    public void close() {
        try {
            executor.submit(this::shutdown).get(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("link already closed");
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("EF3200 link did not stop cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdownNow();
        }
    }

    private void shutdown() {
        phase = Phase.STOPPED;
        endSession();
        connection.close();
        recorder.record(LinkState.STOPPED, clock.instant());
        LOG.info("EF3219 link stopped");
    }
}
