package io.edgefleet.server.sync;

import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Sync;
import io.edgefleet.server.edge.CommandSender;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.workload.DesiredStateChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code sync} batches to nodes: after a change of their desired state commits, when they say
 * {@code hello}, when they answer a batch and are still behind, and from the periodic catch-up for
 * nodes whose command got lost. Sending twice is harmless: the edge applies a batch once.
 */
@ApplicationScoped
public class SyncPusher {
    private static final Logger LOG = LoggerFactory.getLogger(SyncPusher.class);

    @Inject
    DesiredState desired;

    private volatile Executor executor;
    private volatile CommandSender sender;
    private final Clock clock = Clock.systemUTC();
    // Nodes with a push queued: a burst of changes for one node becomes one batch.
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    /** Called by the lifecycle once the link is up; until then nodes catch up on hello. */
    public void start(Executor executor, CommandSender sender) {
        this.executor = executor;
        this.sender = sender;
    }

    public void stop() {
        this.sender = null;
        this.executor = null;
    }

    void onDesiredStateChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) DesiredStateChanged change) {
        for (Long nodeId : change.nodeIds()) {
            pushLater(change.tenant(), nodeId);
        }
    }

    /** Queues a push of the node's next batch from the version it last reported. */
    public void pushLater(TenantRef tenant, long nodeId) {
        Executor current = executor;
        String key = tenant.id() + "/" + nodeId;
        if (current == null || !queued.add(key)) {
            return;
        }
        try {
            current.execute(() -> {
                queued.remove(key);
                try {
                    pushNow(tenant, nodeId);
                } catch (RuntimeException e) {
                    LOG.warn("EF1110 sync to node id {} failed, the catch-up retries: {}", nodeId, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            queued.remove(key);
        }
    }

    private void pushNow(TenantRef tenant, long nodeId) {
        Optional<String> name = desired.nodeName(nodeId);
        if (name.isEmpty()) {
            return;
        }
        desired.cursor(tenant, name.get())
                .ifPresent(cursor -> send(tenant, cursor.name(), cursor.nodeId(), cursor.appliedVersion()));
    }

    /** Where the node stands, if it exists. */
    public Optional<DesiredState.NodeCursor> cursor(TenantRef tenant, String node) {
        return desired.cursor(tenant, node);
    }

    /** Sends the batch after {@code fromVersion} now, on the caller's thread; false if none was due or sent. */
    public boolean send(TenantRef tenant, String node, long nodeId, long fromVersion) {
        CommandSender current = sender;
        if (current == null) {
            return false;
        }
        Optional<Sync> batch = desired.next(tenant, nodeId, fromVersion);
        return batch.isPresent() && current.send(tenant.name(), Envelope.of(node, clock.instant(), batch.get()));
    }

    /** Periodic catch-up: Online nodes behind the head get their next batch. */
    public void catchUp(List<TenantRef> tenants) {
        for (TenantRef tenant : tenants) {
            for (DesiredState.NodeCursor cursor : desired.behind(tenant)) {
                send(tenant, cursor.name(), cursor.nodeId(), cursor.appliedVersion());
            }
        }
    }
}
