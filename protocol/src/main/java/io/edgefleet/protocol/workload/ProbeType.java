package io.edgefleet.protocol.workload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a probe checks a workload. */
public enum ProbeType {
    /** Runs a command; exit code 0 passes. */
    @JsonProperty("exec")
    EXEC,
    /** HTTP GET on 127.0.0.1; a 2xx or 3xx status passes. */
    @JsonProperty("http")
    HTTP,
    /** Opens a TCP connection to 127.0.0.1; a connection passes. */
    @JsonProperty("tcp")
    TCP
}
