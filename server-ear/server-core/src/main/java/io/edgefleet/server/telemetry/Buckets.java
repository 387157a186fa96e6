package io.edgefleet.server.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Bucket arithmetic of downsampled history: bucket {@code i} covers {@code [from + i·step, from +
 * (i+1)·step)}, the last one cut off at {@code to}. The database computes each reading's index as
 * {@code FLOOR(TIMESTAMPDIFF(MICROSECOND, from, source_time) / stepMicros)} (the same expression on
 * MariaDB/MySQL and H2); {@link #index} is that expression in Java.
 */
public final class Buckets {
    private Buckets() {}

    /** How many buckets {@code [from, to)} splits into: the range over the step, rounded up. */
    public static long count(Instant from, Instant to, Duration step) {
        long range = ChronoUnit.MICROS.between(from, to);
        long width = micros(step);
        return range / width + (range % width == 0 ? 0 : 1);
    }

    /** The start of bucket {@code index}. */
    public static Instant start(Instant from, Duration step, long index) {
        return from.plus(micros(step) * index, ChronoUnit.MICROS);
    }

    /** The bucket a reading at {@code time} (not before {@code from}) falls into. */
    public static long index(Instant from, Duration step, Instant time) {
        return Math.floorDiv(ChronoUnit.MICROS.between(from, time), micros(step));
    }

    static long micros(Duration step) {
        long width = step.toNanos() / 1_000;
        if (width < 1) {
            throw new IllegalArgumentException("step must be at least a microsecond");
        }
        return width;
    }
}
