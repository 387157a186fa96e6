package io.edgefleet.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.systemtest.harness.EdgeDaemon;
import io.edgefleet.systemtest.harness.FleetApi;
import io.edgefleet.systemtest.harness.FleetServer;
import io.edgefleet.systemtest.harness.WorkloadProcesses;
import io.edgefleet.testsupport.Wait;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Artifacts from upload to a running process, every part in its own process: a script uploaded
 * through REST, a workload that names only its sha256, the edge daemon downloading it into its
 * content-addressed cache with its node credentials and running it, and the cache collecting it
 * once no workload uses it. The server refuses what would fail on every node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArtifactWorkloadIT {
    private static final String NODE = "artifact-pc";
    private static final long FIRST = 777_301;
    private static final long SECOND = 777_302;
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The daemon collects its cache every 30 reconcile passes of 2 s. */
    private static final Duration COLLECTION = Duration.ofSeconds(120);

    @TempDir
    static Path work;

    static FleetServer server;
    static FleetApi api;
    static EdgeDaemon edge;
    static String firstSha;
    static String secondSha;

    @BeforeAll
    static void startEverything() {
        Path root = Path.of(System.getProperty("edgefleet.root", ".."))
                .toAbsolutePath()
                .normalize();
        server = FleetServer.prepare(root, work.resolve("server"), Map.of());
        server.startAndAwaitReady(Duration.ofMinutes(3));
        api = server.api();
        edge = EdgeDaemon.prepare(root, work.resolve("edge/data"), server.baseUrl(), NODE, Map.of());
        edge.start(api.createEnrollmentToken(NODE));
        await("node online", () -> "Online".equals(api.phase(NODE)));
    }

    @AfterAll
    static void stopEverything() {
        if (edge != null) {
            edge.stop();
        }
        WorkloadProcesses.killAll(FIRST);
        WorkloadProcesses.killAll(SECOND);
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @Order(1)
    void uploadedScriptIsDownloadedOnceVerifiedAndRun() {
        firstSha = api.uploadArtifact("sleeper", script(FIRST)).path("sha256").asText();
        api.createWorkload("{\"metadata\":{\"name\":\"sleeper\"},\"spec\":{\"template\":{\"artifact\":{\"sha256\":\""
                + firstSha + "\"}}}}");

        JsonNode artifact =
                api.workload("sleeper").path("spec").path("template").path("artifact");
        assertThat(artifact.path("sizeBytes").asLong())
                .as("the server fills in the stored size")
                .isEqualTo(script(FIRST).length);
        assertThat(artifact.path("name").asText()).isEqualTo("sleeper");
        await(
                "the artifact runs on the node",
                () -> "Running".equals(api.instancePhase("sleeper", NODE))
                        && WorkloadProcesses.sleeping(FIRST).size() == 1);
        assertThat(cached(firstSha)).as("verified file in the cache").isRegularFile();
        assertThat(partialFiles()).as("no download left half done").isEmpty();
    }

    @Test
    @Order(2)
    void theWorkloadsLogIsReadOnItsNodeThroughTheServer() {
        await("the script's first line in its log, read on the node", () -> {
            HttpResponse<String> log = api.getResponse("/api/v1/nodes/" + NODE + "/workloads/sleeper/logs?lines=5");
            return log.statusCode() == 200 && log.body().contains("\"started " + FIRST + "\"");
        });

        JsonNode log = api.get("/api/v1/nodes/" + NODE + "/workloads/sleeper/logs?stream=stderr");
        assertThat(log.path("stream").asText()).isEqualTo("stderr");
        assertThat(log.path("lines")).isEmpty();
        HttpResponse<String> never = api.getResponse("/api/v1/nodes/" + NODE + "/workloads/never-ran/logs");
        assertThat(never.statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void workloadNamingAnArtifactTheServerLacksIsRefused() {
        HttpResponse<String> unknown = api.post(
                "/api/v1/workloads",
                "{\"metadata\":{\"name\":\"ghost\"},\"spec\":{\"template\":{\"artifact\":{\"sha256\":\""
                        + "0".repeat(64) + "\"}}}}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unknown.body()).contains("unknown-artifact");

        HttpResponse<String> wrongSize = api.post(
                "/api/v1/workloads",
                "{\"metadata\":{\"name\":\"ghost\"},\"spec\":{\"template\":{\"artifact\":{\"sha256\":\"" + firstSha
                        + "\",\"sizeBytes\":1}}}}");
        assertThat(wrongSize.statusCode()).isEqualTo(422);
        assertThat(wrongSize.body()).contains("sizeBytes");
    }

    @Test
    @Order(4)
    void artifactInUseCannotBeDeleted() {
        assertThat(api.deleteArtifact(firstSha).statusCode()).isEqualTo(409);
    }

    @Test
    @Order(5)
    void switchingArtifactsRunsTheNewOneAndTheCacheLetsTheOldOneGo() {
        secondSha =
                api.uploadArtifact("sleeper-v2", script(SECOND)).path("sha256").asText();
        // A patch that names only the new hash: size and name come from the new artifact, not the old.
        api.patchWorkload("sleeper", "{\"spec\":{\"template\":{\"artifact\":{\"sha256\":\"" + secondSha + "\"}}}}");

        await(
                "the new artifact replaced the old process",
                () -> WorkloadProcesses.sleeping(SECOND).size() == 1
                        && WorkloadProcesses.sleeping(FIRST).isEmpty());
        assertThat(api.workload("sleeper")
                        .path("spec")
                        .path("template")
                        .path("artifact")
                        .path("sizeBytes")
                        .asLong())
                .isEqualTo(script(SECOND).length);
        assertThat(api.deleteArtifact(firstSha).statusCode())
                .as("no workload runs the old artifact")
                .isEqualTo(204);
        await("the daemon's cache collected the old artifact", COLLECTION, () -> !Files.exists(cached(firstSha)));
        assertThat(cached(secondSha)).isRegularFile();
    }

    private static byte[] script(long marker) {
        return ("#!/bin/sh\necho started " + marker + "\nexec sleep " + marker + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static Path cached(String sha256) {
        return work.resolve("edge/data/artifacts/sha256").resolve(sha256);
    }

    private static List<Path> partialFiles() {
        Path partial = work.resolve("edge/data/artifacts/partial");
        if (!Files.isDirectory(partial)) {
            return List.of();
        }
        try (var files = Files.list(partial)) {
            return files.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        await(what, WAIT, condition);
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        try {
            Wait.until(what, timeout, Duration.ofMillis(250), condition);
        } catch (IllegalStateException e) {
            throw new AssertionError(
                    e.getMessage() + "\n--- edge log ---\n" + edge.logTail(60) + "\n--- server log ---\n"
                            + server.logTail(40),
                    e);
        }
    }
}
