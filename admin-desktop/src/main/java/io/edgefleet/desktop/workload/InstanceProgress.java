package io.edgefleet.desktop.workload;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One node's instance of the selected workload ({@code GET /api/v1/workloads/{name}/instances}) and how
 * far its rollout got: waiting (not handed the current generation yet), updating (handed it, not
 * running it), done (running it) or failed.
 */
public record InstanceProgress(
        String node, long assignedGeneration, long generation, String phase, int restarts, String message) {

    static InstanceProgress parse(JsonNode json) {
        return new InstanceProgress(
                json.path("node").asText(),
                json.path("assignedGeneration").asLong(),
                json.path("generation").asLong(),
                json.path("phase").asText("Pending"),
                json.path("restarts").asInt(),
                json.path("message").asText(""));
    }

    /** The same instance after an {@code event: instance} of the workloads watch. */
    InstanceProgress reported(JsonNode change) {
        return new InstanceProgress(
                node,
                assignedGeneration,
                change.path("generation").asLong(generation),
                change.path("phase").asText(phase),
                change.path("restarts").asInt(restarts),
                change.path("message").asText(message));
    }

    public String stage(long currentGeneration) {
        if ("Failed".equals(phase)) {
            return "failed";
        }
        if (assignedGeneration < currentGeneration) {
            return "waiting";
        }
        return generation == currentGeneration && "Running".equals(phase) ? "done" : "updating";
    }

    /** 0 waiting, then by phase while updating (downloading, starting), 1 done. */
    public double progress(long currentGeneration) {
        return switch (stage(currentGeneration)) {
            case "done" -> 1.0;
            case "waiting" -> 0.0;
            case "failed" -> 1.0;
            default ->
                switch (phase) {
                    case "Downloading" -> 0.3;
                    case "Starting" -> 0.6;
                    case "Running" -> 0.8;
                    default -> 0.1;
                };
        };
    }
}
