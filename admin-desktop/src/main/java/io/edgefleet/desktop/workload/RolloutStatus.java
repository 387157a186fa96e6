package io.edgefleet.desktop.workload;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A workload as the list shows it: its generation and rollout status (WorkloadsResource: desiredNodes,
 * updatedNodes handed the current generation, availableNodes running it, failedNodes, rolloutComplete).
 */
public record RolloutStatus(
        String name,
        long generation,
        int desiredNodes,
        int updatedNodes,
        int availableNodes,
        int failedNodes,
        boolean rolloutComplete) {

    static RolloutStatus parse(JsonNode workload) {
        JsonNode status = workload.path("status");
        return new RolloutStatus(
                workload.path("metadata").path("name").asText(),
                workload.path("metadata").path("generation").asLong(),
                status.path("desiredNodes").asInt(),
                status.path("updatedNodes").asInt(),
                status.path("availableNodes").asInt(),
                status.path("failedNodes").asInt(),
                status.path("rolloutComplete").asBoolean());
    }

    /** Share of desired nodes running the current generation, 1 when none are desired. */
    public double progress() {
        return desiredNodes == 0 ? 1.0 : (double) availableNodes / desiredNodes;
    }

    public String describe() {
        return availableNodes + "/" + desiredNodes + " available, " + updatedNodes + " updated"
                + (failedNodes > 0 ? ", " + failedNodes + " failed" : "")
                + (rolloutComplete ? ", complete" : ", rolling out");
    }
}
