package io.edgefleet.edge.workload;

import static io.edgefleet.edge.workload.WorkloadFixtures.delete;
import static io.edgefleet.edge.workload.WorkloadFixtures.delta;
import static io.edgefleet.edge.workload.WorkloadFixtures.snapshot;
import static io.edgefleet.edge.workload.WorkloadFixtures.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.sync.SyncApplier;
import io.edgefleet.edge.sync.SyncOutcome;
import io.edgefleet.protocol.workload.DesiredWorkload;
import io.edgefleet.protocol.workload.RestartPolicy;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadApplierTest {
    private static final WorkloadTemplate SLEEP = WorkloadTemplate.ofCommand(List.of("sleep", "1000"));

    @TempDir
    Path dataDir;

    private EdgeStore store;
    private SyncApplier sync;
    private final AtomicInteger wakes = new AtomicInteger();

    @BeforeEach
    void open() {
        store = EdgeStore.open(dataDir);
        sync = new SyncApplier(store, List.of(new WorkloadApplier()));
        sync.onCommitted(wakes::incrementAndGet);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Map<String, DesiredWorkload> desired() {
        return store.inTransaction(tx -> WorkloadTable.desired(tx.connection()));
    }

    @Test
    void applyingTheSameBatchTwiceChangesNothing() {
        DesiredWorkload app = new DesiredWorkload("app", 1, SLEEP);
        assertThat(sync.apply(delta(0, 5, upsert(5, app)))).isInstanceOf(SyncOutcome.Applied.class);
        assertThat(sync.apply(delta(0, 5, upsert(5, app)))).isInstanceOf(SyncOutcome.AlreadyApplied.class);
        assertThat(desired()).containsExactly(Map.entry("app", app));
        assertThat(wakes).hasValue(1);
    }

    @Test
    void upsertIsIdempotentWithinOneBatch() {
        DesiredWorkload app = new DesiredWorkload("app", 1, SLEEP);
        sync.apply(delta(0, 6, upsert(5, app), upsert(6, app)));
        assertThat(desired()).containsExactly(Map.entry("app", app));
    }

    @Test
    void snapshotReplacesTheDesiredSetButKeepsInstanceRecords() {
        DesiredWorkload app = new DesiredWorkload("app", 1, SLEEP);
        DesiredWorkload old = new DesiredWorkload("old", 1, SLEEP);
        sync.apply(delta(0, 2, upsert(1, app), upsert(2, old)));
        InstanceRecord running = new InstanceRecord(
                "app",
                "t",
                java.util.Optional.of(42L),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                SLEEP.fingerprint(),
                1,
                SLEEP,
                io.edgefleet.protocol.workload.InstancePhase.RUNNING,
                0,
                java.util.Optional.empty(),
                "",
                java.time.Instant.EPOCH,
                "");
        store.inTransaction(tx -> {
            WorkloadTable.saveInstance(tx.connection(), running);
            return null;
        });

        DesiredWorkload appAgain = new DesiredWorkload("app", 2, SLEEP);
        sync.apply(snapshot(10, upsert(9, appAgain)));

        assertThat(desired()).containsOnlyKeys("app");
        assertThat(desired().get("app").template().fingerprint()).isEqualTo(SLEEP.fingerprint());
        List<InstanceRecord> instances = store.inTransaction(tx -> WorkloadTable.instances(tx.connection()));
        assertThat(instances).containsExactly(running);
    }

    @Test
    void deleteRemovesAndDeletingAgainIsHarmless() {
        sync.apply(delta(0, 1, upsert(1, new DesiredWorkload("app", 1, SLEEP))));
        sync.apply(delta(1, 3, delete(2, "app"), delete(3, "app")));
        assertThat(desired()).isEmpty();
    }

    @Test
    void templateSurvivesTheStoreUnchanged() {
        WorkloadTemplate env = WorkloadFixtures.shell("echo $A", RestartPolicy.ON_FAILURE, Map.of("A", "1", "B", "2"));
        sync.apply(delta(0, 1, upsert(1, new DesiredWorkload("env", 3, env))));
        assertThat(desired().get("env").template()).isEqualTo(env);
        assertThat(desired().get("env").template().fingerprint()).isEqualTo(env.fingerprint());
    }
}
