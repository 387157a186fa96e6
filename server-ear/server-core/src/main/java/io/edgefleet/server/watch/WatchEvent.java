package io.edgefleet.server.watch;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What a watch client receives, in order. */
public sealed interface WatchEvent {

    /**
     * A change of a resource, from the change log: resumable by its {@code version}.
     *
     * @param operation {@code ADDED}, {@code MODIFIED} or {@code DELETED}
     * @param objectJson the resource's REST JSON after the change (the last state for DELETED)
     */
    record Change(long version, String kind, String name, String operation, String objectJson) implements WatchEvent {
        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(objectJson, "objectJson");
        }
    }

    /** The reported state of one workload instance on one node: not resumable (GET the status instead). */
    record InstanceChange(
            String workload,
            String node,
            long generation,
            String phase,
            int restarts,
            Optional<Integer> lastExitCode,
            String message,
            Instant since)
            implements WatchEvent {
        public InstanceChange {
            Objects.requireNonNull(workload, "workload");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(lastExitCode, "lastExitCode");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(since, "since");
        }
    }

    /** Nothing happened: a comment line that keeps proxies from closing an idle stream. */
    record Heartbeat() implements WatchEvent {}

    Heartbeat HEARTBEAT = new Heartbeat();
}
