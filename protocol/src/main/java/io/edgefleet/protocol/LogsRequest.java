package io.edgefleet.protocol;

import java.util.Objects;

/**
 * Downstream command {@code logs}: the last lines of one workload's log on the node. Logs stay on the
 * edge PC and are read only when someone asks; the answer is a {@link LogsResult}.
 *
 * @param lines how many lines from the end, 1 to {@value #MAX_LINES}
 */
public record LogsRequest(String workload, LogStream stream, int lines) implements MessageBody {
    public static final int MAX_LINES = 5000;

    public LogsRequest {
        Names.require("workload", workload);
        Objects.requireNonNull(stream, "stream");
        if (lines < 1 || lines > MAX_LINES) {
            throw new IllegalArgumentException("lines must be 1 to " + MAX_LINES);
        }
    }
}
