package io.edgefleet.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which of a workload's two log files: what it wrote to standard output or to standard error. */
public enum LogStream {
    @JsonProperty("stdout")
    STDOUT,
    @JsonProperty("stderr")
    STDERR;

    /** Its name on the wire and in queries: {@code stdout} or {@code stderr}. */
    public String wireName() {
        return this == STDERR ? "stderr" : "stdout";
    }

    /**
     * The stream a query parameter names; none (null or blank) means {@code stdout}. One reading for every
     * API that takes the parameter (the server's REST and the edge's local API).
     *
     * @throws IllegalArgumentException for any other name, with words fit to show the caller
     */
    public static LogStream ofQuery(String name) {
        if (name == null || name.isBlank()) {
            return STDOUT;
        }
        for (LogStream stream : values()) {
            if (stream.wireName().equals(name.strip())) {
                return stream;
            }
        }
        throw new IllegalArgumentException("stream must be stdout or stderr");
    }
}
