package io.edgefleet.edge.device;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The device manager's settings, defaults in code (tests shorten them). Collect and report cycles
 * come with each device's spec.
 *
 * @param openRetryMin first wait after a session could not be opened; doubles up to {@code openRetryMax}
 * @param openRetryMax longest wait between attempts to open a session
 */
public record DeviceSettings(Duration openRetryMin, Duration openRetryMax, Clock clock) {
    public static final DeviceSettings DEFAULT =
            new DeviceSettings(Duration.ofSeconds(1), Duration.ofSeconds(60), Clock.systemUTC());

    public DeviceSettings {
        Objects.requireNonNull(openRetryMin, "openRetryMin");
        Objects.requireNonNull(openRetryMax, "openRetryMax");
        Objects.requireNonNull(clock, "clock");
        if (openRetryMin.isNegative() || openRetryMin.isZero() || openRetryMax.compareTo(openRetryMin) < 0) {
            throw new IllegalArgumentException("need 0 < openRetryMin <= openRetryMax");
        }
    }

    /** The wait before attempt {@code failures + 1}. */
    Duration retryAfter(int failures) {
        Duration wait = openRetryMin;
        for (int i = 1; i < failures && wait.compareTo(openRetryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(openRetryMax) > 0 ? openRetryMax : wait;
    }
}
