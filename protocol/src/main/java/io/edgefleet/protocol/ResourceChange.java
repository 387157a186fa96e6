package io.edgefleet.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the desired-state change log.
 *
 * @param resourceVersion the tenant's resourceVersion at which the change happened
 * @param resource resource kind, for example {@code Workload}
 * @param name resource name, unique per kind and tenant
 * @param operation whether the resource now exists with {@code spec} or was deleted
 * @param spec the full desired spec after the change; empty for a deletion
 */
public record ResourceChange(
        long resourceVersion, String resource, String name, Operation operation, Optional<JsonNode> spec) {

    /** What happened to the resource. */
    public enum Operation {
        UPSERT,
        DELETE
    }

    public ResourceChange {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(spec, "spec");
        // JSON null and an absent spec mean the same: no spec.
        spec = spec.filter(node -> !node.isNull());
        if (resourceVersion <= 0) {
            throw new IllegalArgumentException("resourceVersion must be positive");
        }
        if ((operation == Operation.UPSERT) != spec.isPresent()) {
            throw new IllegalArgumentException("an UPSERT carries a spec and a DELETE does not");
        }
    }
}
