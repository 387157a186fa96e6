package io.edgefleet.desktop.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.desktop.api.Json;
import java.time.Instant;
import java.util.Optional;

/** One workload on a node, from {@code GET /api/v1/nodes/{name}/workloads}. */
public record NodeWorkload(
        String workload,
        long generation,
        String phase,
        int restarts,
        Optional<Integer> lastExitCode,
        String message,
        Optional<Instant> since) {

    static NodeWorkload parse(JsonNode json) {
        JsonNode exit = json.path("lastExitCode");
        return new NodeWorkload(
                json.path("workload").asText(),
                json.path("generation").asLong(),
                json.path("phase").asText("Pending"),
                json.path("restarts").asInt(),
                exit.isNumber() ? Optional.of(exit.asInt()) : Optional.empty(),
                json.path("message").asText(""),
                Json.instant(json, "since"));
    }
}
