package io.edgefleet.edge.workload;

import static io.edgefleet.edge.workload.WorkloadFixtures.delete;
import static io.edgefleet.edge.workload.WorkloadFixtures.delta;
import static io.edgefleet.edge.workload.WorkloadFixtures.upsert;

import io.edgefleet.edge.artifact.ArtifactProvider;
import io.edgefleet.edge.outbox.Outbox;
import io.edgefleet.edge.outbox.OutboxEntry;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.MetaKey;
import io.edgefleet.edge.sync.SyncApplier;
import io.edgefleet.edge.sync.SyncOutcome;
import io.edgefleet.protocol.DecodeResult;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.WorkloadStatusReport;
import io.edgefleet.protocol.workload.DesiredWorkload;
import io.edgefleet.protocol.workload.InstancePhase;
import io.edgefleet.protocol.workload.InstanceStatus;
import io.edgefleet.testsupport.Wait;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A workload runtime on a real store in a temporary directory, fed through the real sync path,
 * with short restart backoffs. Closing it kills every process this store started, so that no
 * test leaks processes into the next.
 */
final class RuntimeHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final RestartBackoff FAST =
            new RestartBackoff(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(10));

    final Path dataDir;
    final EdgeStore store;
    final Outbox outbox;
    final ProtocolCodec codec = new ProtocolCodec();
    private final SyncApplier sync;
    private WorkloadSettings settings;
    private final ArtifactProvider artifacts;
    private Workloads workloads;
    private long version;

    RuntimeHarness(Path dataDir) {
        this(dataDir, new MissingArtifactCache(), false);
    }

    RuntimeHarness(Path dataDir, ArtifactProvider artifacts, boolean stopOnExit) {
        this.dataDir = dataDir;
        this.artifacts = artifacts;
        store = EdgeStore.open(dataDir);
        outbox = new Outbox(store, codec, "edge-1", Clock.systemUTC());
        sync = new SyncApplier(store, List.of(Workloads.applier()));
        sync.onCommitted(this::wake);
        settings = WorkloadSettings.of(io.edgefleet.edge.testing.TestStores.config(dataDir, Map.of()))
                .withBackoff(FAST)
                .withStopOnExit(stopOnExit);
    }

    RuntimeHarness start() {
        workloads = Workloads.start(store, outbox, settings, artifacts);
        return this;
    }

    /** Closes the runtime (processes keep running unless stop-on-exit) and starts a new one. */
    RuntimeHarness restart() {
        workloads.close();
        return start();
    }

    Workloads workloads() {
        return workloads;
    }

    String storeId() {
        return store.inTransaction(tx -> tx.meta(MetaKey.WORKLOAD_STORE_ID).orElseThrow());
    }

    private void wake() {
        if (workloads != null) {
            workloads.wake();
        }
    }

    void deploy(DesiredWorkload... desired) {
        List<io.edgefleet.protocol.ResourceChange> changes = new ArrayList<>();
        long from = version;
        for (DesiredWorkload d : desired) {
            changes.add(upsert(++version, d));
        }
        apply(delta(from, version, changes.toArray(io.edgefleet.protocol.ResourceChange[]::new)));
    }

    void remove(String name) {
        long from = version;
        apply(delta(from, ++version, delete(version, name)));
    }

    private void apply(io.edgefleet.protocol.Sync batch) {
        SyncOutcome outcome = sync.apply(batch);
        if (!(outcome instanceof SyncOutcome.Applied)) {
            throw new IllegalStateException("sync not applied: " + outcome);
        }
    }

    Optional<InstanceRecord> instance(String name) {
        return workloads.instance(name);
    }

    InstanceRecord await(String name, String what, Predicate<InstanceRecord> condition) {
        Wait.until(
                name + " " + what + " (now "
                        + instance(name).map(RuntimeHarness::describe).orElse("absent") + ")",
                WAIT,
                () -> instance(name).filter(condition).isPresent());
        return instance(name).orElseThrow();
    }

    InstanceRecord awaitPhase(String name, InstancePhase phase) {
        try {
            return await(name, "in phase " + phase, r -> r.phase() == phase);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; " + describe(instance(name)), e);
        }
    }

    private static String describe(Optional<InstanceRecord> record) {
        return record.map(RuntimeHarness::describe).orElse("absent");
    }

    private static String describe(InstanceRecord r) {
        return r.phase() + " restarts=" + r.restarts() + " pid="
                + r.pid().map(String::valueOf).orElse("-") + " exit="
                + r.lastExit().map(String::valueOf).orElse("-") + " '" + r.message() + "'";
    }

    /** Every workload status the outbox holds, in sequence order. */
    List<InstanceStatus> reportedStatuses() {
        List<InstanceStatus> statuses = new ArrayList<>();
        long lastSeq = 0;
        for (OutboxEntry entry : outbox.pending(0, Integer.MAX_VALUE)) {
            if (entry.seq() <= lastSeq) {
                throw new IllegalStateException("outbox out of order at " + entry.seq());
            }
            lastSeq = entry.seq();
            if (!entry.kind().equals(MessageKind.WORKLOAD_STATUS.wireName())) {
                continue;
            }
            if (codec.decode(entry.payload()) instanceof DecodeResult.Decoded decoded
                    && decoded.envelope().body() instanceof WorkloadStatusReport report) {
                statuses.addAll(report.instances());
            }
        }
        return statuses;
    }

    List<InstanceStatus> reportedStatuses(String name) {
        return reportedStatuses().stream()
                .filter(s -> s.workload().equals(name))
                .toList();
    }

    /** Root processes of this store's workloads now, by token. */
    Map<String, ProcessHandle> processes() {
        return ProcessScan.byToken(storeId() + "/");
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() && !ProcessScan.zombie(pid);
    }

    static void awaitDead(long pid) {
        Wait.until("pid " + pid + " to exit", WAIT, () -> !alive(pid));
    }

    /** Groups of killed processes stay behind (the daemon reuses them); tests leave none. */
    private void removeCgroups() {
        for (InstanceRecord r : store.inTransaction(tx -> WorkloadTable.instances(tx.connection()))) {
            Cgroups.remove(r.cgroup());
            for (String group : r.cgroup().split(";")) {
                if (!group.isBlank()) {
                    Cgroups.remove(Path.of(group).getParent().toString());
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            if (workloads != null) {
                workloads.close();
            }
        } finally {
            try {
                List<ProcessHandle> roots = List.copyOf(processes().values());
                roots.forEach(root -> ProcessLauncher.tree(root).forEach(ProcessHandle::destroyForcibly));
                roots.forEach(root -> awaitDead(root.pid()));
                removeCgroups();
            } finally {
                store.close();
            }
        }
    }
}
