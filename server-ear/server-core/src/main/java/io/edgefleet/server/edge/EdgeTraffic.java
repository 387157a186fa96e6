package io.edgefleet.server.edge;

import io.edgefleet.protocol.Ack;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Heartbeat;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.MessageBody;
import io.edgefleet.protocol.NodeEventReport;
import io.edgefleet.protocol.NodeStatusReport;
import io.edgefleet.protocol.SyncResult;
import io.edgefleet.protocol.TelemetryBatch;
import io.edgefleet.protocol.TwinReport;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's {@link UpstreamHandler}: what happens to each message from an edge node. Called on the
 * link's threads, it only records heartbeats in memory and queues everything else per node on a
 * managed executor (a node's messages stay in order; nodes run in parallel). Each message is applied
 * in its own transaction; the answer ({@code ack}, {@code sync}) goes out after the commit.
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
    // Per node, the version the last sync-result reported: a node that answers without advancing (a
    // batch it could not apply) is not sent the same batch again at once; the catch-up retries later.
    private final Map<String, Long> lastReported = new ConcurrentHashMap<>();

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
        executor.execute(message.tenant() + "/" + message.node(), () -> process(message));
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
                    send(tenant, node, new Ack(recorded.lastAppliedSeq()));
                    lastReported.remove(tenant.name() + "/" + node);
                    sync(tenant, node, hello.appliedVersion());
                } else {
                    unknown(message, "unknown-node");
                }
            }
            case NodeStatusReport report ->
                reliable(tenant, message, nodes.nodeStatus(tenant, node, envelope.seq(), report, clock.instant()));
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
            default -> metrics.dropped("unexpected-kind");
        }
    }

    private void reliable(TenantRef tenant, InboundMessage message, TrafficOutcome outcome) {
        String node = message.node();
        switch (outcome) {
            case TrafficOutcome.Applied applied -> {
                metrics.applied();
                online(tenant, node, applied.cameOnline());
                send(tenant, node, new Ack(applied.upToSeq()));
            }
            case TrafficOutcome.Duplicate duplicate -> {
                metrics.duplicate();
                online(tenant, node, duplicate.cameOnline());
                send(tenant, node, new Ack(duplicate.upToSeq()));
            }
            case TrafficOutcome.OutOfOrder gap -> {
                metrics.outOfOrder();
                online(tenant, node, gap.cameOnline());
                LOG.debug("node {} sent seq {} while {} is due; ignored", node, gap.receivedSeq(), gap.expectedSeq());
            }
            case TrafficOutcome.UnknownNode unknownNode -> unknown(message, "unknown-node");
            case TrafficOutcome.Recorded recorded -> online(tenant, node, recorded.cameOnline());
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
