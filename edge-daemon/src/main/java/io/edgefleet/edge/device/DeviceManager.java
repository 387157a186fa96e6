package io.edgefleet.edge.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.edge.device.driver.DriverCatalog;
import io.edgefleet.edge.device.rule.RuleActions;
import io.edgefleet.edge.device.rule.RuleEngine;
import io.edgefleet.edge.device.rule.RuleTable;
import io.edgefleet.edge.device.telemetry.TelemetryBuffer;
import io.edgefleet.edge.device.telemetry.TelemetryLink;
import io.edgefleet.edge.device.telemetry.TelemetrySender;
import io.edgefleet.edge.device.telemetry.TelemetrySettings;
import io.edgefleet.edge.outbox.Outbox;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.protocol.EdgeEvent;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.NodeEventReport;
import io.edgefleet.protocol.device.DesiredDevice;
import io.edgefleet.protocol.device.DesiredRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices of one daemon: one {@link DeviceWorker} (virtual thread, one driver session) per
 * desired device, the {@link RuleEngine}, the telemetry buffer and its sender. {@link #start}
 * starts a worker for every device in the store before it returns, so the daemon calls it before
 * connecting anywhere (offline boot). One thread ({@code edge-devices}) reconciles after each
 * committed sync and drives the telemetry sender; a device whose generation changed gets a new
 * session only after the old one is closed, so no device is ever talked to by two sessions.
 */
public final class DeviceManager implements AutoCloseable, RuleActions {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceManager.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final EdgeStore store;
    private final Outbox outbox;
    private final DeviceContext context;
    private final TelemetryBuffer telemetry;
    private final TelemetrySender sender;
    private final RuleEngine rules;
    private final ScheduledThreadPoolExecutor thread;
    private final BiFunction<String, String, Optional<String>> restarter;
    private final DeviceFeed feed;
    private final TwinReporter reporter;
    private final Map<String, DeviceWorker> workers = new ConcurrentHashMap<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile TelemetryLink link = TelemetryLink.NONE;
    private final DriverCatalog drivers;

    private DeviceManager(
            EdgeStore store,
            Outbox outbox,
            DeviceSettings settings,
            TelemetrySettings telemetrySettings,
            BiFunction<String, String, Optional<String>> restarter,
            DeviceFeed feed,
            Predicate<MessageKind> serverAccepts) {
        this.store = store;
        this.outbox = outbox;
        this.restarter = restarter;
        this.feed = feed;
        this.telemetry = new TelemetryBuffer(store, telemetrySettings);
        this.rules = new RuleEngine(this);
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "edge-devices");
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.drivers = new DriverCatalog(DeviceManager.class.getClassLoader(), settings.driverPlugins());
        this.sender = new TelemetrySender(telemetry, new LinkView(), settings.clock(), this::sendSoon);
        this.reporter = new TwinReporter(
                store,
                outbox,
                () -> link.connected(),
                serverAccepts,
                this::schedule,
                ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
        this.context = new DeviceContext(
                store, outbox, telemetry, rules, drivers, () -> link.connected(), settings, feed, reporter);
    }

    /**
     * Starts a worker for every stored device and loads the stored rules, then returns. Twin reports go
     * upstream one device per message ({@code twin-report}), as every server accepts them.
     *
     * @param restarter restarts a workload by name for a rule ({@code rule, workload → failure})
     */
    public static DeviceManager start(
            EdgeStore store,
            Outbox outbox,
            DeviceSettings settings,
            TelemetrySettings telemetry,
            BiFunction<String, String, Optional<String>> restarter) {
        return start(store, outbox, settings, telemetry, restarter, DeviceFeed.NONE, kind -> !kind.negotiated());
    }

    /**
     * Starts as {@link #start(EdgeStore, Outbox, DeviceSettings, TelemetrySettings, BiFunction)}, with
     * every reading, state and delta also told to {@code feed} (the local bus) from the first collect.
     *
     * @param serverAccepts whether the server accepts a kind, asked when reports are appended: the
     *     reports of several devices go as one {@code twin-reports} when it does (decision record 0009)
     */
    public static DeviceManager start(
            EdgeStore store,
            Outbox outbox,
            DeviceSettings settings,
            TelemetrySettings telemetry,
            BiFunction<String, String, Optional<String>> restarter,
            DeviceFeed feed,
            Predicate<MessageKind> serverAccepts) {
        DeviceManager manager = new DeviceManager(store, outbox, settings, telemetry, restarter, feed, serverAccepts);
        manager.reconcile();
        long period = telemetry.period().toMillis();
        manager.thread.scheduleWithFixedDelay(manager::sendTelemetry, period, period, TimeUnit.MILLISECONDS);
        LOG.info(
                "EF3707 device manager started: {} devices, {} rules",
                manager.workers.size(),
                manager.rules.names().size());
        return manager;
    }

    /** The appliers of the device resource kinds, for the sync. */
    public static List<io.edgefleet.edge.sync.ResourceApplier> appliers() {
        return List.of(
                new DeviceApplier(), new DesiredValuesApplier(), new io.edgefleet.edge.device.rule.RuleApplier());
    }

    /** From now on telemetry goes to {@code telemetryLink} and edge changes go upstream while it is connected. */
    public void attach(TelemetryLink telemetryLink) {
        this.link = telemetryLink;
    }

    public TelemetrySender telemetrySender() {
        return sender;
    }

    public TelemetryBuffer telemetry() {
        return telemetry;
    }

    public RuleEngine rules() {
        return rules;
    }

    /** Asks for a reconcile soon (after a sync committed); calls while one is pending merge. Any thread. */
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            submit(() -> {
                wakePending.set(false);
                reconcile();
            });
        }
    }

    /** The devices with a running worker, by name. */
    public List<String> running() {
        return workers.keySet().stream().sorted().toList();
    }

    /** Desired devices and rules from the store against the running workers. */
    synchronized void reconcile() {
        record Wanted(Map<String, DesiredDevice> devices, Map<String, DesiredRule> rules) {}
        Wanted wanted = store.inTransaction(
                tx -> new Wanted(DeviceTable.desired(tx.connection()), RuleTable.rules(tx.connection())));
        rules.reload(wanted.rules());
        for (String name : List.copyOf(workers.keySet())) {
            DesiredDevice want = wanted.devices().get(name);
            DeviceWorker worker = workers.get(name);
            if (want == null || want.generation() != worker.device().generation()) {
                stopWorker(name, worker);
                if (want == null) {
                    forget(name);
                }
            } else {
                worker.wake(); // its desired values may have changed in this sync
            }
        }
        wanted.devices().forEach((name, want) -> {
            if (!workers.containsKey(name)) {
                DeviceWorker worker = new DeviceWorker(want, context);
                workers.put(name, worker);
                worker.start();
            }
        });
    }

    private void stopWorker(String name, DeviceWorker worker) {
        if (!worker.stop(STOP_WAIT)) {
            LOG.warn(
                    "EF3709 device {} did not stop within {} s; its session closes when the driver returns",
                    name,
                    STOP_WAIT.toSeconds());
        }
        workers.remove(name);
    }

    private void forget(String name) {
        store.inTransaction(tx -> {
            TwinTable.forgetDevice(tx.connection(), name);
            DeviceTable.deleteStatus(tx.connection(), name);
            return null;
        });
        feed.removed(name);
        LOG.info("EF3706 device {} removed from this node", name);
    }

    /** Rule action {@code write-property}: the same edge-set path as the {@code set} command. */
    @Override
    public Optional<String> writeProperty(String rule, String device, String property, JsonNode value) {
        return switch (setDesired(device, property, value, "rule:" + rule)) {
            case SetOutcome.Recorded recorded -> Optional.empty();
            case SetOutcome.Refused refused -> Optional.of(refused.code() + ": " + refused.reason());
        };
    }

    /**
     * Records an edge-set desired value (rules, the local bus) through {@link EdgeDesiredWriter}, the
     * {@code set} command's path, and wakes the device's worker to write it. Any thread.
     *
     * @param by who set it: {@code rule:<name>}, {@code bus:<client>}
     */
    public SetOutcome setDesired(String device, String property, JsonNode value, String by) {
        SetOutcome outcome = store.inTransaction(tx -> EdgeDesiredWriter.set(
                tx.connection(),
                device,
                property,
                value,
                by,
                context.settings().clock().instant()));
        if (outcome instanceof SetOutcome.Recorded) {
            wakeDevice(device);
        }
        return outcome;
    }

    @Override
    public Optional<String> restartWorkload(String rule, String workload) {
        return restarter.apply(rule, workload);
    }

    @Override
    public void raiseEvent(EdgeEvent event) {
        outbox.append(new NodeEventReport(List.of(event)));
    }

    /** Wakes the worker of {@code device} (an edge change was recorded for it). */
    public void wakeDevice(String device) {
        // Not synchronized: a rule action on a worker must not wait for a reconcile stopping that worker.
        DeviceWorker worker = workers.get(device);
        if (worker != null) {
            worker.wake();
        }
    }

    private void sendTelemetry() {
        try {
            sender.tick();
        } catch (RuntimeException e) {
            LOG.warn("EF3853 telemetry sending failed: {}", e.toString());
        }
    }

    private void sendSoon() {
        submit(this::sendTelemetry);
    }

    private void schedule(Runnable work, Duration delay) {
        try {
            thread.schedule(() -> submitted(work), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("device task after the daemon stopped: left to close()");
        }
    }

    private static void submitted(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("EF3790 device task failed: {}", e.toString(), e);
        }
    }

    private void submit(Runnable work) {
        try {
            thread.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("EF3790 device task failed: {}", e.toString(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("device event after the daemon stopped: ignored");
        }
    }

    /** The attached link as the sender sees it: follows {@link #attach}. */
    private final class LinkView implements TelemetryLink {
        @Override
        public boolean connected() {
            return link.connected();
        }

        @Override
        public java.util.concurrent.CompletionStage<io.edgefleet.edge.outbox.PublishOutcome> publish(
                io.edgefleet.protocol.TelemetryBatch batch) {
            return link.publish(batch);
        }
    }

    /** Stops every worker (sessions closed, last changes reported into the outbox) and the device thread. */
    @Override
    public void close() {
        thread.shutdown();
        synchronized (this) {
            workers.values().forEach(w -> w.stop(Duration.ZERO));
            workers.forEach((name, w) -> {
                if (!w.stop(STOP_WAIT)) {
                    LOG.warn("EF3709 device {} did not stop within {} s", name, STOP_WAIT.toSeconds());
                }
            });
            workers.clear();
        }
        try {
            reporter.flush();
        } catch (RuntimeException e) {
            LOG.error("EF3710 the last twin reports could not be queued at shutdown: {}", e.toString());
        }
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drivers.close();
    }
}
