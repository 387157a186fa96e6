package io.edgefleet.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.systemtest.harness.EdgeDaemon;
import io.edgefleet.systemtest.harness.FleetApi;
import io.edgefleet.systemtest.harness.FleetServer;
import io.edgefleet.testsupport.MosquittoProcess;
import io.edgefleet.testsupport.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first cloud–edge loop, end to end, with every part real and in its own process: the server on
 * Liberty, Mosquitto as the external broker, and an edge daemon started through its launcher. The
 * steps build on each other, as an operator would see them happen.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeNodeLifecycleIT {
    private static final String NODE = "line-3-pc";
    private static final int LEASE_SECONDS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static MosquittoProcess broker;
    static FleetServer server;
    static FleetApi api;
    static EdgeDaemon edge;

    @BeforeAll
    static void startServerAndBroker() {
        Path root = Path.of(System.getProperty("edgefleet.root", ".."))
                .toAbsolutePath()
                .normalize();
        broker = MosquittoProcess.builder(work.resolve("mosquitto"))
                .config("max_inflight_messages 100", "max_queued_messages 10000")
                .start();
        server = FleetServer.prepare(
                root,
                work.resolve("server"),
                Map.of(
                        "FLEET_MQTT_EMBEDDED",
                        "false",
                        "FLEET_MQTT_URL",
                        broker.url(),
                        "FLEET_HEARTBEAT_SECONDS",
                        "1",
                        "FLEET_LEASE_SECONDS",
                        Integer.toString(LEASE_SECONDS)));
        server.startAndAwaitReady(Duration.ofMinutes(3));
        api = server.api();
        edge = EdgeDaemon.prepare(
                root,
                work.resolve("edge/data"),
                server.baseUrl(),
                NODE,
                Map.of("EDGEFLEET_RECONNECT_MIN_MS", "200", "EDGEFLEET_RECONNECT_MAX_MS", "2000"));
    }

    @AfterAll
    static void stopEverything() {
        if (edge != null) {
            edge.stop();
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
    void enrolledDaemonGoesOnline() {
        edge.start(api.createEnrollmentToken(NODE));

        awaitPhase("Online", Duration.ofSeconds(60));
    }

    @Test
    @Order(2)
    void nodeStatusTravelsThroughTheOutbox() {
        // cpus comes only with node-status (enrollment and hello already bring the agent version).
        Wait.until(
                "the node-status report to be applied",
                Duration.ofSeconds(30),
                Duration.ofMillis(200),
                () -> api.node(NODE).orElseThrow().path("status").path("cpus").asInt() > 0);

        JsonNode status = api.node(NODE).orElseThrow().path("status");
        assertThat(status.path("os").asText()).isNotEmpty();
        assertThat(status.path("cpus").asInt()).isPositive();
    }

    @Test
    @Order(3)
    void brokerOutageTurnsTheNodeOfflineAfterItsLease() {
        broker.stop();

        awaitPhase("Offline", Duration.ofSeconds(LEASE_SECONDS + 20L));
        assertThat(edge.isAlive())
                .as("the daemon keeps running without its broker")
                .isTrue();
    }

    @Test
    @Order(4)
    void localStatusAnswersWhileTheCloudIsUnreachable() throws Exception {
        JsonNode status = JSON.readTree(edge.status());

        assertThat(status.toString()).contains(NODE);
        assertThat(status.toString().toLowerCase(java.util.Locale.ROOT)).doesNotContain("\"connected\"");
    }

    @Test
    @Order(5)
    void brokerReturnsAndTheNodeIsOnlineAgainWithoutOperatorAction() {
        broker.start();

        awaitPhase("Online", Duration.ofSeconds(60));
    }

    @Test
    @Order(6)
    void daemonKilledAndRestartedComesBackWithItsIdentity() {
        edge.kill();
        awaitPhase("Offline", Duration.ofSeconds(LEASE_SECONDS + 20L));

        // The token was used once already: the daemon must come back with the identity in its store.
        edge.start("");

        awaitPhase("Online", Duration.ofSeconds(60));
    }

    private static void awaitPhase(String phase, Duration timeout) {
        try {
            Wait.until(
                    "node " + NODE + " " + phase, timeout, Duration.ofMillis(200), () -> phase.equals(api.phase(NODE)));
        } catch (IllegalStateException e) {
            throw new AssertionError(
                    e.getMessage() + ", phase is " + api.phase(NODE) + "\n--- edge log ---\n" + edge.logTail(40)
                            + "\n--- server log ---\n" + server.logTail(40),
                    e);
        }
    }
}
