package io.edgefleet.server.workload;

import io.edgefleet.server.tenant.TenantRef;
import java.util.Set;

/**
 * CDI event: the desired state of these nodes changed in the transaction that fires it. Observed
 * after a successful commit, it pushes a {@code sync} to each node.
 */
public record DesiredStateChanged(TenantRef tenant, Set<Long> nodeIds) {
    public DesiredStateChanged {
        nodeIds = Set.copyOf(nodeIds);
    }
}
