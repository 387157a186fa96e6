package io.edgefleet.edge.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.protocol.workload.DesiredWorkload;
import io.edgefleet.protocol.workload.InstancePhase;
import io.edgefleet.protocol.workload.InstanceStatus;
import io.edgefleet.protocol.workload.Probe;
import io.edgefleet.protocol.workload.ProbeType;
import io.edgefleet.protocol.workload.ResourceLimits;
import io.edgefleet.protocol.workload.RestartPolicy;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import io.edgefleet.testsupport.Ports;
import io.edgefleet.testsupport.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness and liveness probes of all three kinds against real processes. */
class ProbesIT {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dataDir;

    private RuntimeHarness edge;

    @BeforeAll
    static void needsPython() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw new IllegalStateException(
                    PYTHON + " is needed as an HTTP server for the probe tests:" + " apt-get install python3");
        }
    }

    @BeforeEach
    void start() {
        edge = new RuntimeHarness(dataDir).start();
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    private static Probe probe(ProbeType type, List<String> command, int port, int initialDelay) {
        return new Probe(type, command, port, "/", initialDelay, 1, 1, 2);
    }

    private static WorkloadTemplate httpServer(int port, Optional<Probe> liveness, Optional<Probe> readiness) {
        return WorkloadFixtures.template(
                List.of(PYTHON, "-m", "http.server", Integer.toString(port), "--bind", "127.0.0.1"),
                List.of(),
                Map.of(),
                RestartPolicy.ALWAYS,
                liveness,
                readiness,
                ResourceLimits.NONE,
                Optional.empty());
    }

    @Test
    void httpReadinessTurnsStartingIntoRunning() {
        int port = Ports.free();
        edge.deploy(new DesiredWorkload(
                "web", 1, httpServer(port, Optional.empty(), Optional.of(probe(ProbeType.HTTP, List.of(), port, 1)))));

        edge.awaitPhase("web", InstancePhase.STARTING);
        edge.awaitPhase("web", InstancePhase.RUNNING);
        assertThat(Ports.listening(port)).isTrue();
        Wait.until("Running reported", RuntimeHarness.WAIT, () -> edge.reportedStatuses("web").stream()
                .anyMatch(s -> s.phase() == InstancePhase.RUNNING));
        assertThat(edge.reportedStatuses("web"))
                .extracting(InstanceStatus::phase)
                .containsSubsequence(InstancePhase.STARTING, InstancePhase.RUNNING);
    }

    @Test
    void tcpReadinessTurnsStartingIntoRunning() {
        int port = Ports.free();
        edge.deploy(new DesiredWorkload(
                "tcp", 1, httpServer(port, Optional.empty(), Optional.of(probe(ProbeType.TCP, List.of(), port, 1)))));
        edge.awaitPhase("tcp", InstancePhase.STARTING);
        edge.awaitPhase("tcp", InstancePhase.RUNNING);
    }

    @Test
    void failingReadinessKeepsTheInstanceStarting() {
        int port = Ports.free();
        int nobody = Ports.free();
        edge.deploy(new DesiredWorkload(
                "never",
                1,
                httpServer(port, Optional.empty(), Optional.of(probe(ProbeType.HTTP, List.of(), nobody, 0)))));
        Wait.until("server up", RuntimeHarness.WAIT, () -> Ports.listening(port));
        Wait.until("a few probe periods", RuntimeHarness.WAIT, () -> edge.instance("never")
                .orElseThrow()
                .since()
                .isBefore(java.time.Instant.now().minusSeconds(3)));
        assertThat(edge.instance("never").orElseThrow().phase()).isEqualTo(InstancePhase.STARTING);
    }

    @Test
    void execLivenessFailureRestartsTheProcess() throws Exception {
        WorkloadTemplate template = WorkloadFixtures.template(
                List.of("/bin/sh", "-c", "touch healthy; exec sleep 1000"),
                List.of(),
                Map.of(),
                RestartPolicy.ALWAYS,
                Optional.of(probe(ProbeType.EXEC, List.of("test", "-f", "healthy"), 0, 0)),
                Optional.empty(),
                ResourceLimits.NONE,
                Optional.empty());
        edge.deploy(new DesiredWorkload("live", 1, template));
        long pid = edge.awaitPhase("live", InstancePhase.RUNNING).pid().orElseThrow();
        Path healthy = edge.workloads().files("live").workDir().resolve("healthy");
        Wait.until("healthy file", RuntimeHarness.WAIT, () -> Files.exists(healthy));

        Files.delete(healthy);

        InstanceRecord restarted = edge.await(
                "live",
                "restarted after liveness failures",
                r -> r.restarts() == 1 && r.phase() == InstancePhase.RUNNING);
        assertThat(restarted.pid()).isPresent().get().isNotEqualTo(pid);
        RuntimeHarness.awaitDead(pid);
        assertThat(edge.reportedStatuses("live"))
                .anyMatch(s -> s.message().contains("liveness probe failed")
                        && s.lastExitCode().isPresent());
    }

    @Test
    void httpLivenessPassesWhileTheServerAnswers() {
        int port = Ports.free();
        edge.deploy(new DesiredWorkload(
                "alive",
                1,
                httpServer(port, Optional.of(probe(ProbeType.HTTP, List.of(), port, 2)), Optional.empty())));
        long pid = edge.awaitPhase("alive", InstancePhase.RUNNING).pid().orElseThrow();
        Wait.until("server up", RuntimeHarness.WAIT, () -> Ports.listening(port));
        Wait.until("several liveness periods", RuntimeHarness.WAIT, () -> edge.instance("alive")
                .orElseThrow()
                .since()
                .isBefore(java.time.Instant.now().minusSeconds(5)));
        assertThat(edge.instance("alive").orElseThrow().pid()).contains(pid);
        assertThat(edge.instance("alive").orElseThrow().restarts()).isZero();
    }
}
