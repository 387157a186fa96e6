package io.edgefleet.edge.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.edgefleet.edge.store.StoreTransaction;
import io.edgefleet.edge.sync.ResourceApplier;
import io.edgefleet.protocol.ResourceChange;
import io.edgefleet.protocol.workload.DesiredWorkload;

/**
 * Resource kind {@code Workload} in a {@code sync}: writes the desired workloads table and nothing
 * else. Processes are the {@link Reconciler}'s business; it is woken after the sync commits and
 * compares template fingerprints, so a snapshot's {@link #clear} followed by the same workloads
 * restarts nothing.
 */
public final class WorkloadApplier implements ResourceApplier {

    @Override
    public String resource() {
        return DesiredWorkload.RESOURCE;
    }

    @Override
    public void apply(StoreTransaction tx, ResourceChange change) {
        switch (change.operation()) {
            case UPSERT -> {
                DesiredWorkload desired = decode(change);
                if (!desired.name().equals(change.name())) {
                    throw new IllegalArgumentException(
                            "workload change " + change.name() + " carries a spec named " + desired.name());
                }
                WorkloadTable.upsertDesired(tx.connection(), desired, change.resourceVersion());
            }
            case DELETE -> WorkloadTable.deleteDesired(tx.connection(), change.name());
        }
    }

    @Override
    public void clear(StoreTransaction tx) {
        WorkloadTable.clearDesired(tx.connection());
    }

    private static DesiredWorkload decode(ResourceChange change) {
        try {
            return WorkloadTable.MAPPER.treeToValue(change.spec().orElseThrow(), DesiredWorkload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "workload " + change.name() + " has an invalid spec: " + e.getOriginalMessage(), e);
        }
    }
}
