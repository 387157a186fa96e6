package io.edgefleet.protocol.workload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When the edge starts a workload's process again after it exited (Kubernetes' names). */
public enum RestartPolicy {
    /** Always, with exponential backoff; a long-running service. */
    @JsonProperty("Always")
    ALWAYS,
    /** Only after a non-zero exit; a job that is done once it succeeds. */
    @JsonProperty("OnFailure")
    ON_FAILURE,
    /** Never; the instance ends Completed or Failed. */
    @JsonProperty("Never")
    NEVER;

    /** Whether an exit with this code is followed by a restart. */
    public boolean restartsAfter(int exitCode) {
        return switch (this) {
            case ALWAYS -> true;
            case ON_FAILURE -> exitCode != 0;
            case NEVER -> false;
        };
    }
}
