package io.edgefleet.desktop.topology;

import com.fasterxml.jackson.databind.JsonNode;

/** One device under a node in the tree: its model and observed state (Online, Offline, Unknown). */
public record DeviceSummary(String name, String node, String model, String state) {

    /** From a device resource ({@code GET /api/v1/devices}, the devices watch). */
    public static DeviceSummary parse(JsonNode json) {
        return new DeviceSummary(
                json.path("metadata").path("name").asText(),
                json.path("spec").path("node").asText(),
                json.path("spec").path("model").asText(),
                json.path("status").path("state").asText("Unknown"));
    }
}
