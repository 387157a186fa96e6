package io.edgefleet.server.node;

import java.time.Instant;
import java.util.Map;

/**
 * Identity and labels of a node.
 *
 * @param resourceVersion the tenant's version at the node's last metadata change; its ETag
 * @param generation advances with every spec change (none are possible yet)
 * @param updatedAt time of the last metadata change
 */
public record NodeMetadata(
        String name,
        String tenant,
        Map<String, String> labels,
        long resourceVersion,
        long generation,
        Instant createdAt,
        Instant updatedAt) {
    public NodeMetadata {
        labels = Map.copyOf(labels);
    }
}
