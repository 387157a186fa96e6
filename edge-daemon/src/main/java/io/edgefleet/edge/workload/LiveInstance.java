package io.edgefleet.edge.workload;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * The reconciler's working state of one instance: the persisted {@link InstanceRecord} plus what
 * only a running daemon knows (the process handle, timers, probe counters). Touched only on the
 * decision thread.
 */
final class LiveInstance {
    InstanceRecord record;
    Optional<ProcessHandle> handle = Optional.empty();
    /** Why the process is being stopped; empty when no stop was asked for. */
    Optional<String> stopping = Optional.empty();
    /** A restart was asked for (a rule): start again once the stopped process has exited. */
    boolean restartRequested;
    /** Why the daemon killed a process it wants restarted under the policy (liveness). */
    Optional<String> killedBecause = Optional.empty();

    Set<ProcessHandle> signalled = Set.of();
    Optional<Instant> startAt = Optional.empty();
    int failures;
    boolean countRestart;
    /** The fingerprint whose artifact is being fetched. */
    Optional<String> fetching = Optional.empty();

    Optional<Path> artifact = Optional.empty();
    final List<ScheduledFuture<?>> timers = new ArrayList<>();
    int livenessFailures;
    int readinessFailures;
    boolean livenessInFlight;
    boolean readinessInFlight;

    LiveInstance(InstanceRecord record) {
        this.record = record;
    }

    boolean alive() {
        return handle.isPresent();
    }

    void cancelTimers() {
        timers.forEach(timer -> timer.cancel(false));
        timers.clear();
        livenessFailures = 0;
        readinessFailures = 0;
    }

    Decision.Observed observed() {
        return new Decision.Observed(
                true, alive(), stopping.isPresent(), fetching.isPresent(), record.fingerprint(), startAt);
    }
}
