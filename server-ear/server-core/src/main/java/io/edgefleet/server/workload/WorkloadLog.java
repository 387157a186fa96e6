package io.edgefleet.server.workload;

import io.edgefleet.protocol.LogStream;
import java.time.Instant;
import java.util.List;

/**
 * The end of a workload's log as its node read it just now ({@code GET
 * /nodes/{node}/workloads/{workload}/logs}).
 *
 * @param lines oldest first
 * @param truncated the node left older lines out to keep its answer within one message
 * @param message what the node said it read
 * @param fetchedAt when the server received the answer
 */
public record WorkloadLog(
        String node,
        String workload,
        LogStream stream,
        List<String> lines,
        boolean truncated,
        String message,
        Instant fetchedAt) {
    public WorkloadLog {
        lines = List.copyOf(lines);
    }
}
