package io.edgefleet.edge.workload;

import static io.edgefleet.edge.workload.WorkloadFixtures.delta;
import static io.edgefleet.edge.workload.WorkloadFixtures.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.edge.EdgeDaemon;
import io.edgefleet.edge.StopSignal;
import io.edgefleet.edge.config.EdgeConfig;
import io.edgefleet.edge.store.MetaKey;
import io.edgefleet.edge.sync.SyncOutcome;
import io.edgefleet.edge.testing.TestStores;
import io.edgefleet.protocol.workload.DesiredWorkload;
import io.edgefleet.protocol.workload.InstancePhase;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import io.edgefleet.testsupport.Ports;
import io.edgefleet.testsupport.Wait;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole daemon in-process with no broker at all: a sync through the daemon's own path starts
 * workloads, and a "reboot" (daemon and every child dead) brings them all back before the link
 * makes its first connection attempt.
 */
class OfflineBootIT {
    private static final int WORKLOADS = 10;

    @TempDir
    Path dataDir;

    private EdgeDaemon daemon;

    @AfterEach
    void stop() {
        if (daemon != null) {
            List<InstanceRecord> left = daemon.workloads().instances();
            daemon.close();
            left.forEach(r -> r.pid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    private EdgeConfig config() {
        return TestStores.config(dataDir, Map.of());
    }

    @Test
    void rebootWithoutNetworkRestartsEveryWorkloadBeforeAnyConnectionAttempt() {
        // Nothing listens on this port: the link can never connect.
        TestStores.seed(dataDir, "tcp://127.0.0.1:" + Ports.free());
        daemon = EdgeDaemon.start(config(), new StopSignal());
        List<ResourceChangeHolder> changes = new java.util.ArrayList<>();
        long version = 0;
        for (int i = 0; i < WORKLOADS; i++) {
            DesiredWorkload desired =
                    new DesiredWorkload("w" + i, 1, WorkloadTemplate.ofCommand(List.of("sleep", "100" + i)));
            changes.add(new ResourceChangeHolder(upsert(++version, desired)));
        }
        long deployed = System.nanoTime();
        SyncOutcome outcome = daemon.sync()
                .apply(delta(
                        0,
                        version,
                        changes.stream()
                                .map(ResourceChangeHolder::change)
                                .toArray(io.edgefleet.protocol.ResourceChange[]::new)));
        assertThat(outcome).isInstanceOf(SyncOutcome.Applied.class);
        Wait.until(
                "all running",
                RuntimeHarness.WAIT,
                () -> daemon.workloads().instances().stream()
                                .filter(r -> r.phase() == InstancePhase.RUNNING)
                                .count()
                        == WORKLOADS);
        System.out.printf("offline_deploy_10_running_ms %d%n", (System.nanoTime() - deployed) / 1_000_000);
        List<InstanceRecord> before = daemon.workloads().instances();

        // Reboot: the daemon goes (leaving its workloads), then every child dies with the machine.
        daemon.close();
        daemon = null;
        before.forEach(r -> ProcessHandle.of(r.pid().orElseThrow()).ifPresent(ProcessHandle::destroyForcibly));
        before.forEach(r -> RuntimeHarness.awaitDead(r.pid().orElseThrow()));

        long booted = System.nanoTime();
        daemon = EdgeDaemon.start(config(), new StopSignal());
        long restoredMs = (System.nanoTime() - booted) / 1_000_000;

        // No waiting: start() returns with every workload already running again.
        List<InstanceRecord> after = daemon.workloads().instances();
        assertThat(after).hasSize(WORKLOADS).allSatisfy(r -> {
            assertThat(r.phase()).isEqualTo(InstancePhase.RUNNING);
            assertThat(r.pid()).isPresent();
            assertThat(RuntimeHarness.alive(r.pid().get())).isTrue();
        });
        assertThat(after)
                .extracting(InstanceRecord::pid)
                .doesNotContainAnyElementsOf(
                        before.stream().map(InstanceRecord::pid).toList());
        Optional<String> connected = daemon.store().inTransaction(tx -> tx.meta(MetaKey.LAST_CONNECTED_AT));
        assertThat(connected).isEmpty();
        System.out.printf("offline_reboot_restore_10_ms %d%n", restoredMs);
    }

    @Test
    void statusChangesMadeOfflineQueueInTheOutboxInOrder() {
        TestStores.seed(dataDir, "tcp://127.0.0.1:" + Ports.free());
        daemon = EdgeDaemon.start(config(), new StopSignal());
        DesiredWorkload job = new DesiredWorkload(
                "job",
                1,
                WorkloadFixtures.shell(
                        "sleep 0.2; exit 1", io.edgefleet.protocol.workload.RestartPolicy.NEVER, Map.of()));
        daemon.sync().apply(delta(0, 1, upsert(1, job)));
        Wait.until("job failed", RuntimeHarness.WAIT, () -> daemon.workloads()
                .instance("job")
                .filter(r -> r.phase() == InstancePhase.FAILED)
                .isPresent());
        Wait.until("failure queued", RuntimeHarness.WAIT, () -> statuses().contains(InstancePhase.FAILED));
        assertThat(statuses()).containsSubsequence(InstancePhase.RUNNING, InstancePhase.FAILED);
    }

    private List<InstancePhase> statuses() {
        io.edgefleet.protocol.ProtocolCodec codec = new io.edgefleet.protocol.ProtocolCodec();
        return daemon.outbox().pending(0, Integer.MAX_VALUE).stream()
                .filter(e -> e.kind().equals("workload-status"))
                .map(e -> codec.decode(e.payload()))
                .filter(d -> d instanceof io.edgefleet.protocol.DecodeResult.Decoded)
                .map(d -> (io.edgefleet.protocol.WorkloadStatusReport) ((io.edgefleet.protocol.DecodeResult.Decoded) d)
                        .envelope()
                        .body())
                .flatMap(r -> r.instances().stream())
                .filter(s -> s.workload().equals("job"))
                .map(io.edgefleet.protocol.workload.InstanceStatus::phase)
                .toList();
    }

    private record ResourceChangeHolder(io.edgefleet.protocol.ResourceChange change) {}
}
