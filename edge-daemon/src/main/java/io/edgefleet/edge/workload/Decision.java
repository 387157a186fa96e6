package io.edgefleet.edge.workload;

import io.edgefleet.protocol.workload.DesiredWorkload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the reconciler does about one workload, decided from the desired state and what the node
 * observes. Pure: the whole rule set is here and unit-tested. The rule that matters most: an
 * instance is replaced only when its template fingerprint changed; a new generation with the same
 * template is recorded, never restarted.
 */
sealed interface Decision {

    /** Start a process. {@code fresh}: a new or changed template (restart count back to 0). */
    record Start(boolean fresh) implements Decision {}

    /** The template changed while the process runs: stop it; the start follows its exit. */
    record Replace() implements Decision {}

    /** The workload is no longer desired and its process runs: stop it. */
    record Stop() implements Decision {}

    /** Not desired and nothing runs: forget the instance. */
    record Forget() implements Decision {}

    /** Nothing to do now (running as wanted, waiting for a backoff, a download or a stop). */
    record Keep() implements Decision {}

    /**
     * What the node observes about one instance.
     *
     * @param known an instance record exists
     * @param alive its process runs
     * @param stopping a stop was requested and the process has not exited yet
     * @param busy its artifact is being fetched
     * @param fingerprint template fingerprint of the instance
     * @param startAt when a process may be started (again); empty: not by itself (completed, failed
     *     for good, or running)
     */
    record Observed(
            boolean known,
            boolean alive,
            boolean stopping,
            boolean busy,
            String fingerprint,
            Optional<Instant> startAt) {
        public Observed {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(startAt, "startAt");
        }

        static final Observed NONE = new Observed(false, false, false, false, "", Optional.empty());
    }

    static Decision decide(Optional<DesiredWorkload> desired, Observed observed, Instant now) {
        if (desired.isEmpty()) {
            if (!observed.known()) {
                return new Keep();
            }
            if (observed.alive()) {
                return observed.stopping() ? new Keep() : new Stop();
            }
            return new Forget();
        }
        if (!observed.known()) {
            return new Start(true);
        }
        boolean changed = !desired.get().template().fingerprint().equals(observed.fingerprint());
        if (observed.alive()) {
            return changed && !observed.stopping() ? new Replace() : new Keep();
        }
        if (changed) {
            return new Start(true);
        }
        if (observed.busy()) {
            return new Keep();
        }
        return observed.startAt().filter(at -> !at.isAfter(now)).isPresent() ? new Start(false) : new Keep();
    }
}
