package io.edgefleet.desktop.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.desktop.api.Json;
import java.util.Map;

/**
 * One node in the topology: phase, labels and its device counts. Only what the tree, the filters and
 * the site map use; the node view reads the rest of a node ({@code lastSeen}, agent, conditions) itself.
 */
public record NodeSummary(String name, String phase, Map<String, String> labels, DeviceCounts devices) {
    public static final String SITE_LABEL = "site";

    public NodeSummary {
        labels = Map.copyOf(labels);
    }

    /** From a node resource (the nodes watch, {@code GET /api/v1/nodes/{name}}); counts come from elsewhere. */
    static NodeSummary parseResource(JsonNode json, DeviceCounts devices) {
        return new NodeSummary(
                json.path("metadata").path("name").asText(),
                json.path("status").path("phase").asText("Pending"),
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
        return new NodeSummary(name, phase, labels, counts);
    }
}
