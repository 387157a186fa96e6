package io.edgefleet.edge.sync;

import io.edgefleet.edge.store.StoreTransaction;
import io.edgefleet.protocol.ResourceChange;

/**
 * Applies desired-state changes of one resource kind to the local store. One implementation per
 * kind (workloads, devices, twins as they arrive), registered with the {@link SyncApplier}. Both
 * methods run inside the sync's one transaction: throwing rolls back the whole batch.
 */
public interface ResourceApplier {

    /** The resource kind this applier owns, as {@link ResourceChange#resource()} names it. */
    String resource();

    /** Applies one change (upsert or delete); applying the same change twice has no further effect. */
    void apply(StoreTransaction tx, ResourceChange change);

    /** Forgets every resource of this kind, before a snapshot sync re-creates the whole state. */
    void clear(StoreTransaction tx);
}
