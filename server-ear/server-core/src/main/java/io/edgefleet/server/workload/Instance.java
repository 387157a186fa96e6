package io.edgefleet.server.workload;

import io.edgefleet.protocol.workload.InstancePhase;
import java.time.Instant;
import java.util.Optional;

/**
 * One node's instance of a workload: the generation the rollout handed it and what the node last
 * reported (phase Pending with no report yet).
 */
public record Instance(
        String node,
        String nodePhase,
        long assignedGeneration,
        long generation,
        InstancePhase phase,
        int restarts,
        Optional<Integer> lastExitCode,
        String message,
        Optional<Instant> since,
        Optional<Instant> reportedAt) {}
