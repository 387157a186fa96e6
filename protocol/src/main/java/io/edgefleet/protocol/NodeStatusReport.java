package io.edgefleet.protocol;

import java.util.Objects;

/**
 * Upstream, reliable: what the node is (agent, operating system, capacity). Sent through the
 * outbox when the daemon starts and whenever a value changes.
 */
public record NodeStatusReport(String agentVersion, String os, String arch, String hostname, int cpus, long memoryMb)
        implements MessageBody {
    public NodeStatusReport {
        Objects.requireNonNull(agentVersion, "agentVersion");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(hostname, "hostname");
        if (cpus < 0 || memoryMb < 0) {
            throw new IllegalArgumentException("cpus and memoryMb must not be negative");
        }
    }
}
