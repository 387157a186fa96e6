package io.edgefleet.driver.simulated;

import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DriverException;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.SessionState;
import io.edgefleet.driver.Subscription;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.WriteCheck;
import io.edgefleet.driver.WriteResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open simulated device.
 *
 * <p>Locks: {@code device} serialises everything that touches the simulated device (the worker's
 * reads and writes, subscription ticks), as a real device answers one request at a time; {@code
 * lifecycle} orders subscribe against close, so no subscription is scheduled on a closed session.
 * {@link #close()} takes neither for long, so it returns promptly even while a slow read sleeps.
 */
final class SimulatedSession implements DriverSession {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedSession.class);

    private final DeviceConnection connection;
    private final SimulatedSettings settings;
    private final Map<String, SimulatedProperty> properties = new LinkedHashMap<>();
    private final Clock clock;
    private final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.CONNECTED);
    private final ReentrantLock device = new ReentrantLock();
    private final Object lifecycle = new Object();
    private final List<SimulatedSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler; // guarded by lifecycle, created on first subscribe
    private long reads; // guarded by device

    /** A device that powers up now: generators start from the clock's current time. */
    SimulatedSession(
            DeviceConnection connection, SimulatedSettings settings, List<SimulatedProperty.Spec> specs, Clock clock) {
        this.connection = connection;
        this.settings = settings;
        this.clock = clock;
        Instant poweredUp = clock.instant();
        // Duplicate names cannot get here (validation refuses them); the first would win.
        specs.forEach(spec -> properties.putIfAbsent(spec.binding().name(), new SimulatedProperty(spec, poweredUp)));
    }

    @Override
    public DeviceConnection connection() {
        return connection;
    }

    @Override
    public SessionState state() {
        return state.get();
    }

    @Override
    public List<Reading> read(List<String> names) {
        requireOpen();
        return readDevice(List.copyOf(names));
    }

    /** A subscription tick's read: nothing once the session is closed. */
    List<Reading> readForSubscription(List<String> names) {
        return state.get() == SessionState.CLOSED ? List.of() : readDevice(names);
    }

    private List<Reading> readDevice(List<String> names) {
        device.lock();
        try {
            Optional<String> noAnswer = waitForDevice("read");
            Instant now = clock.instant();
            if (noAnswer.isPresent()) {
                return names.stream()
                        .map(name -> Reading.error(name, noAnswer.get(), now))
                        .toList();
            }
            reads++;
            boolean failing = settings.failsRead(reads);
            moveTo(failing ? SessionState.RECONNECTING : SessionState.CONNECTED);
            if (failing) {
                String reason = "simulated device not answering (fail-after-reads="
                        + settings.failAfterReads().orElseThrow() + ")";
                return names.stream()
                        .map(name -> Reading.error(name, reason, now))
                        .toList();
            }
            return names.stream().map(name -> readOne(name, now)).toList();
        } finally {
            device.unlock();
        }
    }

    private Reading readOne(String name, Instant now) {
        SimulatedProperty property = properties.get(name);
        if (property == null) {
            return Reading.error(name, "device '" + connection.device() + "' has no property '" + name + "'", now);
        }
        try {
            TypedValue value = property.next(now);
            return switch (property.quality()) {
                case GOOD -> Reading.good(name, value, now);
                case STALE -> Reading.stale(name, value, now, "simulated: value not confirmed (quality=stale)");
                case ERROR -> Reading.error(name, "simulated: read error (quality=error)", now);
            };
        } catch (IllegalArgumentException e) {
            // A generator that overflows its type (a sine of amplitude 1e39 as FLOAT): this property only.
            return Reading.error(
                    name, "simulated value does not fit " + property.binding().type() + ": " + e.getMessage(), now);
        }
    }

    @Override
    public WriteResult write(String property, TypedValue value) {
        requireOpen();
        return switch (WriteCheck.of(connection, property, value)) {
            case WriteCheck.Denied denied -> denied.refusal();
            case WriteCheck.Allowed allowed -> writeDevice(allowed.binding().name(), allowed.value());
        };
    }

    private WriteResult writeDevice(String name, TypedValue value) {
        device.lock();
        try {
            Optional<String> noAnswer = waitForDevice("write");
            if (noAnswer.isPresent()) {
                return new WriteResult.Refused(WriteResult.Refused.TIMEOUT, noAnswer.get());
            }
            if (state.get() == SessionState.RECONNECTING) {
                return new WriteResult.Refused(
                        WriteResult.Refused.NOT_CONNECTED,
                        "simulated device '" + connection.device() + "' is not answering");
            }
            properties.get(name).remember(value);
            return new WriteResult.Written(value);
        } finally {
            device.unlock();
        }
    }

    /**
     * Spends the configured latency; empty if the device answered, else why not. A latency at or
     * above the request timeout is a device that does not answer in time: wait the timeout, give up.
     */
    private Optional<String> waitForDevice(String what) {
        Duration latency = settings.latency();
        Duration timeout = connection.timeouts().request();
        boolean timesOut = latency.compareTo(timeout) >= 0;
        try {
            Thread.sleep(timesOut ? timeout : latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while waiting for the simulated device");
        }
        return timesOut
                ? Optional.of("no answer to the " + what + " within " + timeout.toMillis() + " ms (latency-ms="
                        + latency.toMillis() + ")")
                : Optional.empty();
    }

    private void moveTo(SessionState next) {
        SessionState previous = state.getAndUpdate(s -> s == SessionState.CLOSED ? s : next);
        if (previous == SessionState.CONNECTED && next == SessionState.RECONNECTING) {
            LOG.info("EF4003 simulated device {} stops answering after {} reads", connection.device(), reads - 1);
        } else if (previous == SessionState.RECONNECTING && next == SessionState.CONNECTED) {
            LOG.info("EF4004 simulated device {} answers again", connection.device());
        }
    }

    @Override
    public Optional<Subscription> subscribe(List<String> names, Duration interval, Consumer<Reading> listener) {
        Objects.requireNonNull(listener, "listener");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("subscribe to at least one property");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive, got " + interval);
        }
        synchronized (lifecycle) {
            requireOpen();
            if (scheduler == null) {
                scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "simulated-" + connection.device());
                    thread.setDaemon(true);
                    return thread;
                });
            }
            SimulatedSubscription subscription = new SimulatedSubscription(this, names, interval, listener);
            subscriptions.add(subscription);
            // Fixed delay, not rate: a slow device (latency-ms) is never asked faster than it answers.
            subscription.scheduledAs(
                    scheduler.scheduleWithFixedDelay(subscription::tick, 0, interval.toNanos(), TimeUnit.NANOSECONDS));
            return Optional.of(subscription);
        }
    }

    void forget(SimulatedSubscription subscription) {
        subscriptions.remove(subscription);
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            state.set(SessionState.CLOSED);
            if (scheduler != null) {
                // shutdown, not shutdownNow: a tick in progress finishes its read and then finds its
                // subscription closed; interrupting it would only turn that read into an error.
                scheduler.shutdown();
            }
        }
        // Outside the lifecycle lock: closing a subscription waits for a delivery in progress, and
        // that delivery's listener may itself be calling close().
        subscriptions.forEach(SimulatedSubscription::close);
    }

    private void requireOpen() {
        if (state.get() == SessionState.CLOSED) {
            throw DriverException.sessionClosed(connection.device());
        }
    }
}
