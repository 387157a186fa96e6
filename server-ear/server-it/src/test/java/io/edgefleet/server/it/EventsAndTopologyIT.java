package io.edgefleet.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.EdgeEvent;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.NodeEventReport;
import io.edgefleet.protocol.TwinReport;
import io.edgefleet.protocol.WorkloadStatusReport;
import io.edgefleet.protocol.device.DeviceState;
import io.edgefleet.protocol.workload.InstancePhase;
import io.edgefleet.protocol.workload.InstanceStatus;
import io.edgefleet.server.it.support.Deployments;
import io.edgefleet.server.it.support.FakeEdge;
import io.edgefleet.server.it.support.FleetClient;
import io.edgefleet.server.it.support.Reply;
import io.edgefleet.testsupport.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the desktop reads, against the real EAR: {@code /me}, {@code /events} with its filters and
 * {@code /watch/events}, {@code /watch/nodes} (enrolment, relabelling, Online and Offline),
 * {@code /topology} with device counts (as objects and as rows, plain and gzip-compressed),
 * {@code /devices?node=} and {@code /nodes/{name}/workloads}.
 * Node traffic comes from a Paho client playing the node; the server runs with a 4 s lease (pom).
 */
@ExtendWith(ArquillianExtension.class)
class EventsAndTopologyIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final String TOPOLOGY_ROWS = "application/vnd.edgefleet.topology-rows+json";

    private final FleetClient admin = FleetClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.edgefleetEar();
    }

    @Test
    void meNamesTheCallerAndWrongCredentialsAreRefused() {
        Reply me = admin.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("username").asText()).isEqualTo("admin");
        assertThat(me.json().path("role").asText()).isEqualTo("fleet-admin");
        assertThat(me.json().path("tenant").asText()).isEqualTo("default");

        Reply refused = FleetClient.as("admin", "not-the-password").get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aNodesLifeIsStreamedAsNodeChangesAndEvents() throws Exception {
        String node = FleetClient.uniqueName("life");
        try (WatchApiIT.SseStream nodes = watch("nodes");
                WatchApiIT.SseStream events = watch("events")) {
            JsonNode enrollment = admin.enrollNewNode(node);
            assertThat(nextAbout(nodes, node).name()).isEqualTo("ADDED");
            JsonNode enrolled = nextAbout(events, node).json();
            assertThat(enrolled.path("reason").asText()).isEqualTo("NodeEnrolled");
            assertThat(enrolled.path("type").asText()).isEqualTo("Normal");
            assertThat(enrolled.path("node").asText()).isEqualTo(node);

            Reply relabelled = admin.mergePatch(
                    "/api/v1/nodes/" + node, "{\"metadata\":{\"labels\":{\"line\":\"7\"}}}", Optional.empty());
            assertThat(relabelled.status()).isEqualTo(200);
            WatchApiIT.SseStream.Event modified = nextAbout(nodes, node);
            assertThat(modified.name()).isEqualTo("MODIFIED");
            assertThat(modified.json()
                            .path("metadata")
                            .path("labels")
                            .path("line")
                            .asText())
                    .isEqualTo("7");
            JsonNode audit = nextAbout(events, node).json();
            assertThat(audit.path("reason").asText()).isEqualTo("Updated");
            assertThat(audit.path("involvedKind").asText()).isEqualTo("Node");
            assertThat(audit.path("actor").asText()).isEqualTo("admin");

            try (FakeEdge edge = FakeEdge.connect(enrollment, node)) {
                edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
                assertThat(nextAbout(nodes, node)
                                .json()
                                .path("status")
                                .path("phase")
                                .asText())
                        .isEqualTo("Online");
                assertThat(nextAbout(events, node).json().path("reason").asText())
                        .isEqualTo("NodeOnline");
            }
            // Silent past its lease.
            assertThat(nextAbout(nodes, node)
                            .json()
                            .path("status")
                            .path("phase")
                            .asText())
                    .isEqualTo("Offline");
            JsonNode offline = nextAbout(events, node).json();
            assertThat(offline.path("reason").asText()).isEqualTo("NodeOffline");
            assertThat(offline.path("type").asText()).isEqualTo("Warning");
        }

        List<String> reasons = reasons(admin.get("/api/v1/events?node=" + node));
        assertThat(reasons).containsExactly("NodeOffline", "NodeOnline", "Updated", "NodeEnrolled");
        assertThat(reasons(admin.get("/api/v1/events?node=" + node + "&type=Warning")))
                .containsExactly("NodeOffline");
        assertThat(reasons(admin.get("/api/v1/events?involvedKind=Node&involvedName=" + node + "&reason=Updated")))
                .containsExactly("Updated");
        Reply page = admin.get("/api/v1/events?node=" + node + "&limit=3");
        assertThat(reasons(page)).hasSize(3);
        long before = page.json().path("nextBefore").asLong();
        assertThat(reasons(admin.get("/api/v1/events?node=" + node + "&before=" + before)))
                .containsExactly("NodeEnrolled");
    }

    @Test
    void badEventFiltersAreRefusedWithProblems() {
        Reply type = admin.get("/api/v1/events?type=Fatal");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.contentType()).startsWith("application/problem+json");
        assertThat(admin.get("/api/v1/events?before=yesterday").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/events?limit=0").status()).isEqualTo(400);
        assertThat(FleetClient.anonymous().get("/api/v1/events").status()).isEqualTo(401);
    }

    @Test
    void topologyCountsEachNodesDevicesByStateInItsSite() throws Exception {
        String site = FleetClient.uniqueName("site");
        String node = FleetClient.uniqueName("topo");
        String other = FleetClient.uniqueName("bare");
        JsonNode enrollment = admin.enrollNewNode(node);
        admin.enrollNewNode(other);
        assertThat(admin.mergePatch(
                                "/api/v1/nodes/" + node,
                                "{\"metadata\":{\"labels\":{\"site\":\"" + site + "\"}}}",
                                Optional.empty())
                        .status())
                .isEqualTo(200);
        String model = createModel();
        String press = FleetClient.uniqueName("press");
        String oven = FleetClient.uniqueName("oven");
        for (String device : List.of(press, oven)) {
            Reply created = admin.post("/api/v1/devices", device(device, node, model));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }

        JsonNode counts = topologyNode(site, node).path("devices");
        assertThat(counts.path("total").asLong()).isEqualTo(2);
        assertThat(counts.path("unknown").asLong()).isEqualTo(2);
        assertThat(topologyNode("", other).path("devices").path("total").asLong())
                .as("a node without a site label is in the site named \"\"")
                .isZero();
        Reply devices = admin.get("/api/v1/devices?node=" + node);
        assertThat(StreamSupport.stream(devices.json().path("items").spliterator(), false)
                        .map(d -> d.path("metadata").path("name").asText()))
                .containsExactlyInAnyOrder(press, oven);
        assertThat(admin.get("/api/v1/devices?node=" + other).json().path("items"))
                .isEmpty();

        try (WatchApiIT.SseStream watched = watch("devices");
                FakeEdge edge = FakeEdge.connect(enrollment, node)) {
            edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
            edge.send(Envelope.reliable(
                    node,
                    1,
                    Instant.now(),
                    new TwinReport(press, Optional.of(DeviceState.ONLINE), List.of(), List.of())));
            edge.send(Envelope.reliable(
                    node,
                    2,
                    Instant.now(),
                    new TwinReport(oven, Optional.of(DeviceState.OFFLINE), List.of(), List.of())));
            WatchApiIT.SseStream.Event changed =
                    watched.next(WAIT, e -> !e.comment() && e.data().contains("\"" + press + "\""));
            assertThat(changed.name()).isEqualTo("MODIFIED");
            assertThat(changed.json().path("status").path("state").asText()).isEqualTo("Online");
            Wait.until(
                    "the topology to count one device Online and one Offline",
                    WAIT,
                    POLL,
                    () -> topologyNode(site, node)
                                            .path("devices")
                                            .path("online")
                                            .asLong()
                                    == 1
                            && topologyNode(site, node)
                                            .path("devices")
                                            .path("offline")
                                            .asLong()
                                    == 1);
        }
        assertThat(reasons(admin.get("/api/v1/events?involvedKind=Device&involvedName=" + oven)))
                .contains("DeviceOffline", "Created");
    }

    @Test
    void topologyRowsCarryWhatItsObjectsCarryAndBothAnswerCompressedWhenAsked() {
        String site = FleetClient.uniqueName("site");
        String node = FleetClient.uniqueName("rows");
        String other = FleetClient.uniqueName("bare");
        admin.enrollNewNode(node);
        admin.enrollNewNode(other);
        assertThat(admin.mergePatch(
                                "/api/v1/nodes/" + node,
                                "{\"metadata\":{\"labels\":{\"site\":\"" + site + "\",\"line\":\"4\"}}}",
                                Optional.empty())
                        .status())
                .isEqualTo(200);
        String model = createModel();
        assertThat(admin.post("/api/v1/devices", device(FleetClient.uniqueName("pump"), node, model))
                        .status())
                .isEqualTo(201);

        Reply objects = admin.get("/api/v1/topology");
        assertThat(objects.contentType()).startsWith("application/json");
        assertThat(objects.header("Content-Encoding")).isEmpty();
        Reply rows = admin.get("/api/v1/topology", Map.of("Accept", TOPOLOGY_ROWS + ", application/json;q=0.5"));
        assertThat(rows.status()).isEqualTo(200);
        assertThat(rows.contentType()).startsWith(TOPOLOGY_ROWS);
        assertThat(rows.header("Vary").orElse("")).contains("Accept");
        assertThat(rows.body().length()).isLessThan(objects.body().length());
        JsonNode asObjects = rowsAsObjects(rows.json());
        for (String[] siteAndNode : new String[][] {{site, node}, {"", other}}) {
            assertThat(nodeIn(asObjects, siteAndNode[0], siteAndNode[1]))
                    .as("the row of %s read by its columns", siteAndNode[1])
                    .isEqualTo(nodeIn(objects.json(), siteAndNode[0], siteAndNode[1]));
        }
        assertThat(nodeIn(asObjects, site, node).path("devices").path("total").asLong())
                .isEqualTo(1);

        Reply compressedRows = admin.getAcceptingGzip("/api/v1/topology", Map.of("Accept", TOPOLOGY_ROWS));
        assertThat(compressedRows.header("Content-Encoding")).contains("gzip");
        assertThat(nodeIn(rowsAsObjects(compressedRows.json()), site, node)).isEqualTo(nodeIn(asObjects, site, node));
        Reply compressedObjects = admin.getAcceptingGzip("/api/v1/topology", Map.of());
        assertThat(compressedObjects.header("Content-Encoding")).contains("gzip");
        assertThat(compressedObjects.contentType()).startsWith("application/json");
        assertThat(nodeIn(compressedObjects.json(), site, node)).isEqualTo(nodeIn(objects.json(), site, node));

        assertThat(admin.get("/api/v1/topology", Map.of("Accept", "application/xml"))
                        .status())
                .isEqualTo(406);
    }

    @Test
    void aNodesWorkloadsShowWhatItReportedAndAFailureIsAWarning() throws Exception {
        String node = FleetClient.uniqueName("wn");
        String workload = FleetClient.uniqueName("job");
        JsonNode enrollment = admin.enrollNewNode(node);
        assertThat(admin.mergePatch(
                                "/api/v1/nodes/" + node,
                                "{\"metadata\":{\"labels\":{\"role\":\"" + workload + "\"}}}",
                                Optional.empty())
                        .status())
                .isEqualTo(200);
        Reply created = admin.post(
                "/api/v1/workloads",
                "{\"metadata\":{\"name\":\"" + workload + "\"},\"spec\":{\"selector\":\"role=" + workload
                        + "\",\"template\":{\"command\":[\"sleep\",\"60\"]},\"rollout\":{\"maxUnavailable\":1}}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        JsonNode pending = admin.get("/api/v1/nodes/" + node + "/workloads").json();
        assertThat(pending.path("items").get(0).path("workload").asText()).isEqualTo(workload);
        assertThat(pending.path("items").get(0).path("phase").asText()).isEqualTo("Pending");
        assertThat(admin.get("/api/v1/nodes/nobody/workloads").status()).isEqualTo(404);

        try (FakeEdge edge = FakeEdge.connect(enrollment, node)) {
            edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
            edge.send(Envelope.reliable(
                    node,
                    1,
                    Instant.now(),
                    new WorkloadStatusReport(List.of(new InstanceStatus(
                            workload, 1, InstancePhase.FAILED, 3, Optional.of(2), "exited with 2", Instant.now())))));
            Wait.until("the node's workload to show Failed", WAIT, POLL, () -> "Failed"
                    .equals(admin.get("/api/v1/nodes/" + node + "/workloads")
                            .json()
                            .path("items")
                            .get(0)
                            .path("phase")
                            .asText()));
        }
        JsonNode failed = admin.get("/api/v1/nodes/" + node + "/workloads")
                .json()
                .path("items")
                .get(0);
        assertThat(failed.path("restarts").asInt()).isEqualTo(3);
        assertThat(failed.path("lastExitCode").asInt()).isEqualTo(2);
        Reply warnings = admin.get("/api/v1/events?node=" + node + "&reason=WorkloadFailed");
        assertThat(reasons(warnings)).containsExactly("WorkloadFailed");
        assertThat(warnings.json().path("items").get(0).path("message").asText())
                .contains(workload, "exit code 2", "exited with 2");
    }

    @Test
    void eventsANodeRaisesAreRecordedOnceAtTheirOwnTime() throws Exception {
        String node = FleetClient.uniqueName("ev");
        JsonNode enrollment = admin.enrollNewNode(node);
        Instant firedAt = Instant.parse("2026-12-01T08:00:00Z");
        Envelope fired = Envelope.reliable(
                node,
                1,
                Instant.now(),
                new NodeEventReport(List.of(
                        new EdgeEvent(firedAt, "Warning", "RuleFired", "Rule", "fan-on", "boiler too hot: fan on"))));
        try (FakeEdge edge = FakeEdge.connect(enrollment, node)) {
            edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
            edge.send(fired);
            edge.send(fired); // a resend after a lost ack
            Wait.until("the rule's event to be recorded", WAIT, POLL, () -> !reasons(
                            admin.get("/api/v1/events?node=" + node + "&reason=RuleFired"))
                    .isEmpty());
            Wait.until(
                    "the resend to be acknowledged",
                    WAIT,
                    POLL,
                    () -> edge.commands().stream()
                                    .filter(c -> c.envelope().body() instanceof io.edgefleet.protocol.Ack)
                                    .count()
                            >= 3);
        }
        Reply recorded = admin.get("/api/v1/events?node=" + node + "&reason=RuleFired");
        assertThat(reasons(recorded)).as("recorded once").containsExactly("RuleFired");
        JsonNode event = recorded.json().path("items").get(0);
        assertThat(event.path("time").asText()).isEqualTo(firedAt.toString());
        assertThat(event.path("involvedKind").asText()).isEqualTo("Rule");
        assertThat(event.path("involvedName").asText()).isEqualTo("fan-on");
        assertThat(event.path("actor").asText()).isEqualTo("node:" + node);
        assertThat(event.path("type").asText()).isEqualTo("Warning");
    }

    private WatchApiIT.SseStream watch(String kind) {
        return WatchApiIT.SseStream.open(
                "/api/v1/watch/" + kind, FleetClient.ADMIN, FleetClient.adminPassword(), Map.of());
    }

    /** The next change that names {@code name} (other tests' changes are skipped). */
    private static WatchApiIT.SseStream.Event nextAbout(WatchApiIT.SseStream stream, String name) {
        return stream.next(
                WAIT, e -> !e.comment() && !e.id().isEmpty() && e.data().contains("\"" + name + "\""));
    }

    private static List<String> reasons(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return StreamSupport.stream(reply.json().path("items").spliterator(), false)
                .map(e -> e.path("reason").asText())
                .toList();
    }

    /**
     * The rows representation turned into the objects one, reading positions by the names in
     * {@code columns} as a client must: the site label comes from the site, the total is the sum.
     */
    private static JsonNode rowsAsObjects(JsonNode rows) {
        List<String> columns = StreamSupport.stream(rows.path("columns").spliterator(), false)
                .map(JsonNode::asText)
                .toList();
        ObjectNode topology = FleetClient.JSON.createObjectNode();
        ArrayNode sites = topology.putArray("sites");
        for (JsonNode site : rows.path("sites")) {
            ArrayNode nodes =
                    sites.addObject().put("name", site.path("name").asText()).putArray("nodes");
            for (JsonNode row : site.path("nodes")) {
                ObjectNode node = nodes.addObject();
                node.put("name", row.get(columns.indexOf("name")).asText());
                node.put("phase", row.get(columns.indexOf("phase")).asText());
                JsonNode lastSeen = row.get(columns.indexOf("lastSeen"));
                if (!lastSeen.isNull()) {
                    node.put("lastSeen", lastSeen.asText());
                }
                ObjectNode labels = node.putObject("labels").setAll((ObjectNode) row.get(columns.indexOf("labels")));
                if (!site.path("name").asText().isEmpty()) {
                    labels.put("site", site.path("name").asText());
                }
                long online = row.get(columns.indexOf("online")).asLong();
                long offline = row.get(columns.indexOf("offline")).asLong();
                long unknown = row.get(columns.indexOf("unknown")).asLong();
                node.putObject("devices")
                        .put("total", online + offline + unknown)
                        .put("online", online)
                        .put("offline", offline)
                        .put("unknown", unknown);
            }
        }
        return topology;
    }

    /** The node's entry, written and parsed again so that numbers compare by value, whoever built it. */
    private static JsonNode nodeIn(JsonNode topology, String site, String node) {
        for (JsonNode s : topology.path("sites")) {
            if (site.equals(s.path("name").asText())) {
                for (JsonNode n : s.path("nodes")) {
                    if (node.equals(n.path("name").asText())) {
                        try {
                            return FleetClient.JSON.readTree(n.toString());
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
        }
        throw new AssertionError("no node " + node + " in site '" + site + "'");
    }

    private JsonNode topologyNode(String site, String node) {
        Reply topology = admin.get("/api/v1/topology");
        assertThat(topology.status()).isEqualTo(200);
        return nodeIn(topology.json(), site, node);
    }

    private String createModel() {
        String model = FleetClient.uniqueName("model");
        Reply created = admin.post(
                "/api/v1/device-models",
                "{\"metadata\":{\"name\":\"" + model + "\"},\"spec\":{\"properties\":["
                        + "{\"name\":\"temperature\",\"type\":\"double\",\"unit\":\"°C\",\"min\":-40,\"max\":150}]}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return model;
    }

    private static String device(String name, String node, String model) {
        return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"node\":\"" + node + "\",\"model\":\"" + model
                + "\",\"protocol\":\"simulated\",\"connection\":{\"seed\":7},"
                + "\"visitors\":{\"temperature\":{\"register\":\"1\"}}}}";
    }
}
