package io.edgefleet.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.systemtest.harness.EdgeDaemon;
import io.edgefleet.systemtest.harness.FleetApi;
import io.edgefleet.systemtest.harness.FleetServer;
import io.edgefleet.systemtest.harness.WorkloadProcesses;
import io.edgefleet.testsupport.MosquittoProcess;
import io.edgefleet.testsupport.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline contract of issue 3, each clause with real processes: the server on Liberty, Mosquitto
 * as the broker (stopped to cut the link), the edge daemon through its launcher, and {@code sleep}
 * processes as workloads, found by their command line. The clauses build on each other in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfflineContractIT {
    private static final String NODE = "offline-pc";
    private static final long STEADY_A = 777_101;
    private static final long STEADY_B = 777_102;
    private static final long STEADY_B_V2 = 777_103;
    private static final long STEADY_A_V2 = 777_104;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path work;

    static MosquittoProcess broker;
    static FleetServer server;
    static FleetApi api;
    static EdgeDaemon edge;
    static long steadyAPid;
    static long steadyBPid;

    @BeforeAll
    static void startEverything() {
        Path root = Path.of(System.getProperty("edgefleet.root", ".."))
                .toAbsolutePath()
                .normalize();
        broker = MosquittoProcess.builder(work.resolve("mosquitto")).start();
        server = FleetServer.prepare(
                root,
                work.resolve("server"),
                Map.of(
                        "FLEET_MQTT_EMBEDDED", "false",
                        "FLEET_MQTT_URL", broker.url(),
                        "FLEET_HEARTBEAT_SECONDS", "1",
                        "FLEET_LEASE_SECONDS", "4",
                        "FLEET_SYNC_CATCHUP_SECONDS", "2"));
        server.startAndAwaitReady(Duration.ofMinutes(3));
        api = server.api();
        edge = EdgeDaemon.prepare(
                root,
                work.resolve("edge/data"),
                server.baseUrl(),
                NODE,
                Map.of("EDGEFLEET_RECONNECT_MIN_MS", "200", "EDGEFLEET_RECONNECT_MAX_MS", "1000"));
        edge.start(api.createEnrollmentToken(NODE));
        await("node online", () -> "Online".equals(api.phase(NODE)));
    }

    @AfterAll
    static void stopEverything() {
        if (edge != null) {
            edge.stop();
        }
        for (long marker : List.of(STEADY_A, STEADY_B, STEADY_B_V2, STEADY_A_V2, 777_199L)) {
            WorkloadProcesses.killAll(marker);
        }
        if (server != null) {
            server.stop();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    @Order(1)
    void workloadsDeployAndRun() {
        api.createWorkload(workload("steady-a", "[\"sleep\",\"" + STEADY_A + "\"]", "Always"));
        api.createWorkload(workload("steady-b", "[\"sleep\",\"" + STEADY_B + "\"]", "Always"));
        // Exits with 3 after a moment and is restarted with backoff: a status that keeps changing.
        api.createWorkload(workload("flappy", "[\"sh\",\"-c\",\"sleep 1; exit 3\"]", "Always"));

        await(
                "steady workloads Running at the server",
                () -> "Running".equals(api.instancePhase("steady-a", NODE))
                        && "Running".equals(api.instancePhase("steady-b", NODE)));
        steadyAPid = onlyOne(STEADY_A);
        steadyBPid = onlyOne(STEADY_B);
        await("flappy restarted at least once", () -> restarts("flappy") >= 1);
    }

    @Test
    @Order(2)
    void a_linkCutWorkloadsKeepRunningAndStatusArrivesAfterwards() throws Exception {
        broker.stop();
        int restartsWhenCut = restarts("flappy");
        Thread.sleep(8_000);

        assertThat(onlyOne(STEADY_A)).as("steady-a keeps its process").isEqualTo(steadyAPid);
        assertThat(onlyOne(STEADY_B)).isEqualTo(steadyBPid);
        assertThat(edge.isAlive()).isTrue();

        broker.start();
        await("flappy's offline restarts reach the server", () -> restarts("flappy") >= restartsWhenCut + 1);
        await(
                "the node's outbox drains",
                () -> api.node(NODE)
                                .orElseThrow()
                                .path("status")
                                .path("outboxDepth")
                                .asLong()
                        < 5);
    }

    @Test
    @Order(3)
    void b_daemonKilledWhileOfflineAdoptsItsWorkloads() throws Exception {
        broker.stop();
        edge.crash();
        edge.start("");
        Thread.sleep(5_000);

        assertThat(onlyOne(STEADY_A)).as("adopted, not started again").isEqualTo(steadyAPid);
        assertThat(onlyOne(STEADY_B)).isEqualTo(steadyBPid);
    }

    @Test
    @Order(4)
    void c_rebootWhileOfflineStartsEveryWorkloadWithoutNetwork() {
        edge.kill();
        WorkloadProcesses.killAll(STEADY_A);
        WorkloadProcesses.killAll(STEADY_B);
        assertThat(WorkloadProcesses.sleeping(STEADY_A)).isEmpty();

        edge.start("");
        await(
                "both workloads run again with no broker",
                () -> WorkloadProcesses.sleeping(STEADY_A).size() == 1
                        && WorkloadProcesses.sleeping(STEADY_B).size() == 1);
        steadyAPid = onlyOne(STEADY_A);
        steadyBPid = onlyOne(STEADY_B);
    }

    @Test
    @Order(5)
    void d_reconnectRestartsOnlyWhatChanged() throws Exception {
        api.patchWorkload("steady-b", "{\"spec\":{\"template\":{\"command\":[\"sleep\",\"" + STEADY_B_V2 + "\"]}}}");
        broker.start();

        await(
                "steady-b runs its new command",
                () -> WorkloadProcesses.sleeping(STEADY_B_V2).size() == 1
                        && WorkloadProcesses.sleeping(STEADY_B).isEmpty());
        await(
                "steady-b Running generation 2 at the server",
                () -> "Running".equals(api.instancePhase("steady-b", NODE))
                        && api.workload("steady-b")
                                .path("status")
                                .path("rolloutComplete")
                                .asBoolean());
        assertThat(onlyOne(STEADY_A))
                .as("steady-a did not change and was not restarted")
                .isEqualTo(steadyAPid);
    }

    @Test
    @Order(6)
    void e_serverKilledDuringARolloutLosesAndDuplicatesNothing() {
        api.patchWorkload("steady-a", "{\"spec\":{\"template\":{\"command\":[\"sleep\",\"" + STEADY_A_V2 + "\"]}}}");
        server.kill();
        server.startAndAwaitReady(Duration.ofMinutes(3));

        await(
                "steady-a rolled out to its new command",
                () -> WorkloadProcesses.sleeping(STEADY_A_V2).size() == 1
                        && WorkloadProcesses.sleeping(STEADY_A).isEmpty());
        await("the server shows the rollout complete", () -> api.workload("steady-a")
                .path("status")
                .path("rolloutComplete")
                .asBoolean());
        JsonNode status = api.workload("steady-a").path("status");
        assertThat(status.path("observedGeneration").asLong()).isEqualTo(2);
        assertThat(WorkloadProcesses.sleeping(STEADY_A_V2)).hasSize(1);
        assertThat(WorkloadProcesses.sleeping(STEADY_B_V2)).hasSize(1);
    }

    private static int restarts(String workload) {
        for (JsonNode item : api.instances(workload).path("items")) {
            if (NODE.equals(item.path("node").asText())) {
                return item.path("restarts").asInt();
            }
        }
        return 0;
    }

    private static long onlyOne(long marker) {
        List<Long> pids = WorkloadProcesses.sleeping(marker);
        assertThat(pids).as("processes of 'sleep %d'", marker).hasSize(1);
        return pids.getFirst();
    }

    private static String workload(String name, String command, String restartPolicy) {
        return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"selector\":\"\",\"template\":{\"command\":"
                + command + ",\"restartPolicy\":\"" + restartPolicy + "\"}}}";
    }

    private static void await(String what, BooleanSupplier condition) {
        try {
            Wait.until(what, WAIT, Duration.ofMillis(250), condition);
        } catch (IllegalStateException e) {
            throw new AssertionError(
                    e.getMessage() + "\n--- edge log ---\n" + edge.logTail(60) + "\n--- server log ---\n"
                            + server.logTail(40),
                    e);
        }
    }
}
