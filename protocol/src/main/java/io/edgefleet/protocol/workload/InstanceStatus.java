package io.edgefleet.protocol.workload;

import io.edgefleet.protocol.Names;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The observed state of one workload instance on the reporting node.
 *
 * @param workload the workload's name
 * @param generation the generation the instance runs (or tries to run)
 * @param phase where the instance is
 * @param restarts how often the node restarted it since the generation was applied
 * @param lastExitCode the exit code of the last process that ended, if any did
 * @param message why it is in this phase, for people (empty when there is nothing to say)
 * @param since when the instance entered this phase, by the node's clock
 */
public record InstanceStatus(
        String workload,
        long generation,
        InstancePhase phase,
        int restarts,
        Optional<Integer> lastExitCode,
        String message,
        Instant since) {
    public InstanceStatus {
        Names.require("workload name", workload);
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(lastExitCode, "lastExitCode");
        message = Objects.requireNonNullElse(message, "");
        Objects.requireNonNull(since, "since");
        if (generation < 0 || restarts < 0) {
            throw new IllegalArgumentException("generation and restarts must not be negative");
        }
        if (message.length() > 1024) {
            message = message.substring(0, 1021) + "...";
        }
    }
}
