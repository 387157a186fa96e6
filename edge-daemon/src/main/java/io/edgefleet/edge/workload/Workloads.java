package io.edgefleet.edge.workload;

import io.edgefleet.edge.artifact.ArtifactProvider;
import io.edgefleet.edge.outbox.Outbox;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.MetaKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workload runtime of one daemon: one decision thread ({@code edge-workloads}) running the
 * {@link Reconciler}, the {@link StatusPublisher} and the cgroup setup. {@link #start} adopts or
 * restarts every stored workload before it returns, so the daemon calls it before connecting
 * anywhere; {@link #close} leaves the processes running unless {@code stop-workloads-on-exit} is
 * set, and the next start adopts them.
 */
public final class Workloads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workloads.class);
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(4);

    private final EdgeStore store;
    private final WorkloadSettings settings;
    private final ScheduledThreadPoolExecutor thread;
    private final Reconciler reconciler;
    private final StatusPublisher status;
    private final Cgroups cgroups;

    private Workloads(
            EdgeStore store,
            WorkloadSettings settings,
            ScheduledThreadPoolExecutor thread,
            Reconciler reconciler,
            StatusPublisher status,
            Cgroups cgroups) {
        this.store = store;
        this.settings = settings;
        this.thread = thread;
        this.reconciler = reconciler;
        this.status = status;
        this.cgroups = cgroups;
    }

    /** Starts the runtime: finds, adopts and (re)starts the stored workloads, then returns. */
    public static Workloads start(
            EdgeStore store, Outbox outbox, WorkloadSettings settings, ArtifactProvider artifacts) {
        String storeId = storeId(store);
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "edge-workloads");
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        StatusPublisher status = new StatusPublisher(outbox, thread, settings.statusWindow());
        Cgroups cgroups = Cgroups.detect("edgefleet-" + storeId);
        Reconciler reconciler = new Reconciler(store, settings, artifacts, cgroups, status, thread, storeId + "/");
        Workloads workloads = new Workloads(store, settings, thread, reconciler, status, cgroups);
        try {
            thread.submit(reconciler::boot).get(BOOT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
            throw new IllegalStateException("interrupted while starting workloads", e);
        } catch (ExecutionException | TimeoutException e) {
            thread.shutdownNow();
            throw new IllegalStateException("starting workloads failed: " + e, e);
        }
        long period = settings.period().toMillis();
        thread.scheduleWithFixedDelay(
                () -> {
                    try {
                        reconciler.tick();
                    } catch (RuntimeException e) {
                        LOG.error("EF3500 periodic workload pass failed: {}", e.toString(), e);
                    }
                },
                period,
                period,
                TimeUnit.MILLISECONDS);
        LOG.info(
                "EF3509 workload runtime started: {} instances, cgroups {}",
                workloads.instances().size(),
                cgroups.mode());
        return workloads;
    }

    /** What a sync registers for resource kind {@code Workload}. */
    public static WorkloadApplier applier() {
        return new WorkloadApplier();
    }

    /** Asks for a reconcile pass now (after a sync committed). */
    public void wake() {
        reconciler.wake();
    }

    /**
     * Restarts a workload now, whatever its restart policy (a rule's {@code restart-workload}): a
     * running process is stopped (SIGTERM, then SIGKILL after its grace) and started again; a
     * stopped, failed or completed one is started again. Returns at once; empty when the workload is
     * known on this node, else why not.
     */
    public Optional<String> restart(String name, String why) {
        if (instance(name).isEmpty()) {
            return Optional.of("no workload '" + name + "' on this node");
        }
        reconciler.restart(name, why);
        return Optional.empty();
    }

    /** The committed state of every instance, from the store. */
    public List<InstanceRecord> instances() {
        return store.inTransaction(tx -> WorkloadTable.instances(tx.connection()));
    }

    public Optional<InstanceRecord> instance(String name) {
        return instances().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** Where the files of {@code workload} live. */
    public LogFiles files(String workload) {
        return LogFiles.of(settings.dataDir(), workload);
    }

    /** {@code v2}, {@code v1} or {@code none}: how limits are enforced here. */
    public String cgroupMode() {
        return switch (cgroups.mode()) {
            case Cgroups.Mode.V2 v2 -> "v2";
            case Cgroups.Mode.V1 v1 -> "v1";
            case Cgroups.Mode.None none -> "none";
        };
    }

    @Override
    public void close() {
        try {
            if (settings.stopOnExit()) {
                thread.submit(() -> reconciler.stopAll(STOP_TIMEOUT))
                        .get(STOP_TIMEOUT.toMillis() + 2000, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("EF3508 stopping workloads failed: {}", e.toString());
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        status.flush();
        cgroups.removeParents();
    }

    private static String storeId(EdgeStore store) {
        return store.inTransaction(tx -> tx.meta(MetaKey.WORKLOAD_STORE_ID).orElseGet(() -> {
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            String id = HexFormat.of().formatHex(random);
            tx.putMeta(MetaKey.WORKLOAD_STORE_ID, id);
            return id;
        }));
    }
}
