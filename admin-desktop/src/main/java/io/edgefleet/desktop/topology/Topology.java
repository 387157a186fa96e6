package io.edgefleet.desktop.topology;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/v1/topology}: the tenant's sites and nodes with device counts, at one version. */
public record Topology(String tenant, long resourceVersion, List<NodeSummary> nodes) {
    public Topology {
        nodes = List.copyOf(nodes);
    }

    public static Topology parse(JsonNode json) {
        List<NodeSummary> nodes = new ArrayList<>();
        for (JsonNode site : json.path("sites")) {
            for (JsonNode node : site.path("nodes")) {
                nodes.add(NodeSummary.parseTopologyEntry(node));
            }
        }
        return new Topology(
                json.path("tenant").asText(), json.path("resourceVersion").asLong(), nodes);
    }
}
