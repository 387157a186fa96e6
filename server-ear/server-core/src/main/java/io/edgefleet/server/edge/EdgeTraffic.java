package io.edgefleet.server.edge;

import io.edgefleet.protocol.Ack;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Heartbeat;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.LogsResult;
import io.edgefleet.protocol.MessageBody;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.NodeEventReport;
import io.edgefleet.protocol.NodeStatusReport;
import io.edgefleet.protocol.SyncResult;
import io.edgefleet.protocol.TelemetryBatch;
import io.edgefleet.protocol.TwinReport;
import io.edgefleet.protocol.TwinReports;
import io.edgefleet.protocol.WorkloadStatusReport;
import io.edgefleet.server.link.InboundMessage;
import io.edgefleet.server.link.LinkState;
import io.edgefleet.server.link.RejectedMessage;
import io.edgefleet.server.link.UpstreamHandler;
import io.edgefleet.server.node.HeartbeatBuffer;
import io.edgefleet.server.node.NodeEvents;
import io.edgefleet.server.node.NodeTraffic;
import io.edgefleet.server.node.TrafficOutcome;
import io.edgefleet.server.sync.SyncPusher;
import io.edgefleet.server.telemetry.TelemetryTraffic;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import io.edgefleet.server.twin.TwinTraffic;
import io.edgefleet.server.workload.Rollouts;
import io.edgefleet.server.workload.WorkloadTraffic;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's {@link UpstreamHandler}: what happens to each message from an edge node. Called on the
 * link's threads, it only records heartbeats in memory and queues everything else per node (a
 * mailbox drained on a managed executor: a node's messages stay in order; nodes run in parallel).
 * A drain applies the {@code twin-report}s and {@code twin-reports} that queued up one after the other
 * in one transaction with one cumulative ack (decision records 0008, 0009); every other message is
 * applied in its own transaction.
 * The answer ({@code ack}, {@code sync}) goes out after the commit.
 */
public final class EdgeTraffic implements UpstreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeTraffic.class);

    private final NodeTraffic nodes;
    private final Tenants tenants;
    private final HeartbeatBuffer heartbeats;
    private final KeyedSerialExecutor executor;
    private final CommandSender commands;
    private final EdgeMetrics metrics;
    private final Clock clock;
    private final Throttle unknownWarnings;
    private final WorkloadSide workloads;
    private final TelemetryTraffic telemetry;
    private final TwinTraffic twins;
    private final NodeEvents nodeEvents;
    private final CommandAnswers answers;
    // Per node, the version the last sync-result reported: a node that answers without advancing (a
    // batch it could not apply) is not sent the same batch again at once; the catch-up retries later.
    private final Map<String, Long> lastReported = new ConcurrentHashMap<>();
    // Per node, the messages not yet taken by a drain, in arrival order. Every message also queues
    // one drain task, so a drain that finds its mailbox empty (an earlier one took the messages) is
    // a no-op and none is ever left waiting.
    private final Map<String, Queue<InboundMessage>> mailboxes = new ConcurrentHashMap<>();

    /**
     * At most this many messages per drain: bounds a transaction's size and the time the node's
     * row lock is held; what is left is taken by the next drain.
     */
    static final int MAX_DRAIN = 256;

    // Per node, twin reports that came after a gap, by the drain that found them: touched only by
    // the node's drains, which never run at once.
    private final Map<String, List<InboundMessage>> held = new ConcurrentHashMap<>();

    /** At most this many held reports per node (the lowest seqs); the edge resends the rest. */
    static final int MAX_HELD = 256;

    /** What edge traffic needs of workloads and sync. */
    public record WorkloadSide(SyncPusher sync, WorkloadTraffic traffic, Rollouts rollouts) {}

    public EdgeTraffic(
            NodeTraffic nodes,
            Tenants tenants,
            HeartbeatBuffer heartbeats,
            KeyedSerialExecutor executor,
            CommandSender commands,
            EdgeMetrics metrics,
            WorkloadSide workloads,
            TelemetryTraffic telemetry,
            TwinTraffic twins,
            NodeEvents nodeEvents,
            CommandAnswers answers,
            Clock clock) {
        this.nodes = nodes;
        this.tenants = tenants;
        this.heartbeats = heartbeats;
        this.executor = executor;
        this.commands = commands;
        this.metrics = metrics;
        this.workloads = workloads;
        this.telemetry = telemetry;
        this.twins = twins;
        this.nodeEvents = nodeEvents;
        this.answers = answers;
        this.clock = clock;
        this.unknownWarnings = new Throttle(Duration.ofMinutes(5), clock);
    }

    @Override
    public void onMessage(InboundMessage message) {
        metrics.received(message.envelope().kind());
        if (message.envelope().body() instanceof Heartbeat heartbeat) {
            heartbeats.record(new HeartbeatBuffer.Seen(
                    message.tenant(), message.node(), clock.instant(), heartbeat.outboxDepth()));
            return;
        }
        String key = message.tenant() + "/" + message.node();
        mailboxes.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).add(message);
        executor.execute(key, () -> drain(key));
    }

    /** Applies what waits in a node's mailbox: runs of twin reports as one batch each, the rest one by one. */
    void drain(String key) {
        Queue<InboundMessage> mailbox = mailboxes.get(key);
        List<InboundMessage> twinRun = new ArrayList<>();
        InboundMessage next;
        for (int taken = 0; taken < MAX_DRAIN && (next = mailbox.poll()) != null; taken++) {
            if (next.envelope().body() instanceof TwinReport || next.envelope().body() instanceof TwinReports) {
                twinRun.add(next);
                continue;
            }
            twinReports(key, twinRun);
            twinRun.clear();
            if (next.envelope().body() instanceof Hello) {
                // A new session: the edge resends whatever is unacknowledged, so nothing held from the
                // old one is needed (and none of it may apply to a stream that starts over).
                held.remove(key);
            }
            process(next);
        }
        // Also when no twin report came: a message applied above may have closed the gap held ones wait for.
        twinReports(key, twinRun);
    }

    /**
     * A run of twin reports, together with those held from earlier drains, in seq order (the broker
     * may deliver a node's messages out of order, see decision record 0008): the ones after a gap are
     * held again, unacknowledged, until the gap is filled or the edge resends them.
     */
    private void twinReports(String key, List<InboundMessage> fresh) {
        List<InboundMessage> waiting = held.getOrDefault(key, List.of());
        if (fresh.isEmpty() && waiting.isEmpty()) {
            return;
        }
        Map<Long, InboundMessage> bySeq = new TreeMap<>();
        waiting.forEach(m -> bySeq.put(m.envelope().seq(), m));
        fresh.forEach(m -> bySeq.put(m.envelope().seq(), m));
        List<InboundMessage> run = List.copyOf(bySeq.values());
        InboundMessage first = run.getFirst();
        try {
            Optional<TenantRef> tenant = tenants.find(first.tenant());
            if (tenant.isEmpty()) {
                held.remove(key);
                run.forEach(message -> unknown(message, "unknown-tenant"));
                return;
            }
            List<TwinTraffic.Sequenced> reports = run.stream()
                    .map(m -> new TwinTraffic.Sequenced(
                            m.envelope().seq(), devices(m.envelope().body())))
                    .toList();
            List<TrafficOutcome> outcomes = twins.twinReports(tenant.get(), first.node(), reports, clock.instant());
            long ackUpTo = 0;
            List<InboundMessage> stillWaiting = new ArrayList<>();
            for (int i = 0; i < run.size(); i++) {
                InboundMessage message = run.get(i);
                if (outcomes.get(i) instanceof TrafficOutcome.OutOfOrder) {
                    if (stillWaiting.size() < MAX_HELD) {
                        stillWaiting.add(message);
                    }
                    if (waiting.contains(message)) {
                        continue; // counted when it first came
                    }
                }
                ackUpTo = Math.max(ackUpTo, account(tenant.get(), message, outcomes.get(i)));
            }
            if (stillWaiting.isEmpty()) {
                held.remove(key);
            } else {
                held.put(key, stillWaiting);
            }
            // Acks are cumulative: the last one says everything the separate ones would have said.
            if (ackUpTo > 0) {
                send(tenant.get(), first.node(), new Ack(ackUpTo));
            }
        } catch (RuntimeException e) {
            // Nothing of the batch committed and nothing is acknowledged: the edge resends it all.
            held.remove(key);
            run.forEach(message -> metrics.dropped("failed"));
            LOG.warn(
                    "EF1006 could not apply {} twin-report(s) from node {} (seq {} to {}): {}",
                    run.size(),
                    first.node(),
                    first.envelope().seq(),
                    run.getLast().envelope().seq(),
                    rootMessage(e));
        }
    }

    /** The device reports a twin message carries: one for {@code twin-report}, several for {@code twin-reports}. */
    private static List<TwinReport> devices(MessageBody body) {
        return switch (body) {
            case TwinReport report -> List.of(report);
            case TwinReports reports -> reports.reports();
            default -> throw new IllegalArgumentException("not a twin message: " + MessageKind.of(body));
        };
    }

    @Override
    public void onRejected(RejectedMessage rejected) {
        metrics.refused(rejected.code());
    }

    @Override
    public void onLinkStateChanged(LinkState state) {
        LOG.info("EF2051 edge link {}", state);
    }

    void process(InboundMessage message) {
        try {
            Optional<TenantRef> tenant = tenants.find(message.tenant());
            if (tenant.isEmpty()) {
                unknown(message, "unknown-tenant");
                return;
            }
            apply(tenant.get(), message);
        } catch (RuntimeException e) {
            metrics.dropped("failed");
            // The edge resends reliable messages that were not acknowledged, so nothing is lost.
            LOG.warn(
                    "EF1006 could not apply {} from node {}: {}",
                    message.envelope().kind().wireName(),
                    message.node(),
                    rootMessage(e));
        }
    }

    private void apply(TenantRef tenant, InboundMessage message) {
        Envelope envelope = message.envelope();
        MessageBody body = envelope.body();
        String node = message.node();
        switch (body) {
            case Hello hello -> {
                TrafficOutcome outcome = nodes.hello(tenant, node, hello, clock.instant());
                if (outcome instanceof TrafficOutcome.Recorded recorded) {
                    online(tenant, node, recorded.cameOnline());
                    // The answer to hello also names the kinds this server accepts (twin-reports, decision 0009).
                    send(tenant, node, Ack.answeringHello(recorded.lastAppliedSeq()));
                    lastReported.remove(tenant.name() + "/" + node);
                    sync(tenant, node, hello.appliedVersion());
                } else {
                    unknown(message, "unknown-node");
                }
            }
            case NodeStatusReport report ->
                reliable(
                        tenant,
                        message,
                        nodeEvents.statusReported(tenant, node, envelope.seq(), report, clock.instant()));
            case SyncResult result -> {
                TrafficOutcome outcome = nodes.syncResult(tenant, node, result.appliedVersion(), clock.instant());
                if (outcome instanceof TrafficOutcome.Recorded recorded) {
                    online(tenant, node, recorded.cameOnline());
                    Long previous = lastReported.put(tenant.name() + "/" + node, result.appliedVersion());
                    boolean advanced = previous == null || result.appliedVersion() > previous;
                    if (advanced && result.appliedVersion() < recorded.tenantVersion()) {
                        sync(tenant, node, result.appliedVersion());
                    }
                } else {
                    unknown(message, "unknown-node");
                }
            }
            case WorkloadStatusReport report -> {
                WorkloadTraffic.Outcome outcome =
                        workloads.traffic().workloadStatus(tenant, node, envelope.seq(), report, clock.instant());
                reliable(tenant, message, outcome.traffic());
                // After the commit: the reported instances may let a rolling update take its next step.
                outcome.workloads().forEach(workload -> workloads.rollouts().step(tenant, workload));
            }
            case TelemetryBatch batch -> telemetry.apply(tenant, node, batch).ifPresent(ack -> send(tenant, node, ack));
            case TwinReport report ->
                reliable(tenant, message, twins.twinReport(tenant, node, envelope.seq(), report, clock.instant()));
            case NodeEventReport report ->
                reliable(tenant, message, nodeEvents.reported(tenant, node, envelope.seq(), report, clock.instant()));
            case LogsResult result -> answered(tenant, message, result);
            default -> metrics.dropped("unexpected-kind");
        }
    }

    /** An answer someone waits for ({@link CommandAnswers}); one nobody asked this node for is dropped. */
    private void answered(TenantRef tenant, InboundMessage message, MessageBody body) {
        if (!answers.deliver(tenant, message.node(), message.requestId(), message.status(), AnswerJson.write(body))) {
            unknown(message, "unexpected-answer");
        }
    }

    private void reliable(TenantRef tenant, InboundMessage message, TrafficOutcome outcome) {
        long ackUpTo = account(tenant, message, outcome);
        if (ackUpTo > 0) {
            send(tenant, message.node(), new Ack(ackUpTo));
        }
    }

    /** Counts and logs a reliable message's outcome; returns the seq to acknowledge, 0 for none. */
    private long account(TenantRef tenant, InboundMessage message, TrafficOutcome outcome) {
        String node = message.node();
        switch (outcome) {
            case TrafficOutcome.Applied applied -> {
                metrics.applied();
                online(tenant, node, applied.cameOnline());
                return applied.upToSeq();
            }
            case TrafficOutcome.Duplicate duplicate -> {
                metrics.duplicate();
                online(tenant, node, duplicate.cameOnline());
                return duplicate.upToSeq();
            }
            case TrafficOutcome.OutOfOrder gap -> {
                metrics.outOfOrder();
                online(tenant, node, gap.cameOnline());
                LOG.debug("node {} sent seq {} while {} is due; ignored", node, gap.receivedSeq(), gap.expectedSeq());
                return 0;
            }
            case TrafficOutcome.UnknownNode unknownNode -> {
                unknown(message, "unknown-node");
                return 0;
            }
            case TrafficOutcome.Recorded recorded -> {
                online(tenant, node, recorded.cameOnline());
                return 0;
            }
        }
    }

    private void sync(TenantRef tenant, String node, long fromVersion) {
        workloads.sync().cursor(tenant, node).ifPresent(cursor -> {
            if (!workloads.sync().send(tenant, node, cursor.nodeId(), fromVersion)) {
                LOG.debug("no sync due for node {} after version {}", node, fromVersion);
            }
        });
    }

    private void send(TenantRef tenant, String node, MessageBody command) {
        Envelope envelope = Envelope.of(node, clock.instant(), command);
        if (!commands.send(tenant.name(), envelope)) {
            metrics.commandNotSent(envelope.kind().wireName());
        }
    }

    private void online(TenantRef tenant, String node, boolean cameOnline) {
        if (cameOnline) {
            LOG.info("EF1001 node {} online", node);
            LivenessTasks.record(() -> nodeEvents.cameOnline(tenant, node, clock.instant()), node);
        }
    }

    private void unknown(InboundMessage message, String reason) {
        metrics.dropped(reason);
        if (unknownWarnings.allow(message.tenant() + "/" + message.node())) {
            LOG.warn(
                    "EF1003 dropped {} from node {} of tenant {}: {} (further ones are not logged for 5 minutes)",
                    message.envelope().kind().wireName(),
                    message.node(),
                    message.tenant(),
                    reason);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        // Bounded: a cause chain that loops must not hang the caller.
        for (int depth = 0; depth < 32 && root.getCause() != null; depth++) {
            root = root.getCause();
        }
        String text = root.getMessage();
        return root.getClass().getSimpleName() + (text == null ? "" : ": " + text);
    }
}
