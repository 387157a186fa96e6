package io.edgefleet.edge.workload;

import java.time.Duration;
import java.util.Objects;

/**
 * Delay before restarting an exited process: {@code initial}, doubling with each consecutive
 * failure up to {@code max}; a process that ran for {@code resetAfter} or longer counts as healthy
 * again, so its next restart waits {@code initial} only.
 */
public record RestartBackoff(Duration initial, Duration max, Duration resetAfter) {
    /** 1 s doubling to 5 min, reset after 10 min of running. */
    public static final RestartBackoff DEFAULT =
            new RestartBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(10));

    public RestartBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(resetAfter, "resetAfter");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
    }

    /**
     * The consecutive-failure count after a process that ran for {@code ran} exited, given the count
     * before it started.
     */
    public int failuresAfter(int failuresBefore, Duration ran) {
        return ran.compareTo(resetAfter) >= 0 ? 1 : failuresBefore + 1;
    }

    /** The delay before the restart that follows {@code failures} consecutive failures (at least 1). */
    public Duration delay(int failures) {
        int doublings = Math.max(0, failures - 1);
        if (doublings >= 31) {
            return max;
        }
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
