package io.edgefleet.desktop.twin;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.desktop.api.Json;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of the twin ({@code GET /api/v1/devices/{name}/twin}, properties[]): desired value and who
 * set it, reported value with quality and source time, and the delta (the desired value the device
 * does not report yet), all as display text.
 */
public record TwinProperty(
        String name,
        String type,
        String unit,
        boolean writable,
        String desired,
        String desiredBy,
        String reported,
        String quality,
        Optional<Instant> sourceTime,
        String delta,
        boolean inSync) {

    static TwinProperty parse(JsonNode json) {
        JsonNode desired = json.path("desired");
        JsonNode reported = json.path("reported");
        String quality = reported.path("quality").asText("");
        String error = reported.path("error").asText("");
        return new TwinProperty(
                json.path("name").asText(),
                json.path("type").asText(""),
                json.path("unit").asText(""),
                "ReadWrite".equals(json.path("accessMode").asText()),
                Json.display(desired.path("value")),
                desired.path("by").asText(""),
                Json.display(reported.path("value")),
                error.isEmpty() ? quality : quality + ": " + error,
                Json.instant(reported, "sourceTime"),
                Json.display(json.path("delta")),
                json.path("inSync").asBoolean(true));
    }
}
