package io.edgefleet.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a deadline: the way tests wait, so that none sleeps longer than it must. */
public final class Wait {
    /** The timeout of {@link #until(String, BooleanSupplier)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The poll interval of the overloads that take none. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(20);

    private Wait() {}

    /** {@link #until(String, Duration, Duration, BooleanSupplier)} with a 10 s timeout, polling every 20 ms. */
    public static Duration until(String what, BooleanSupplier condition) {
        return until(what, DEFAULT_TIMEOUT, DEFAULT_POLL, condition);
    }

    /** {@link #until(String, Duration, Duration, BooleanSupplier)} polling every 20 ms. */
    public static Duration until(String what, Duration timeout, BooleanSupplier condition) {
        return until(what, timeout, DEFAULT_POLL, condition);
    }

    /**
     * Polls until the condition holds and returns the time that took. An exception the condition throws
     * ends the wait with that exception.
     *
     * @param what what is awaited, for the failure message ("node edge-1 Online")
     * @throws IllegalStateException naming {@code what} when the timeout passes or the thread is
     *     interrupted (the interrupt flag is kept)
     */
    public static Duration until(String what, Duration timeout, Duration poll, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + readable(timeout) + " waiting for " + what);
            }
            try {
                Thread.sleep(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String readable(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
