package io.edgefleet.protocol.workload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where one workload instance on one node is (DESIGN section 2). */
public enum InstancePhase {
    /** Known to the node, not started yet (waiting for its turn or for a restart backoff). */
    @JsonProperty("Pending")
    PENDING,
    /** Its artifact is being fetched into the node's cache. */
    @JsonProperty("Downloading")
    DOWNLOADING,
    /** The process runs but its readiness probe has not passed yet. */
    @JsonProperty("Starting")
    STARTING,
    /** The process runs and is ready (or has no readiness probe). */
    @JsonProperty("Running")
    RUNNING,
    /** It cannot run: bad artifact, command not found, or it exited and the policy does not restart it. */
    @JsonProperty("Failed")
    FAILED,
    /** Stopped on purpose (the workload was removed from the node, or the daemon shut it down). */
    @JsonProperty("Stopped")
    STOPPED,
    /** Exited with code 0 under a policy that does not restart it. */
    @JsonProperty("Completed")
    COMPLETED;

    /** Counts towards availability in a rolling update. */
    public boolean available() {
        return this == RUNNING;
    }
}
