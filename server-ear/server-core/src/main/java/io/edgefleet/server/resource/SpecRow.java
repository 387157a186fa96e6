package io.edgefleet.server.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/** One stored spec resource: metadata columns, labels, the validated spec, and its extra columns. */
public record SpecRow(
        long id,
        String name,
        long resourceVersion,
        long generation,
        Instant createdAt,
        Instant updatedAt,
        Map<String, String> labels,
        ObjectNode spec,
        Map<String, Object> extras) {

    public String extra(String column) {
        Object value = extras.get(column);
        return value == null ? "" : value.toString();
    }
}
