package io.edgefleet.desktop.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.desktop.api.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One node in the topology: phase, labels, last seen and its device counts. */
public record NodeSummary(
        String name, String phase, Optional<Instant> lastSeen, Map<String, String> labels, DeviceCounts devices) {
    public static final String SITE_LABEL = "site";

    public NodeSummary {
        labels = Map.copyOf(labels);
    }

    /** From an entry of {@code GET /api/v1/topology}. */
    static NodeSummary parseTopologyEntry(JsonNode json) {
        return new NodeSummary(
                json.path("name").asText(),
                json.path("phase").asText("Pending"),
                Json.instant(json, "lastSeen"),
                Json.strings(json.path("labels")),
                DeviceCounts.parse(json.path("devices")));
    }

    /** From a node resource (the nodes watch, {@code GET /api/v1/nodes/{name}}); counts come from elsewhere. */
    static NodeSummary parseResource(JsonNode json, DeviceCounts devices) {
        return new NodeSummary(
                json.path("metadata").path("name").asText(),
                json.path("status").path("phase").asText("Pending"),
                Json.instant(json.path("status"), "lastSeen"),
                Json.strings(json.path("metadata").path("labels")),
                devices);
    }

    /** The site: the node's {@code site} label, "" when it has none. */
    public String site() {
        return labels.getOrDefault(SITE_LABEL, "");
    }

    public NodeHealth health() {
        return NodeHealth.of(phase, devices);
    }

    public NodeSummary withDevices(DeviceCounts counts) {
        return new NodeSummary(name, phase, lastSeen, labels, counts);
    }
}
