package io.edgefleet.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.ResourceChange;
import io.edgefleet.protocol.Sync;
import io.edgefleet.protocol.SyncResult;
import io.edgefleet.protocol.WorkloadStatusReport;
import io.edgefleet.protocol.workload.DesiredWorkload;
import io.edgefleet.protocol.workload.InstancePhase;
import io.edgefleet.protocol.workload.InstanceStatus;
import io.edgefleet.server.it.support.Deployments;
import io.edgefleet.server.it.support.FakeEdge;
import io.edgefleet.server.it.support.FleetClient;
import io.edgefleet.server.it.support.Reply;
import io.edgefleet.testsupport.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Workloads over REST and their way to edge nodes: validation, ETag/If-Match, sync of assignments to a
 * Paho client playing the node, status reports, label-driven (un)assignment and a rolling update that
 * honours maxUnavailable.
 */
@ExtendWith(ArquillianExtension.class)
class WorkloadsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            ProtocolCodec.newMapper(ProtocolCodec.DEFAULT_MAX_MESSAGE_BYTES);

    private final FleetClient admin = FleetClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.edgefleetEar();
    }

    @Test
    void invalidWorkloadsAreRefusedWithProblems() {
        Reply noCommand = admin.post("/api/v1/workloads", body("bad-1", "", "{}"));
        assertThat(noCommand.status()).isEqualTo(422);
        assertThat(noCommand.code()).isEqualTo("invalid-workload");
        assertThat(noCommand.json().path("detail").asText()).contains("command or an artifact");

        Reply unknown = admin.post("/api/v1/workloads", body("bad-2", "", "{\"command\":[\"true\"],\"colour\":1}"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("detail").asText()).contains("colour");

        Reply badSelector = admin.post("/api/v1/workloads", body("bad-3", "site in (", "{\"command\":[\"true\"]}"));
        assertThat(badSelector.status()).isEqualTo(400);
        assertThat(badSelector.code()).isEqualTo("invalid-selector");

        Reply badProbe = admin.post(
                "/api/v1/workloads",
                body("bad-4", "", "{\"command\":[\"true\"],\"livenessProbe\":{\"type\":\"tcp\"}}"));
        assertThat(badProbe.status()).isEqualTo(422);
        assertThat(badProbe.json().path("detail").asText()).contains("port");

        FleetClient viewer = admin.createUser("viewer");
        assertThat(viewer.post("/api/v1/workloads", body("bad-5", "", "{\"command\":[\"true\"]}"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void createReadReplaceWithEtagsAndDelete() {
        String name = FleetClient.uniqueName("crud");
        Reply created = admin.post("/api/v1/workloads", body(name, "crud=none", "{\"command\":[\"sleep\",\"60\"]}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/workloads/" + name));
        String etag = created.header("ETag").orElseThrow();
        JsonNode workload = created.json();
        assertThat(workload.path("metadata").path("generation").asLong()).isEqualTo(1);
        assertThat(workload.path("spec").path("template").path("restartPolicy").asText())
                .isEqualTo("Always");
        assertThat(admin.post("/api/v1/workloads", body(name, "", "{\"command\":[\"true\"]}"))
                        .code())
                .isEqualTo("workload-exists");

        Reply replaced = admin.put(
                "/api/v1/workloads/" + name,
                body(name, "crud=none", "{\"command\":[\"sleep\",\"61\"]}"),
                Optional.of(etag));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("metadata").path("generation").asLong()).isEqualTo(2);

        Reply stale = admin.mergePatch(
                "/api/v1/workloads/" + name, "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}", Optional.of(etag));
        assertThat(stale.status()).isEqualTo(412);
        Reply patched = admin.mergePatch(
                "/api/v1/workloads/" + name, "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}", replaced.header("ETag"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("metadata").path("labels").path("a").asText())
                .isEqualTo("b");
        assertThat(patched.json().path("metadata").path("generation").asLong())
                .as("a label change is no spec change")
                .isEqualTo(2);

        assertThat(admin.delete("/api/v1/workloads/" + name, Optional.empty()).status())
                .isEqualTo(204);
        assertThat(admin.get("/api/v1/workloads/" + name).status()).isEqualTo(404);
    }

    @Test
    void matchingNodeGetsTheWorkloadInSyncAndItsStatusCounts() throws Exception {
        String line = FleetClient.uniqueName("l");
        String node = FleetClient.uniqueName("wn");
        JsonNode enrollment = admin.enrollNewNode(node);
        label(node, line);
        String name = FleetClient.uniqueName("collector");
        assertThat(admin.post("/api/v1/workloads", body(name, "line=" + line, "{\"command\":[\"sleep\",\"60\"]}"))
                        .status())
                .isEqualTo(201);

        try (FakeEdge edge = FakeEdge.connect(enrollment, node)) {
            edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
            Sync sync = awaitSyncWith(edge, name, ResourceChange.Operation.UPSERT);
            DesiredWorkload desired = desired(sync, name);
            assertThat(desired.generation()).isEqualTo(1);
            assertThat(desired.template().command()).containsExactly("sleep", "60");
            answer(edge, sync);

            edge.send(Envelope.reliable(node, 1, Instant.now(), running(name, 1)));
            Wait.until(
                    "the instance to count as available",
                    WAIT,
                    POLL,
                    () -> admin.get("/api/v1/workloads/" + name)
                                    .json()
                                    .path("status")
                                    .path("availableNodes")
                                    .asInt()
                            == 1);
            JsonNode instances =
                    admin.get("/api/v1/workloads/" + name + "/instances").json();
            assertThat(instances.path("items").get(0).path("node").asText()).isEqualTo(node);
            assertThat(instances.path("items").get(0).path("phase").asText()).isEqualTo("Running");

            // The node loses the label: it is told to stop the workload.
            admin.mergePatch("/api/v1/nodes/" + node, "{\"metadata\":{\"labels\":{\"line\":null}}}", Optional.empty());
            awaitSyncWith(edge, name, ResourceChange.Operation.DELETE);
        }
    }

    @Test
    void rollingUpdateHandsTheNewGenerationToOneNodeAtATime() throws Exception {
        String line = FleetClient.uniqueName("r");
        String name = FleetClient.uniqueName("roll");
        List<FakeEdge> edges = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                String node = FleetClient.uniqueName("rn" + i);
                JsonNode enrollment = admin.enrollNewNode(node);
                label(node, line);
                nodes.add(node);
                edges.add(FakeEdge.connect(enrollment, node).keepAlive());
            }
            admin.post(
                    "/api/v1/workloads",
                    body(name, "line=" + line, "{\"command\":[\"sleep\",\"60\"]}", "{\"maxUnavailable\":1}"));
            for (int i = 0; i < 3; i++) {
                edges.get(i).hello(new Hello("0.1.0", 0, 0, Instant.now()));
                answer(edges.get(i), awaitSyncWith(edges.get(i), name, ResourceChange.Operation.UPSERT));
                edges.get(i).send(Envelope.reliable(nodes.get(i), 1, Instant.now(), running(name, 1)));
            }
            Wait.until("all three running", WAIT, POLL, () -> available(name) == 3);

            admin.mergePatch(
                    "/api/v1/workloads/" + name, "{\"spec\":{\"template\":{\"args\":[\"--v2\"]}}}", Optional.empty());
            Wait.until("one node updated", WAIT, POLL, () -> updated(name) == 1);
            // Give the rollout jobs time to (wrongly) go further while the updated node is not Running.
            Thread.sleep(2500);
            assertThat(updated(name))
                    .as("maxUnavailable 1 holds the others back")
                    .isEqualTo(1);

            // Each node that is handed generation 2 starts it and reports Running (its second reliable
            // message); the rollout then hands the next node its turn, until all three run generation 2.
            boolean[] reported = new boolean[3];
            Wait.until("the rollout to complete one node at a time", WAIT, POLL, () -> {
                for (int i = 0; i < 3; i++) {
                    Optional<Sync> v2 = latestSync(edges.get(i), name)
                            .filter(sync -> desired(sync, name).generation() == 2);
                    if (v2.isPresent() && !reported[i]) {
                        assertThat(updated(name)).isLessThanOrEqualTo(countTrue(reported) + 1);
                        reportRunningV2(edges.get(i), nodes.get(i), name, v2.get());
                        reported[i] = true;
                    }
                }
                return admin.get("/api/v1/workloads/" + name)
                        .json()
                        .path("status")
                        .path("rolloutComplete")
                        .asBoolean();
            });
        } finally {
            edges.forEach(FakeEdge::close);
        }
    }

    private static void reportRunningV2(FakeEdge edge, String node, String workload, Sync sync) {
        try {
            answer(edge, sync);
            edge.send(Envelope.reliable(node, 2, Instant.now(), running(workload, 2)));
        } catch (Exception e) {
            throw new AssertionError("node " + node + " could not answer", e);
        }
    }

    private static int countTrue(boolean[] flags) {
        int count = 0;
        for (boolean flag : flags) {
            count += flag ? 1 : 0;
        }
        return count;
    }

    private int updated(String name) {
        return admin.get("/api/v1/workloads/" + name)
                .json()
                .path("status")
                .path("updatedNodes")
                .asInt();
    }

    private int available(String name) {
        return admin.get("/api/v1/workloads/" + name)
                .json()
                .path("status")
                .path("availableNodes")
                .asInt();
    }

    private void label(String node, String line) {
        Reply reply = admin.mergePatch(
                "/api/v1/nodes/" + node, "{\"metadata\":{\"labels\":{\"line\":\"" + line + "\"}}}", Optional.empty());
        assertThat(reply.status()).isEqualTo(200);
    }

    private static WorkloadStatusReport running(String workload, long generation) {
        return new WorkloadStatusReport(List.of(new InstanceStatus(
                workload, generation, InstancePhase.RUNNING, 0, Optional.empty(), "", Instant.now())));
    }

    private static void answer(FakeEdge edge, Sync sync) throws Exception {
        String topic = edge.commands().stream()
                .filter(c -> c.envelope().body().equals(sync))
                .findFirst()
                .orElseThrow()
                .topic();
        String requestId = topic.split("/")[4];
        edge.respond(requestId, 200, new SyncResult(sync.toVersion()));
    }

    private static Optional<Sync> latestSync(FakeEdge edge, String workload) {
        List<Sync> syncs = edge.commands().stream()
                .map(c -> c.envelope().body())
                .filter(Sync.class::isInstance)
                .map(Sync.class::cast)
                .filter(s -> s.changes().stream().anyMatch(c -> c.name().equals(workload)))
                .toList();
        return syncs.isEmpty() ? Optional.empty() : Optional.of(syncs.getLast());
    }

    private static Sync awaitSyncWith(FakeEdge edge, String workload, ResourceChange.Operation operation) {
        Wait.until("a sync with " + operation + " " + workload, WAIT, POLL, () -> latestSync(edge, workload)
                .filter(s ->
                        s.changes().stream().anyMatch(c -> c.name().equals(workload) && c.operation() == operation))
                .isPresent());
        return latestSync(edge, workload).orElseThrow();
    }

    private static DesiredWorkload desired(Sync sync, String workload) {
        ResourceChange change = sync.changes().stream()
                .filter(c -> c.name().equals(workload))
                .findFirst()
                .orElseThrow();
        try {
            return MAPPER.treeToValue(change.spec().orElseThrow(), DesiredWorkload.class);
        } catch (Exception e) {
            throw new AssertionError("the spec of " + workload + " does not read as a DesiredWorkload", e);
        }
    }

    private static String body(String name, String selector, String template) {
        return body(name, selector, template, "{\"maxUnavailable\":1}");
    }

    private static String body(String name, String selector, String template, String rollout) {
        return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"selector\":\"" + selector + "\",\"template\":"
                + template + ",\"rollout\":" + rollout + "}}";
    }
}
