package io.edgefleet.edge.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.edge.artifact.ArtifactFetch;
import io.edgefleet.edge.artifact.ArtifactProvider;
import io.edgefleet.protocol.workload.ArtifactRef;
import io.edgefleet.protocol.workload.DesiredWorkload;
import io.edgefleet.protocol.workload.InstancePhase;
import io.edgefleet.protocol.workload.ResourceLimits;
import io.edgefleet.protocol.workload.RestartPolicy;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import io.edgefleet.testsupport.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never twice, never lost: a runtime closed without stopping its workloads is followed by one that
 * adopts them; a process spawned just before a crash (its pid never stored) is found by its token;
 * orphans are stopped; artifacts are fetched off the decision thread.
 */
class AdoptionIT {
    private static final WorkloadTemplate SLEEP = WorkloadTemplate.ofCommand(List.of("sleep", "1000"));

    @TempDir
    Path dataDir;

    private RuntimeHarness edge;

    @AfterEach
    void stop() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void closedRuntimeLeavesWorkloadsRunningAndTheNextOneAdoptsThem() {
        edge = new RuntimeHarness(dataDir).start();
        edge.deploy(new DesiredWorkload("app", 1, SLEEP));
        long pid = edge.awaitPhase("app", InstancePhase.RUNNING).pid().orElseThrow();

        edge.restart();

        InstanceRecord adopted = edge.instance("app").orElseThrow();
        assertThat(adopted.pid()).contains(pid);
        assertThat(adopted.phase()).isEqualTo(InstancePhase.RUNNING);
        assertThat(RuntimeHarness.alive(pid)).isTrue();
        assertThat(edge.processes()).hasSize(1);

        // It keeps watching the adopted process: an exit counts as one restart under the policy.
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        InstanceRecord restarted =
                edge.await("app", "restarted once", r -> r.restarts() == 1 && r.phase() == InstancePhase.RUNNING);
        assertThat(restarted.pid()).isPresent().get().isNotEqualTo(pid);
        assertThat(edge.processes()).hasSize(1);
    }

    @Test
    void processSpawnedBeforeACrashIsAdoptedNotStartedTwice() throws IOException {
        edge = new RuntimeHarness(dataDir).start();
        edge.deploy(new DesiredWorkload("app", 1, SLEEP));
        InstanceRecord first = edge.awaitPhase("app", InstancePhase.RUNNING);
        edge.workloads().close();
        ProcessHandle.of(first.pid().orElseThrow()).orElseThrow().destroyForcibly();
        RuntimeHarness.awaitDead(first.pid().orElseThrow());

        // The state a crash right after the spawn leaves: the token stored, the pid not yet.
        String token = edge.storeId() + "/app/crashed-spawn";
        edge.store.inTransaction(tx -> {
            WorkloadTable.saveInstance(
                    tx.connection(),
                    new RecordBuilder(first)
                            .token(token)
                            .pid(Optional.empty())
                            .processStart(Optional.empty())
                            .phase(InstancePhase.PENDING)
                            .build());
            return null;
        });
        ProcessBuilder spawn = new ProcessBuilder("sleep", "1000");
        spawn.environment().put(ProcessLauncher.INSTANCE_ENV, token);
        Process orphan = spawn.start();

        edge.start();

        InstanceRecord adopted = edge.instance("app").orElseThrow();
        assertThat(adopted.pid()).contains(orphan.pid());
        assertThat(adopted.token()).isEqualTo(token);
        assertThat(adopted.phase()).isEqualTo(InstancePhase.RUNNING);
        assertThat(edge.processes()).containsOnlyKeys(token);
    }

    @Test
    void processOfThisStoreThatNoInstanceOwnsIsStopped() throws Exception {
        edge = new RuntimeHarness(dataDir).start();
        edge.workloads().close();
        ProcessBuilder spawn = new ProcessBuilder("sleep", "1000");
        spawn.environment().put(ProcessLauncher.INSTANCE_ENV, edge.storeId() + "/ghost/unknown");
        Process orphan = spawn.start();

        edge.start();

        assertThat(orphan.waitFor(RuntimeHarness.WAIT.toSeconds(), TimeUnit.SECONDS))
                .isTrue();
    }

    @Test
    void storedPidOfAnotherProcessIsNotAdopted() throws Exception {
        edge = new RuntimeHarness(dataDir).start();
        edge.deploy(new DesiredWorkload("app", 1, SLEEP));
        InstanceRecord first = edge.awaitPhase("app", InstancePhase.RUNNING);
        edge.workloads().close();
        ProcessHandle.of(first.pid().orElseThrow()).orElseThrow().destroyForcibly();
        RuntimeHarness.awaitDead(first.pid().orElseThrow());
        Process stranger = new ProcessBuilder("sleep", "1000").start();
        try {
            // As if the pid had been reused by an unrelated process.
            edge.store.inTransaction(tx -> {
                WorkloadTable.saveInstance(
                        tx.connection(),
                        new RecordBuilder(first)
                                .pid(Optional.of(stranger.pid()))
                                .processStart(stranger.toHandle().info().startInstant())
                                .build());
                return null;
            });

            edge.start();

            InstanceRecord now = edge.awaitPhase("app", InstancePhase.RUNNING);
            assertThat(now.pid()).isPresent().get().isNotEqualTo(stranger.pid());
            assertThat(stranger.isAlive()).isTrue();
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void stopWorkloadsOnExitStopsThemAndTheNextStartRunsThemAgain() {
        edge = new RuntimeHarness(dataDir, new MissingArtifactCache(), true).start();
        edge.deploy(new DesiredWorkload("app", 1, SLEEP));
        long pid = edge.awaitPhase("app", InstancePhase.RUNNING).pid().orElseThrow();

        edge.workloads().close();

        assertThat(RuntimeHarness.alive(pid)).isFalse();
        List<InstanceRecord> stored = edge.store.inTransaction(tx -> WorkloadTable.instances(tx.connection()));
        assertThat(stored)
                .singleElement()
                .matches(r -> r.phase() == InstancePhase.STOPPED && r.pid().isEmpty());

        edge.start();
        assertThat(edge.instance("app").orElseThrow().phase()).isEqualTo(InstancePhase.RUNNING);
    }

    @Test
    void artifactIsFetchedOffTheDecisionThreadAndSubstituted() throws Exception {
        Path artifact = Files.createTempFile(dataDir, "tool", ".sh");
        Files.writeString(artifact, "#!/bin/sh\necho \"tool $1 $EDGEFLEET_ARTIFACT\"\nexec sleep 1000\n");
        Files.setPosixFilePermissions(artifact, PosixFilePermissions.fromString("rwx------"));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger fetches = new AtomicInteger();
        ArtifactProvider slow = new ArtifactProvider() {
            @Override
            public ArtifactFetch fetch(ArtifactRef ref) {
                if (fetches.incrementAndGet() == 1) {
                    return new ArtifactFetch.Unavailable("unreachable", "server down", true);
                }
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new ArtifactFetch.Ready(artifact);
            }

            @Override
            public boolean cached(ArtifactRef ref) {
                return false;
            }

            @Override
            public void collect(Set<String> inUse) {
                // nothing to collect
            }
        };
        edge = new RuntimeHarness(dataDir, slow, false).start();
        ArtifactRef ref = new ArtifactRef("tool", "b".repeat(64), 100);
        edge.deploy(new DesiredWorkload(
                "tool",
                1,
                WorkloadFixtures.template(
                        List.of(),
                        List.of("${artifact}"),
                        Map.of(),
                        RestartPolicy.ALWAYS,
                        Optional.empty(),
                        Optional.empty(),
                        ResourceLimits.NONE,
                        Optional.of(ref))));

        edge.await("tool", "retrying the unreachable artifact", r -> r.message().contains("retrying"));
        edge.awaitPhase("tool", InstancePhase.DOWNLOADING);
        // The decision thread is free while the fetch blocks: another workload starts meanwhile.
        edge.deploy(new DesiredWorkload("other", 1, SLEEP));
        edge.awaitPhase("other", InstancePhase.RUNNING);

        release.countDown();
        edge.awaitPhase("tool", InstancePhase.RUNNING);
        Path stdout = edge.workloads().files("tool").stdout();
        Wait.until("tool output", RuntimeHarness.WAIT, () -> read(stdout).contains("tool"));
        assertThat(read(stdout)).isEqualTo("tool " + artifact + " " + artifact + "\n");
        assertThat(edge.instance("tool").orElseThrow().since())
                .isBefore(Instant.now().plusSeconds(1));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
