package io.edgefleet.edge.workload;

import io.edgefleet.protocol.workload.InstancePhase;
import io.edgefleet.protocol.workload.InstanceStatus;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The persisted state of one workload instance (table {@code workload_instance}): everything the
 * reconciler needs to find, adopt or stop its process after a daemon crash or a reboot.
 *
 * @param token the {@code EDGEFLEET_INSTANCE} value of the latest spawn; written before the spawn
 * @param pid the process, once spawned and recorded
 * @param processStart the process's start instant as the OS reports it (guards against pid reuse)
 * @param startedAt when the daemon started the process (resets the restart backoff)
 * @param fingerprint the fingerprint of {@code template}, the template the process runs
 * @param generation the generation last recorded for the instance
 * @param cgroup the cgroup directories the process was put in, {@code ;}-separated, or empty
 */
public record InstanceRecord(
        String name,
        String token,
        Optional<Long> pid,
        Optional<Instant> processStart,
        Optional<Instant> startedAt,
        String fingerprint,
        long generation,
        WorkloadTemplate template,
        InstancePhase phase,
        int restarts,
        Optional<Integer> lastExit,
        String message,
        Instant since,
        String cgroup) {

    public InstanceRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(processStart, "processStart");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(lastExit, "lastExit");
        message = Objects.requireNonNullElse(message, "");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(cgroup, "cgroup");
    }

    /** What goes upstream in a {@code workload-status} report. */
    public InstanceStatus toStatus() {
        return new InstanceStatus(name, generation, phase, restarts, lastExit, message, since);
    }

    /** The phase as the wire and people spell it ({@code Running}). */
    public static String phaseName(InstancePhase phase) {
        String lower = phase.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** Whether the reported state differs (what a status report carries). */
    boolean sameStatus(InstanceRecord other) {
        return phase == other.phase
                && restarts == other.restarts
                && generation == other.generation
                && lastExit.equals(other.lastExit)
                && message.equals(other.message);
    }
}
