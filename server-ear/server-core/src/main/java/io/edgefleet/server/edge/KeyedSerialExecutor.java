package io.edgefleet.server.edge;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Runs tasks with the same key one after the other, in submission order, and tasks with different
 * keys in parallel, on a shared executor. Keyed by node: a node's messages are applied in the order
 * they arrived (so seq 2 never overtakes seq 1 and turns into a needless resend), while other nodes
 * proceed. A failing task does not stop the ones behind it.
 */
public final class KeyedSerialExecutor {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Executor executor;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public KeyedSerialExecutor(Executor executor) {
        this.executor = executor;
    }

    public void execute(String key, Runnable task) {
        CompletableFuture<Void> next = tails.compute(
                key, (k, tail) -> (tail == null ? DONE : tail.exceptionally(e -> null)).thenRunAsync(task, executor));
        // Registered outside compute(): the callback may run at once and touch the map itself.
        next.whenComplete((ignored, error) -> tails.remove(key, next));
    }

    /** Keys with queued or running tasks; for tests and metrics. */
    public int activeKeys() {
        return tails.size();
    }
}
