package io.edgefleet.desktop.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Where work runs: server calls on {@code background}, their results applied on {@code ui}. In the app
 * {@code ui} is the FX thread; in the view-model tests both run the task at once, so the tests need no
 * toolkit and no waiting.
 */
public record Dispatch(Executor ui, Executor background) {

    public static Dispatch fx() {
        ExecutorService calls = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("server-call-", 0).factory());
        return new Dispatch(Platform::runLater, calls);
    }

    public static Dispatch direct() {
        return new Dispatch(Runnable::run, Runnable::run);
    }

    /** Calls {@code call} off the UI thread, then hands its result or its failure to the UI thread. */
    public <T> void run(Supplier<T> call, Consumer<T> onResult, Consumer<RuntimeException> onFailure) {
        CompletableFuture.supplyAsync(call, background).whenComplete((result, failure) -> {
            if (failure == null) {
                ui.execute(() -> onResult.accept(result));
            } else {
                RuntimeException cause = unwrap(failure);
                ui.execute(() -> onFailure.accept(cause));
            }
        });
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
