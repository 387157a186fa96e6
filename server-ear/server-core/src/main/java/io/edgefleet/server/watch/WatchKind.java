package io.edgefleet.server.watch;

import java.util.Arrays;
import java.util.Optional;

/**
 * What can be watched: the path segment of {@code /api/v1/watch/{kind}}, the {@code resource_kind}
 * of its change-log rows, and whether instance status is streamed with it. Watching another kind is
 * one line here once its changes are written to the change log.
 */
public enum WatchKind {
    WORKLOADS("workloads", "Workload", true),
    DEVICE_MODELS("device-models", "DeviceModel", false),
    DEVICES("devices", "Device", false),
    /** Changes of desired values (REST or accepted from the edge): the twin after each. */
    TWINS("twins", "Twin", false),
    RULES("rules", "Rule", false),
    /** Enrolment, relabelling, deletion and phase changes (not lastSeen: heartbeats are not changes). */
    NODES("nodes", "Node", false),
    /** Every event as it is recorded (operational and audit). */
    EVENTS("events", "Event", false);

    private final String path;
    private final String resourceKind;
    private final boolean instances;

    WatchKind(String path, String resourceKind, boolean instances) {
        this.path = path;
        this.resourceKind = resourceKind;
        this.instances = instances;
    }

    /** The path segment, e.g. {@code workloads}. */
    public String path() {
        return path;
    }

    /** The {@code change_log.resource_kind} of this kind, e.g. {@code Workload}. */
    public String resourceKind() {
        return resourceKind;
    }

    /** Whether {@code instance} events (reported workload status) are part of this stream. */
    public boolean instances() {
        return instances;
    }

    public static Optional<WatchKind> byPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
