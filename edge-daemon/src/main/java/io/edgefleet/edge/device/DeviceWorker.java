package io.edgefleet.edge.device;

import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DriverException;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.SessionState;
import io.edgefleet.driver.Subscription;
import io.edgefleet.protocol.device.DesiredDevice;
import io.edgefleet.protocol.device.DeviceState;
import io.edgefleet.protocol.device.ReportedValue;
import io.edgefleet.protocol.device.TelemetryReading;
import io.edgefleet.protocol.device.ValueQuality;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's session and cycles, on a virtual thread of its own: open (with backoff while the
 * device is unreachable), collect every {@code collectCycleMs} (poll, or drain what a subscription
 * pushed), write desired values and read them back, and every {@code reportCycleMs} (on the node's
 * report grid) one coalesced report of what changed, which the {@link TwinReporter} appends together
 * with the other devices' reports. The session is used from this thread only (the SPI's rule).
 */
final class DeviceWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceWorker.class);
    static final String CONNECTION_LOST = "connection lost; the driver is reconnecting";

    private final DesiredDevice device;
    private final DeviceConnection connection;
    private final DeviceContext context;
    private final DesiredWrites writes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private final ConcurrentLinkedQueue<Reading> pushed = new ConcurrentLinkedQueue<>();
    private final Map<String, ReportedValue> last = new LinkedHashMap<>();
    private final Map<String, ReportedValue> changed = new LinkedHashMap<>();
    private volatile boolean stopping;
    private boolean wakeRequested;
    private Optional<DriverSession> session = Optional.empty();
    private Optional<Subscription> subscription = Optional.empty();
    /** The session's state at the last collect. */
    private SessionState sessionState = SessionState.CONNECTED;

    private Optional<DeviceState> state = Optional.empty();
    private boolean stateChanged;
    private Instant since = Instant.EPOCH;
    private Optional<Instant> lastRead = Optional.empty();
    private String error = "";
    private int openFailures;
    private Instant nextOpen = Instant.EPOCH;
    private Thread thread;

    DeviceWorker(DesiredDevice device, DeviceContext context) {
        this.device = device;
        this.connection = DeviceConnections.of(device);
        this.context = context;
        this.writes = new DesiredWrites(
                device.name(), connection, context.store(), context.settings().clock());
    }

    DesiredDevice device() {
        return device;
    }

    void start() {
        thread = Thread.ofVirtual().name("edge-device-" + device.name()).start(this);
    }

    /** Asks for a collect and desired pass now (desired values changed). Any thread. */
    void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the worker and waits until its session is closed (or {@code timeout} passed). */
    boolean stop(Duration timeout) {
        stopping = true;
        wake();
        try {
            return thread.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void run() {
        Duration collect = Duration.ofMillis(device.collectCycleMs());
        Duration report = Duration.ofMillis(device.reportCycleMs());
        // On the node's report grid, so that the devices of one cycle report together (TwinReporter).
        Instant nextReport = context.reporter().nextReport(now(), report);
        try {
            while (!stopping) {
                Instant start = now();
                if (session.isEmpty() && !start.isBefore(nextOpen)) {
                    open();
                }
                if (session.isPresent()) {
                    collect();
                    session.ifPresent(s -> process(writes.apply(s)));
                    context.feed().twin(device.name(), writes.targets(), Collections.unmodifiableMap(last));
                }
                if (!now().isBefore(nextReport)) {
                    report();
                    nextReport = context.reporter().nextReport(now(), report);
                }
                Instant wakeAt = session.isPresent() ? start.plus(collect) : min(nextOpen, start.plus(collect));
                pause(min(wakeAt, nextReport));
            }
        } catch (RuntimeException e) {
            LOG.error("EF3790 device {} worker failed: {}", device.name(), e.toString(), e);
        } finally {
            closeSession();
            report();
        }
    }

    private void open() {
        try {
            DriverSession opened = context.drivers().open(connection);
            session = Optional.of(opened);
            openFailures = 0;
            // A new session writes every target again: the device may have lost them meanwhile.
            writes.connectionRestored();
            sessionState = opened.state();
            subscription = opened.subscribe(
                    connection.propertyNames(), Duration.ofMillis(device.collectCycleMs()), pushed::add);
            LOG.info(
                    "EF3700 device {} ({}) session open; {}",
                    device.name(),
                    device.protocol(),
                    subscription.isPresent() ? "subscribed" : "polling every " + device.collectCycleMs() + " ms");
        } catch (DriverException e) {
            openFailures++;
            Duration wait = retryAfter(e);
            nextOpen = now().plus(wait);
            String reason = e.code() + ": " + e.getMessage();
            if (!reason.equals(error) || openFailures == 1) {
                LOG.warn(
                        "EF3702 device {} cannot be opened ({}); retrying in {} ms. {}",
                        device.name(),
                        reason,
                        wait.toMillis(),
                        e.hint());
            }
            changeState(DeviceState.OFFLINE, reason);
            saveStatus();
        } catch (IllegalArgumentException e) {
            openFailures++;
            nextOpen = now().plus(context.settings().openRetryMax());
            changeState(DeviceState.OFFLINE, "driver refused the device: " + e.getMessage());
            saveStatus();
        }
    }

    private Duration retryAfter(DriverException e) {
        boolean hopeless =
                DriverException.INVALID_CONFIG.equals(e.code()) || DriverException.UNKNOWN_PROTOCOL.equals(e.code());
        // A configuration error needs a new spec, not a faster retry: try again rarely.
        return hopeless ? context.settings().openRetryMax() : context.settings().retryAfter(openFailures);
    }

    private void collect() {
        DriverSession s = session.orElseThrow();
        if (subscription.isEmpty()) {
            process(s.read(connection.propertyNames()));
        } else {
            List<Reading> readings = new ArrayList<>();
            for (Reading r = pushed.poll(); r != null; r = pushed.poll()) {
                readings.add(r);
            }
            process(readings);
        }
        followSession(s.state());
    }

    /**
     * A subscription may fall silent when the connection is lost (the SPI lets a driver suspend its
     * deliveries; OPC UA does), so nothing would ever say the device is gone: the session's own state
     * does. Online again once the session is connected, even before a value changes. A device that
     * answers again after a lost connection may have restarted and lost its setpoints: every desired
     * value is written again.
     */
    private void followSession(SessionState now) {
        if (sessionState == SessionState.RECONNECTING && now == SessionState.CONNECTED) {
            writes.connectionRestored();
        }
        sessionState = now;
        if (now == SessionState.RECONNECTING && !state.equals(Optional.of(DeviceState.OFFLINE))) {
            changeState(DeviceState.OFFLINE, CONNECTION_LOST);
            saveStatus();
        } else if (now == SessionState.CONNECTED
                && state.equals(Optional.of(DeviceState.OFFLINE))
                && CONNECTION_LOST.equals(error)) {
            changeState(DeviceState.ONLINE, "");
            saveStatus();
        }
    }

    /** Readings to the twin, the telemetry buffer, the device state and the rules. */
    private void process(List<Reading> readings) {
        Instant now = now();
        List<ReportedValue> all = readings.stream().map(JsonValues::reported).toList();
        // A reading older than the one the twin holds is history, not the present: a subscription's
        // tick taken before a write can arrive after the write's read-back. The twin never goes back.
        List<ReportedValue> values = all.stream().filter(v -> !olderThanHeld(v)).toList();
        List<TelemetryReading> telemetry = new ArrayList<>();
        for (ReportedValue v : all) {
            v.value()
                    .ifPresent(json -> telemetry.add(
                            new TelemetryReading(device.name(), v.property(), json, v.quality(), v.sourceTime())));
        }
        if (values.isEmpty()) {
            if (!telemetry.isEmpty()) {
                context.store().inTransaction(tx -> {
                    context.telemetry().append(tx, telemetry, now);
                    return null;
                });
            }
            return;
        }
        boolean allFailed = values.stream().allMatch(v -> v.quality() == ValueQuality.ERROR);
        for (ReportedValue v : values) {
            if (JsonValues.changed(Optional.ofNullable(last.get(v.property())), v)) {
                changed.put(v.property(), v);
            } else if (changed.containsKey(v.property())) {
                changed.put(v.property(), v); // coalesced: the latest reading of a changed property
            }
            last.put(v.property(), v);
        }
        if (!allFailed) {
            lastRead = Optional.of(now);
        }
        changeState(
                allFailed ? DeviceState.OFFLINE : DeviceState.ONLINE,
                allFailed ? values.getFirst().error().orElse("every read failed") : "");
        context.store().inTransaction(tx -> {
            TwinTable.putReported(tx.connection(), device.name(), values);
            context.telemetry().append(tx, telemetry, now);
            DeviceTable.putStatus(tx.connection(), device.name(), status());
            return null;
        });
        context.feed().readings(device.name(), values);
        context.feed().state(device.name(), state.orElse(DeviceState.OFFLINE));
        context.rules().onValues(device.name(), values, now);
    }

    private boolean olderThanHeld(ReportedValue reading) {
        ReportedValue held = last.get(reading.property());
        return held != null && reading.sourceTime().isBefore(held.sourceTime());
    }

    private void changeState(DeviceState next, String why) {
        error = why;
        if (state.equals(Optional.of(next))) {
            return;
        }
        state = Optional.of(next);
        stateChanged = true;
        since = now();
        if (next == DeviceState.ONLINE) {
            LOG.info("EF3701 device {} online", device.name());
        } else {
            LOG.warn("EF3703 device {} offline: {}", device.name(), why);
        }
    }

    private DeviceTable.Status status() {
        return new DeviceTable.Status(state.orElse(DeviceState.OFFLINE), since, lastRead, error);
    }

    private void saveStatus() {
        context.store().inTransaction(tx -> {
            DeviceTable.putStatus(tx.connection(), device.name(), status());
            return null;
        });
        context.feed().state(device.name(), state.orElse(DeviceState.OFFLINE));
    }

    /**
     * One coalesced report, handed to the {@link TwinReporter}: the latest value of each changed
     * property, the state if it changed, and whether edge-set desired values wait to be sent.
     */
    private void report() {
        boolean edgeChanges = false;
        if (changed.isEmpty() && !stateChanged && context.linkUp().getAsBoolean()) {
            try {
                edgeChanges = context.store()
                        .inTransaction(tx -> TwinTable.edgeChanges(tx.connection(), device.name()).values().stream()
                                .anyMatch(c -> !c.sent()));
            } catch (RuntimeException e) {
                LOG.warn("EF3717 edge changes of device {} could not be read: {}", device.name(), e.toString());
            }
        }
        if (changed.isEmpty() && !stateChanged && !edgeChanges) {
            return;
        }
        context.reporter()
                .offer(
                        device.name(),
                        stateChanged ? state : Optional.empty(),
                        List.copyOf(changed.values()),
                        edgeChanges);
        changed.clear();
        stateChanged = false;
    }

    private void closeSession() {
        subscription.ifPresent(Subscription::close);
        subscription = Optional.empty();
        session.ifPresent(DriverSession::close);
        if (session.isPresent()) {
            LOG.info("EF3708 device {} session closed", device.name());
        }
        session = Optional.empty();
    }

    private void pause(Instant until) {
        lock.lock();
        try {
            long nanos = Duration.between(now(), until).toNanos();
            while (!wakeRequested && !stopping && nanos > 0) {
                nanos = woken.awaitNanos(nanos);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    private Instant now() {
        return context.settings().clock().instant();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
