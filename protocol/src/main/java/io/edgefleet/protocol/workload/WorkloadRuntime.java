package io.edgefleet.protocol.workload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What runs a workload on the edge. A container runtime can join where one is installed. */
public enum WorkloadRuntime {
    /** A supervised operating-system process started by the edge daemon. */
    @JsonProperty("process")
    PROCESS
}
