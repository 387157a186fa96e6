package io.edgefleet.server.workload;

/**
 * Rollout progress of a workload over the nodes its selector matches.
 *
 * @param desiredNodes nodes that should run it
 * @param updatedNodes nodes handed the current generation
 * @param availableNodes nodes whose instance of the current generation is Running
 * @param failedNodes nodes whose instance is Failed
 * @param rolloutComplete every desired node is updated and available
 */
public record WorkloadStatus(
        long observedGeneration,
        int desiredNodes,
        int updatedNodes,
        int availableNodes,
        int failedNodes,
        boolean rolloutComplete) {}
