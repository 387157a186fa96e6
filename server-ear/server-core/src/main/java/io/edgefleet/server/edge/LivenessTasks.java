package io.edgefleet.server.edge;

import io.edgefleet.server.node.HeartbeatBuffer;
import io.edgefleet.server.node.LivenessSettings;
import io.edgefleet.server.node.NodeEvents;
import io.edgefleet.server.node.NodeTraffic;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic half of liveness: writing coalesced heartbeats (every second) and the lease sweep that
 * turns silent nodes Offline (every few seconds). Both are safe to run on every cluster member at once:
 * heartbeat writes only move lastSeen forward in practice, and each Offline transition is a
 * conditional UPDATE only one member wins. No leader is needed.
 */
public final class LivenessTasks {
    private static final Logger LOG = LoggerFactory.getLogger(LivenessTasks.class);
    private static final int SWEEP_BATCH = 1000;

    private final NodeTraffic nodes;
    private final Tenants tenants;
    private final HeartbeatBuffer heartbeats;
    private final LivenessSettings settings;
    private final EdgeMetrics metrics;
    private final NodeEvents phaseEvents;
    private final Clock clock;
    private final Throttle warnings;

    public LivenessTasks(
            NodeTraffic nodes,
            Tenants tenants,
            HeartbeatBuffer heartbeats,
            LivenessSettings settings,
            EdgeMetrics metrics,
            NodeEvents phaseEvents,
            Clock clock) {
        this.nodes = nodes;
        this.tenants = tenants;
        this.heartbeats = heartbeats;
        this.settings = settings;
        this.metrics = metrics;
        this.phaseEvents = phaseEvents;
        this.clock = clock;
        this.warnings = new Throttle(Duration.ofMinutes(5), clock);
    }

    /** Writes the heartbeats received since the last flush. */
    public void flushHeartbeats() {
        List<HeartbeatBuffer.Seen> batch = heartbeats.drain();
        if (batch.isEmpty()) {
            return;
        }
        Map<String, List<HeartbeatBuffer.Seen>> byTenant = batch.stream()
                .collect(Collectors.groupingBy(HeartbeatBuffer.Seen::tenant, LinkedHashMap::new, Collectors.toList()));
        byTenant.forEach(this::flush);
    }

    private void flush(String tenantName, List<HeartbeatBuffer.Seen> seen) {
        try {
            Optional<TenantRef> tenant = tenants.find(tenantName);
            if (tenant.isEmpty()) {
                seen.forEach(s -> metrics.dropped("unknown-tenant"));
                return;
            }
            NodeTraffic.HeartbeatResult result = nodes.heartbeats(tenant.get(), seen);
            for (String node : result.cameOnline()) {
                LOG.info("EF1001 node {} online", node);
                record(() -> phaseEvents.cameOnline(tenant.get(), node, clock.instant()), node);
            }
            for (String node : result.unknown()) {
                metrics.dropped("unknown-node");
                if (warnings.allow(tenantName + "/" + node)) {
                    LOG.warn(
                            "EF1003 dropped heartbeat from node {} of tenant {}: unknown-node (further ones are not"
                                    + " logged for 5 minutes)",
                            node,
                            tenantName);
                }
            }
        } catch (RuntimeException e) {
            // Put them back: the next flush retries, unless a newer heartbeat replaced them.
            heartbeats.restore(seen);
            if (warnings.allow("flush")) {
                LOG.warn("EF1007 writing {} heartbeats failed, retrying: {}", seen.size(), EdgeTraffic.rootMessage(e));
            }
        }
    }

    /** Turns Online nodes silent for longer than the lease Offline, and refreshes the node gauges. */
    public void sweep() {
        try {
            List<NodeTraffic.OfflineTransition> offline =
                    nodes.sweep(clock.instant().minus(settings.lease()), SWEEP_BATCH);
            for (NodeTraffic.OfflineTransition t : offline) {
                LOG.info("EF1002 node {} offline, last seen {}", t.node(), t.lastSeen());
                record(
                        () -> phaseEvents.wentOffline(
                                tenants.byId(t.tenantId()), t.node(), t.lastSeen(), clock.instant()),
                        t.node());
            }
            metrics.nodeCounts(nodes.countByPhase());
        } catch (RuntimeException e) {
            if (warnings.allow("sweep")) {
                LOG.warn("EF1009 the lease sweep failed, retrying: {}", EdgeTraffic.rootMessage(e));
            }
        }
    }

    /**
     * Records a phase change's event after the change committed. A failure costs the event and the
     * watch notice, never the phase change itself, so it is logged, not retried.
     */
    static void record(Runnable recording, String node) {
        try {
            recording.run();
        } catch (RuntimeException e) {
            LOG.warn(
                    "EF1010 the phase change of node {} was not recorded as an event: {}",
                    node,
                    EdgeTraffic.rootMessage(e));
        }
    }
}
