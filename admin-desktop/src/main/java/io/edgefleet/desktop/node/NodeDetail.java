package io.edgefleet.desktop.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.desktop.api.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node resource ({@code GET /api/v1/nodes/{name}}) as the node view shows it. Conditions are read
 * from {@code status.conditions} when the server sends them (type, status, message), none otherwise.
 */
public record NodeDetail(
        String name,
        String phase,
        Optional<Instant> lastSeen,
        String agentVersion,
        String platform,
        String hostname,
        Map<String, String> labels,
        List<String> conditions,
        long appliedVersion,
        long outboxDepth) {

    public NodeDetail {
        labels = Map.copyOf(labels);
        conditions = List.copyOf(conditions);
    }

    static NodeDetail parse(JsonNode json) {
        JsonNode status = json.path("status");
        List<String> conditions = new ArrayList<>();
        for (JsonNode condition : status.path("conditions")) {
            String text = condition.path("type").asText() + "="
                    + condition.path("status").asText();
            String message = condition.path("message").asText("");
            conditions.add(message.isEmpty() ? text : text + " (" + message + ")");
        }
        return new NodeDetail(
                json.path("metadata").path("name").asText(),
                status.path("phase").asText("Pending"),
                Json.instant(status, "lastSeen"),
                status.path("agentVersion").asText(""),
                status.path("os").asText("") + "/" + status.path("arch").asText(""),
                status.path("hostname").asText(""),
                new java.util.TreeMap<>(Json.strings(json.path("metadata").path("labels"))),
                conditions,
                status.path("appliedVersion").asLong(),
                status.path("outboxDepth").asLong());
    }
}
