package io.edgefleet.server.workload;

import java.time.Instant;
import java.util.Map;

/**
 * Identity and labels of a workload.
 *
 * @param resourceVersion the tenant's version at the workload's last change; its ETag
 * @param generation advances with every spec change; instances report the generation they run
 */
public record WorkloadMetadata(
        String name,
        String tenant,
        Map<String, String> labels,
        long resourceVersion,
        long generation,
        Instant createdAt,
        Instant updatedAt) {
    public WorkloadMetadata {
        labels = Map.copyOf(labels);
    }
}
