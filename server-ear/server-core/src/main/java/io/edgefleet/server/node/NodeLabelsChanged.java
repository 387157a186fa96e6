package io.edgefleet.server.node;

import io.edgefleet.server.tenant.TenantRef;
import java.util.Map;

/**
 * CDI event, fired synchronously inside the transaction that enrolled a node or changed its labels,
 * so that what selects nodes by label (workloads) follows in the same transaction.
 *
 * @param version the tenant's resourceVersion of the change
 */
public record NodeLabelsChanged(TenantRef tenant, long nodeId, Map<String, String> labels, long version) {
    public NodeLabelsChanged {
        labels = Map.copyOf(labels);
    }
}
