package io.edgefleet.server.link.mqtt;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter for reconnects: the delay doubles per failed attempt up to a cap,
 * and each delay is drawn from its upper half so that a cluster of servers that lost the broker at
 * the same moment does not come back in lockstep.
 */
record Backoff(Duration initial, Duration max) {

    static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));

    Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
    }

    /**
     * @param attempt 1 for the first retry
     * @param random uniform in [0, 1)
     */
    Duration delay(int attempt, DoubleSupplier random) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << shift);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half + 1)));
    }
}
