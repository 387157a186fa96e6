package io.edgefleet.edge;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-way "please stop" shared by the shutdown hook and whatever the daemon is waiting on
 * (enrollment retries, the main loop), so that SIGTERM ends a wait at once instead of after it.
 */
public final class StopSignal {
    private final CountDownLatch latch = new CountDownLatch(1);

    public void request() {
        latch.countDown();
    }

    /**
     * Waits up to {@code timeout}.
     *
     * @return true when stopping was requested (before or during the wait)
     */
    public boolean await(Duration timeout) {
        try {
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Waits until stopping is requested. */
    public void await() {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
