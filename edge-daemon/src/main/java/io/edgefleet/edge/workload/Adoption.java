package io.edgefleet.edge.workload;

import io.edgefleet.protocol.workload.InstancePhase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a starting runtime finds of the processes its stored instances ran: by token on Linux
 * ({@link ProcessScan}), else by stored pid whose start instant matches within a second (a reused
 * pid has another start instant). Processes carrying this store's prefix but a token no instance
 * owns are orphans (a crash between a spawn and its record), to be stopped.
 */
final class Adoption {
    private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    private Adoption() {}

    /**
     * @param byName the live process of each instance that has one
     * @param orphans live processes of this store that no instance owns, by token
     */
    record Found(Map<String, ProcessHandle> byName, Map<String, ProcessHandle> orphans) {}

    static Found find(List<InstanceRecord> records, String tokenPrefix) {
        Map<String, ProcessHandle> byName = new HashMap<>();
        if (!ProcessScan.available()) {
            records.forEach(r -> byPidAndStart(r).ifPresent(process -> byName.put(r.name(), process)));
            return new Found(byName, Map.of());
        }
        Map<String, ProcessHandle> byToken = new HashMap<>(ProcessScan.byToken(tokenPrefix));
        Set<String> known = new HashSet<>();
        for (InstanceRecord r : records) {
            known.add(r.token());
            Optional.ofNullable(byToken.get(r.token())).ifPresent(process -> byName.put(r.name(), process));
        }
        byToken.keySet().removeAll(known);
        return new Found(byName, byToken);
    }

    /**
     * When an instance whose process is gone starts again: at once, unless it had completed, or
     * failed for good (a process that exited under a policy that does not restart it).
     */
    static Optional<Instant> startAt(InstanceRecord record, Instant now) {
        return switch (record.phase()) {
            case COMPLETED -> Optional.empty();
            case FAILED ->
                // A failed start (spawn error, artifact) is retried; a failed process stays failed.
                record.template().restartPolicy().restartsAfter(1)
                                && record.lastExit().isEmpty()
                        ? Optional.of(now)
                        : Optional.empty();
            default -> Optional.of(now);
        };
    }

    private static Optional<ProcessHandle> byPidAndStart(InstanceRecord record) {
        if (record.pid().isEmpty() || record.processStart().isEmpty()) {
            return Optional.empty();
        }
        Instant stored = record.processStart().get();
        return ProcessHandle.of(record.pid().get())
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                        .startInstant()
                        .filter(start -> Duration.between(start, stored).abs().compareTo(START_TOLERANCE) < 0)
                        .isPresent());
    }

    /** Whether a phase means the instance was meant to have a process. */
    static boolean hadProcess(InstancePhase phase) {
        return phase == InstancePhase.STARTING || phase == InstancePhase.RUNNING;
    }
}
