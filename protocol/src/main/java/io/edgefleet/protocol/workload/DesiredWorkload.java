package io.edgefleet.protocol.workload;

import io.edgefleet.protocol.Names;
import java.util.Objects;

/**
 * The spec of one {@code Workload} change in a {@code sync}: the workload's name, the generation the
 * server assigned to this node (rolling updates hand nodes a new generation one step at a time) and
 * the template of that generation. The edge restarts an instance only when {@link
 * WorkloadTemplate#fingerprint()} changes, never merely because the generation did.
 */
public record DesiredWorkload(String name, long generation, WorkloadTemplate template) {
    /** The resource kind name in {@link io.edgefleet.protocol.ResourceChange#resource()}. */
    public static final String RESOURCE = "Workload";

    public DesiredWorkload {
        Names.require("workload name", name);
        Objects.requireNonNull(template, "template");
        if (generation < 1) {
            throw new IllegalArgumentException("generation must be at least 1");
        }
    }
}
