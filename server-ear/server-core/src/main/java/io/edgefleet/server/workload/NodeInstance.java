package io.edgefleet.server.workload;

import io.edgefleet.protocol.workload.InstancePhase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One workload a node must run and what the node last reported of it (Pending with no report yet).
 *
 * @param assignedGeneration the generation the rollout handed this node
 */
public record NodeInstance(
        String workload,
        long assignedGeneration,
        long generation,
        InstancePhase phase,
        int restarts,
        Optional<Integer> lastExitCode,
        String message,
        Optional<Instant> since,
        Optional<Instant> reportedAt) {

    /** The node's workloads in name order. */
    public record OnNode(String node, List<NodeInstance> items) {
        public OnNode {
            items = List.copyOf(items);
        }
    }
}
