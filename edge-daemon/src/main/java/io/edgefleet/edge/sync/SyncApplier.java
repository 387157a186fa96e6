package io.edgefleet.edge.sync;

import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.MetaKey;
import io.edgefleet.edge.store.StoreTransaction;
import io.edgefleet.protocol.ResourceChange;
import io.edgefleet.protocol.Sync;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@code sync} batch in one SQLite transaction (DESIGN section 3, down): each change goes
 * to the {@link ResourceApplier} of its kind, then {@code applied_version} moves to the batch's
 * {@code toVersion}. It never moves down, so applying a batch twice, or an older batch late, has no
 * further effect. Changes of unknown kinds are logged and skipped, so that a newer server does not
 * stall an older daemon.
 */
public final class SyncApplier {
    private static final Logger LOG = LoggerFactory.getLogger(SyncApplier.class);

    private final EdgeStore store;
    private final Map<String, ResourceApplier> appliers = new HashMap<>();
    private final List<Runnable> committedListeners = new CopyOnWriteArrayList<>();

    public SyncApplier(EdgeStore store, List<ResourceApplier> appliers) {
        this.store = store;
        for (ResourceApplier applier : appliers) {
            if (this.appliers.putIfAbsent(applier.resource(), applier) != null) {
                throw new IllegalArgumentException("two appliers for resource kind " + applier.resource());
            }
        }
    }

    /** The version committed locally. */
    public long appliedVersion() {
        return store.inTransaction(tx -> tx.metaLong(MetaKey.APPLIED_VERSION, 0));
    }

    /**
     * Runs {@code listener} after every sync that committed changes (on the applying thread, after
     * the commit), so that consumers such as the workload reconciler act on the new desired state.
     * It must return quickly.
     */
    public void onCommitted(Runnable listener) {
        committedListeners.add(listener);
    }

    public SyncOutcome apply(Sync sync) {
        SyncOutcome outcome;
        try {
            outcome = store.inTransaction(tx -> applyIn(tx, sync));
        } catch (RuntimeException e) {
            long current = appliedVersion();
            LOG.error(
                    "EF3402 sync {}..{} failed and was rolled back; applied version stays {}: {}",
                    sync.fromVersion(),
                    sync.toVersion(),
                    current,
                    e.toString());
            return new SyncOutcome.Failed(current, e.getClass().getSimpleName());
        }
        if (outcome instanceof SyncOutcome.Applied) {
            for (Runnable listener : committedListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.error("EF3405 a listener of committed syncs failed: {}", e.toString(), e);
                }
            }
        }
        return outcome;
    }

    private SyncOutcome applyIn(StoreTransaction tx, Sync sync) {
        long current = tx.metaLong(MetaKey.APPLIED_VERSION, 0);
        if (sync.toVersion() <= current) {
            return new SyncOutcome.AlreadyApplied(current);
        }
        if (!sync.snapshot() && sync.fromVersion() > current) {
            LOG.warn(
                    "EF3403 sync {}..{} skips versions after {} that this node has not applied: refused",
                    sync.fromVersion(),
                    sync.toVersion(),
                    current);
            return new SyncOutcome.Gap(current, sync.fromVersion());
        }
        if (sync.snapshot()) {
            appliers.values().forEach(applier -> applier.clear(tx));
        }
        int applied = 0;
        int skipped = 0;
        for (ResourceChange change : sync.changes()) {
            // In an overlapping delta, changes at or below the committed version are already in the store.
            if (!sync.snapshot() && change.resourceVersion() <= current) {
                continue;
            }
            ResourceApplier applier = appliers.get(change.resource());
            if (applier == null) {
                skipped++;
                LOG.warn(
                        "EF3401 sync change {} {} (version {}) skipped: this daemon does not know resource kind '{}'",
                        change.operation(),
                        change.name(),
                        change.resourceVersion(),
                        change.resource());
                continue;
            }
            applier.apply(tx, change);
            applied++;
        }
        tx.putMeta(MetaKey.APPLIED_VERSION, sync.toVersion());
        LOG.info(
                "EF3404 sync applied: version {} -> {}{}, {} changes applied, {} skipped",
                current,
                sync.toVersion(),
                sync.snapshot() ? " (snapshot)" : "",
                applied,
                skipped);
        return new SyncOutcome.Applied(sync.toVersion(), applied, skipped);
    }
}
