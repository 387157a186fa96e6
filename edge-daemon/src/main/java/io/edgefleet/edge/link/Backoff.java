package io.edgefleet.edge.link;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: exponential growth with full jitter. Attempt {@code n} (from 0) waits a uniformly
 * random time between {@code min} and {@code min(max, min * 2^n)}, so a fleet that lost its broker
 * at the same moment does not reconnect in lockstep. {@link #reset()} after a stable connection.
 */
public final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(Duration min, Duration max, RandomGenerator random) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = Objects.requireNonNull(random, "random");
        if (minMillis < 1 || maxMillis < minMillis) {
            throw new IllegalArgumentException("need 0 < min <= max, got " + min + ", " + max);
        }
    }

    /** The wait before the next attempt; each call counts one attempt. */
    public Duration nextDelay() {
        long ceiling = ceiling(attempt);
        if (attempt < 62) {
            attempt++;
        }
        long delay = ceiling == minMillis ? minMillis : random.nextLong(minMillis, ceiling + 1);
        return Duration.ofMillis(delay);
    }

    /** Upper bound of the delay for attempt {@code n}. */
    long ceiling(int n) {
        long ceiling = minMillis;
        for (int i = 0; i < n && ceiling < maxMillis; i++) {
            ceiling = ceiling > maxMillis / 2 ? maxMillis : ceiling * 2;
        }
        return Math.min(ceiling, maxMillis);
    }

    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }
}
