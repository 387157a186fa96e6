package io.edgefleet.systemtest.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a deadline: the only way tests here wait, so none sleeps longer than it must. */
public final class Wait {
    private Wait() {}

    /** Polls until the condition holds; returns the time it took. Throws with {@code what} on timeout. */
    public static Duration until(String what, Duration timeout, Duration poll, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
