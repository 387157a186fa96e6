package io.edgefleet.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedSerialExecutorTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final KeyedSerialExecutor executor = new KeyedSerialExecutor(pool);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void tasksOfOneKeyRunInSubmissionOrder() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(200);
        for (int i = 0; i < 200; i++) {
            int n = i;
            executor.execute("node-a", () -> {
                order.add(n);
                done.countDown();
            });
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).isSorted().hasSize(200);
    }

    @Test
    void otherKeysDoNotWaitForABusyKey() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        executor.execute("slow", () -> await(release));

        executor.execute("fast", otherRan::countDown);

        assertThat(otherRan.await(5, TimeUnit.SECONDS)).isTrue();
        release.countDown();
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesBehindIt() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        executor.execute("node-b", () -> {
            throw new IllegalStateException("boom");
        });

        executor.execute("node-b", ran::countDown);

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void idleKeysAreForgotten() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        executor.execute("node-c", ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (executor.activeKeys() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(executor.activeKeys()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
