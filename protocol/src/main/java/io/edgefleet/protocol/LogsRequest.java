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
    /** Lines asked for when a query does not say. */
    public static final int DEFAULT_LINES = 100;

    public LogsRequest {
        Names.require("workload", workload);
        Objects.requireNonNull(stream, "stream");
        if (lines < 1 || lines > MAX_LINES) {
            throw new IllegalArgumentException("lines must be 1 to " + MAX_LINES);
        }
    }

    /**
     * The line count a query parameter asks for; none (null or blank) means {@value #DEFAULT_LINES}. One
     * reading for every API that takes the parameter (the server's REST and the edge's local API).
     *
     * @throws IllegalArgumentException when it is not a whole number from 1 to {@value #MAX_LINES}
     */
    public static int linesOfQuery(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LINES;
        }
        try {
            int lines = Integer.parseInt(text.strip());
            if (lines >= 1 && lines <= MAX_LINES) {
                return lines;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same words as a number out of range
        }
        throw new IllegalArgumentException("lines must be a whole number from 1 to " + MAX_LINES);
    }
}
