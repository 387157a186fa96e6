package io.edgefleet.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which of a workload's two log files: what it wrote to standard output or to standard error. */
public enum LogStream {
    @JsonProperty("stdout")
    STDOUT,
    @JsonProperty("stderr")
    STDERR
}
