package io.edgefleet.desktop.topology;

import java.util.List;

/**
 * {@code GET /api/v1/topology}: the tenant's nodes with device counts, at one version, in the server's
 * order (by site, then name). {@link TopologyJson} reads it.
 */
public record Topology(String tenant, long resourceVersion, List<NodeSummary> nodes) {
    public Topology {
        nodes = List.copyOf(nodes);
    }
}
