package io.edgefleet.server.watch;

import java.time.Instant;
import java.util.Objects;

/** A {@code workload_instance} row as the poller reads it: the event and what identifies the report. */
record ReportedInstance(long nodeId, Instant reportedAt, WatchEvent.InstanceChange event) {
    ReportedInstance {
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(event, "event");
    }

    /** The row's key: one instance per node and workload. */
    String key() {
        return nodeId + "/" + event.workload();
    }
}
