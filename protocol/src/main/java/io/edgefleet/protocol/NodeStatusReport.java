package io.edgefleet.protocol;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Upstream, reliable: what the node is (agent, operating system, capacity) and its conditions. Sent
 * through the outbox when the daemon starts and whenever a value, or a condition's status or reason,
 * changes.
 *
 * @param conditions at most {@value #MAX_CONDITIONS}, one per type; added after protocol version 1 went
 *     out, so a message without it decodes as none ({@link ProtocolCodec})
 */
public record NodeStatusReport(
        String agentVersion,
        String os,
        String arch,
        String hostname,
        int cpus,
        long memoryMb,
        List<NodeCondition> conditions)
        implements MessageBody {
    public static final int MAX_CONDITIONS = 16;

    public NodeStatusReport {
        Objects.requireNonNull(agentVersion, "agentVersion");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(hostname, "hostname");
        if (cpus < 0 || memoryMb < 0) {
            throw new IllegalArgumentException("cpus and memoryMb must not be negative");
        }
        conditions = List.copyOf(conditions);
        if (conditions.size() > MAX_CONDITIONS) {
            throw new IllegalArgumentException("at most " + MAX_CONDITIONS + " conditions");
        }
        if (new HashSet<>(conditions.stream().map(NodeCondition::type).toList()).size() != conditions.size()) {
            throw new IllegalArgumentException("one condition per type");
        }
    }

    /** A report with no conditions (a node that cannot observe any, and tests). */
    public NodeStatusReport(String agentVersion, String os, String arch, String hostname, int cpus, long memoryMb) {
        this(agentVersion, os, arch, hostname, cpus, memoryMb, List.of());
    }
}
