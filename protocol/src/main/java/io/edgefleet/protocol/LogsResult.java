package io.edgefleet.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Command response to {@link LogsRequest}, with status 200, or 404 when no workload of that name has
 * run on the node (then {@code lines} is empty and {@code message} says so).
 *
 * @param lines oldest first; each at most {@value #MAX_LINE_CHARS} characters (longer ones are cut)
 * @param truncated fewer lines than asked for were sent although the log has more: the answer is kept
 *     under {@value #MAX_BYTES} bytes of text so that it fits one message
 * @param message for a person: what was read, or why nothing was
 */
public record LogsResult(String workload, LogStream stream, List<String> lines, boolean truncated, String message)
        implements MessageBody {
    public static final int MAX_LINE_CHARS = 2000;
    public static final int MAX_BYTES = 192 * 1024;

    public LogsResult {
        Names.require("workload", workload);
        Objects.requireNonNull(stream, "stream");
        lines = List.copyOf(lines);
        Objects.requireNonNull(message, "message");
    }
}
