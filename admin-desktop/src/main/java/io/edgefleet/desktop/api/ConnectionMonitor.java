package io.edgefleet.desktop.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Whether the server answers. Every REST call reports here; when one gets no answer the monitor
 * marks the server unreachable (the banner shows it, the views mark their data stale) and probes it
 * with {@link Backoff} until it answers again, then tells the view-models to reload. The properties
 * change on the UI executor only.
 */
public final class ConnectionMonitor {
    private final Executor ui;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final Clock clock;
    private final List<Runnable> reconnectListeners = new CopyOnWriteArrayList<>();
    private final ReadOnlyBooleanWrapper reachable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Optional<Instant>> nextRetry = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObjectProperty<Optional<Instant>> lastAnswer = new SimpleObjectProperty<>(Optional.empty());
    private volatile Runnable probe = () -> {};
    private boolean down;
    private boolean probeScheduled;

    public ConnectionMonitor(Executor ui, ScheduledExecutorService scheduler, Backoff backoff, Clock clock) {
        this.ui = ui;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** The call that checks the server again while it is unreachable (a cheap GET). */
    public void probeWith(Runnable probe) {
        this.probe = probe;
    }

    /** Runs on the UI executor each time the server answers again after being unreachable. */
    public void onReconnect(Runnable listener) {
        reconnectListeners.add(listener);
    }

    /** A call got an answer (any status: a 4xx is an answer too). */
    public void answered() {
        Instant now = clock.instant();
        boolean wasDown;
        synchronized (this) {
            wasDown = down;
            down = false;
            backoff.reset();
        }
        ui.execute(() -> {
            lastAnswer.set(Optional.of(now));
            if (wasDown) {
                reachable.set(true);
                problem.set("");
                nextRetry.set(Optional.empty());
                reconnectListeners.forEach(Runnable::run);
            }
        });
    }

    /** A call got no answer; schedules the next probe unless one is waiting already. */
    public void unreachable(String reason) {
        Duration delay;
        synchronized (this) {
            down = true;
            if (probeScheduled) {
                ui.execute(() -> problem.set(reason));
                return;
            }
            probeScheduled = true;
            delay = backoff.nextDelay();
        }
        Instant retryAt = clock.instant().plus(delay);
        ui.execute(() -> {
            reachable.set(false);
            problem.set(reason);
            nextRetry.set(Optional.of(retryAt));
        });
        scheduler.schedule(this::runProbe, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runProbe() {
        synchronized (this) {
            probeScheduled = false;
            if (!down) {
                return;
            }
        }
        try {
            probe.run();
        } catch (RuntimeException stillDown) {
            // The client reported it through unreachable(), which scheduled the next probe.
        }
    }

    public ReadOnlyBooleanProperty reachableProperty() {
        return reachable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<Instant>> nextRetryProperty() {
        return nextRetry.getReadOnlyProperty();
    }

    public ObjectProperty<Optional<Instant>> lastAnswerProperty() {
        return lastAnswer;
    }

    public int failures() {
        return backoff.failures();
    }
}
