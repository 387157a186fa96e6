package io.edgefleet.desktop.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.desktop.api.Json;
import java.time.Instant;
import java.util.Optional;

/** One event of {@code GET /api/v1/events} or the events watch. */
public record FleetEvent(
        long id,
        Optional<Instant> time,
        String type,
        String reason,
        String involvedKind,
        String involvedName,
        String node,
        String message,
        String actor) {

    public static FleetEvent parse(JsonNode json) {
        return new FleetEvent(
                json.path("id").asLong(),
                Json.instant(json, "time"),
                json.path("type").asText("Normal"),
                json.path("reason").asText(""),
                json.path("involvedKind").asText(""),
                json.path("involvedName").asText(""),
                json.path("node").asText(""),
                json.path("message").asText(""),
                json.path("actor").asText(""));
    }

    public boolean isWarning() {
        return "Warning".equals(type);
    }
}
