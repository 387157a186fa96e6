package io.edgefleet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.Ack;
import io.edgefleet.protocol.ConditionStatus;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Heartbeat;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.NodeCondition;
import io.edgefleet.protocol.NodeStatusReport;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.Sync;
import io.edgefleet.protocol.SyncResult;
import io.edgefleet.server.it.support.Deployments;
import io.edgefleet.server.it.support.FakeEdge;
import io.edgefleet.server.it.support.FleetClient;
import io.edgefleet.server.it.support.Metrics;
import io.edgefleet.testsupport.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Edge traffic through the server's embedded MQTT broker, with a plain Paho client as the edge node:
 * hello, reliable node-status under the sequence rule, heartbeats, sync results, liveness, refusals.
 * The server runs with a 1 s heartbeat and a 4 s lease (pom).
 */
@ExtendWith(ArquillianExtension.class)
class EdgeTrafficIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The conditions ask the REST API or the metrics endpoint, so they poll less often than the default. */
    private static final Duration POLL = Duration.ofMillis(50);

    private final FleetClient admin = FleetClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.edgefleetEar();
    }

    @Test
    void helloTurnsTheNodeOnlineAndIsAnsweredWithAckAndSync() throws Exception {
        String node = FleetClient.uniqueName("hello");
        try (FakeEdge edge = connect(node)) {
            edge.hello(new Hello("0.2.0", 0, 0, Instant.now()));

            awaitPhase(node, "Online");
            Envelope ack = awaitCommand(edge, "ack", 1);
            Envelope sync = awaitCommand(edge, "sync", 1);
            assertThat(((Ack) ack.body()).upToSeq()).isZero();
            assertThat(((Ack) ack.body()).accepts())
                    .as("the answer to hello names what this server accepts")
                    .hasValueSatisfying(kinds -> assertThat(kinds).contains("twin-report", "twin-reports"));
            Sync body = (Sync) sync.body();
            assertThat(body.fromVersion()).isZero();
            assertThat(body.toVersion()).isPositive();
            assertThat(body.snapshot()).isFalse();
            assertThat(body.changes()).isEmpty();
            JsonNode status = node(node).path("status");
            assertThat(status.path("agentVersion").asText()).isEqualTo("0.2.0");
            assertThat(Instant.parse(status.path("lastSeen").asText()))
                    .isAfter(Instant.now().minusSeconds(60));
        }
    }

    @Test
    void nodeStatusAppliesOnceAndInSequence() throws Exception {
        String node = FleetClient.uniqueName("status");
        double duplicatesBefore = Metrics.value("edgefleet_upstream_duplicate_total", "kind", "node-status");
        double outOfOrderBefore = Metrics.value("edgefleet_upstream_out_of_order_total", "kind", "node-status");
        try (FakeEdge edge = connect(node)) {
            edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
            awaitCommand(edge, "ack", 1);

            edge.send(status(node, 1, 4));
            awaitAck(edge, 1, 1);
            assertThat(node(node).path("status").path("cpus").asInt()).isEqualTo(4);
            assertThat(node(node).path("status").path("memoryMb").asLong()).isEqualTo(8192);
            assertThat(node(node).path("status").path("hostname").asText()).isEqualTo("line-3-pc");

            edge.send(status(node, 1, 99));
            awaitAck(edge, 1, 2);
            edge.send(status(node, 3, 77));
            edge.send(status(node, 2, 8));
            awaitAck(edge, 2, 1);

            // A node's messages are applied in arrival order, so seq 3 was handled before the ack of 2.
            assertThat(acks(edge)).doesNotContain(3L);
            assertThat(node(node).path("status").path("cpus").asInt()).isEqualTo(8);
            assertThat(Metrics.value("edgefleet_upstream_duplicate_total", "kind", "node-status"))
                    .isGreaterThan(duplicatesBefore);
            assertThat(Metrics.value("edgefleet_upstream_out_of_order_total", "kind", "node-status"))
                    .isGreaterThan(outOfOrderBefore);

            edge.send(status(node, 3, 12));
            awaitAck(edge, 3, 1);
            assertThat(node(node).path("status").path("cpus").asInt()).isEqualTo(12);
        }
    }

    @Test
    void conditionsShowInTheNodeAndTheirTransitionsBecomeEventsOnce() throws Exception {
        String node = FleetClient.uniqueName("cond");
        Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
        try (FakeEdge edge = connect(node)) {
            edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
            awaitCommand(edge, "ack", 1);

            edge.send(status(node, 1, disk(ConditionStatus.FALSE, "EnoughDiskSpace", "40% free", t0)));
            awaitAck(edge, 1, 1);
            edge.send(status(node, 2, disk(ConditionStatus.TRUE, "LowDiskSpace", "9% free", t0.plusSeconds(60))));
            awaitAck(edge, 2, 1);
            edge.send(status(node, 2, disk(ConditionStatus.TRUE, "LowDiskSpace", "9% free", t0.plusSeconds(60))));
            awaitAck(edge, 2, 2); // a duplicate: no second event

            JsonNode condition = node(node).path("status").path("conditions").path(0);
            assertThat(condition.path("type").asText()).isEqualTo("DiskPressure");
            assertThat(condition.path("status").asText()).isEqualTo("True");
            assertThat(condition.path("reason").asText()).isEqualTo("LowDiskSpace");
            assertThat(condition.path("message").asText()).isEqualTo("9% free");
            assertThat(Instant.parse(condition.path("lastTransitionTime").asText()))
                    .isEqualTo(t0.plusSeconds(60));
            edge.send(status(node, 3, disk(ConditionStatus.FALSE, "EnoughDiskSpace", "30% free", t0.plusSeconds(120))));
            awaitAck(edge, 3, 1);

            JsonNode events = admin.get("/api/v1/events?node=" + node + "&reason=NodeCondition")
                    .json()
                    .path("items");
            assertThat(events).hasSize(2); // the first "enough space" is no news; the pressure and its end are
            assertThat(events.path(0).path("type").asText()).isEqualTo("Normal");
            assertThat(events.path(1).path("type").asText()).isEqualTo("Warning");
            assertThat(events.path(1).path("message").asText()).contains("DiskPressure is True", "9% free");
        }
    }

    @Test
    void aNodeStatusWithoutConditionsFromAnOlderEdgeIsApplied() throws Exception {
        String node = FleetClient.uniqueName("older");
        try (FakeEdge edge = connect(node)) {
            edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
            awaitCommand(edge, "ack", 1);
            String older = "{\"v\":1,\"id\":\"m-1\",\"node\":\"" + node + "\",\"seq\":1,\"ts\":"
                    + System.currentTimeMillis() + ",\"kind\":\"node-status\",\"body\":{\"agentVersion\":"
                    + "\"0.0.9\",\"os\":\"Linux\",\"arch\":\"arm64\",\"hostname\":\"old-pc\",\"cpus\":2,"
                    + "\"memoryMb\":1024}}";

            edge.publish(edge.eventTopic(), older.getBytes(StandardCharsets.UTF_8), 1);

            awaitAck(edge, 1, 1);
            JsonNode status = node(node).path("status");
            assertThat(status.path("hostname").asText()).isEqualTo("old-pc");
            assertThat(status.path("conditions").isArray()).isTrue();
            assertThat(status.path("conditions")).isEmpty();
        }
    }

    @Test
    void helloAfterReconnectAcknowledgesWhereTheStreamStands() throws Exception {
        String node = FleetClient.uniqueName("resume");
        JsonNode enrollment = admin.enrollNewNode(node);
        try (FakeEdge edge = FakeEdge.connect(enrollment, node)) {
            edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
            awaitCommand(edge, "ack", 1);
            edge.send(status(node, 1, 2));
            awaitAck(edge, 1, 1);
        }
        try (FakeEdge again = FakeEdge.connect(enrollment, node)) {
            again.hello(new Hello("0.1.0", 0, 1, Instant.now()));

            awaitAck(again, 1, 1);
        }
    }

    @Test
    void heartbeatRecordsOutboxDepthAndLastSeen() throws Exception {
        String node = FleetClient.uniqueName("beat");
        try (FakeEdge edge = connect(node)) {
            edge.send(Envelope.of(node, Instant.now(), new Heartbeat(5)));

            Wait.until(
                    "the outbox depth to be stored",
                    WAIT,
                    POLL,
                    () -> node(node).path("status").path("outboxDepth").asLong() == 5);
            assertThat(node(node).path("status").path("phase").asText()).isEqualTo("Online");
        }
    }

    @Test
    void syncResultStoresTheAppliedVersion() throws Exception {
        String node = FleetClient.uniqueName("synced");
        try (FakeEdge edge = connect(node)) {
            edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
            Envelope sync = awaitCommand(edge, "sync", 1);
            String requestId = requestId(edge, "sync");
            long version = ((Sync) sync.body()).toVersion();

            edge.respond(requestId, 200, new SyncResult(version));

            Wait.until(
                    "the applied version to be stored",
                    WAIT,
                    POLL,
                    () -> node(node).path("status").path("appliedVersion").asLong() == version);
        }
    }

    @Test
    void malformedAndMisaddressedMessagesAreCountedAndTheServerKeepsServing() throws Exception {
        String node = FleetClient.uniqueName("hostile");
        double malformedBefore = Metrics.value("edgefleet_link_refused_total", "code", "malformed-json");
        double mismatchBefore = Metrics.value("edgefleet_link_refused_total", "code", "node-mismatch");
        try (FakeEdge edge = connect(node)) {
            edge.publish(edge.eventTopic(), "{not json".getBytes(StandardCharsets.UTF_8), 1);
            edge.publish(
                    edge.eventTopic(),
                    new ProtocolCodec()
                            .encode(Envelope.of(
                                    "someone-else", Instant.now(), new Hello("0.1.0", 0, 0, Instant.now()))),
                    1);

            Wait.until(
                    "both refusals to be counted",
                    WAIT,
                    POLL,
                    () -> Metrics.value("edgefleet_link_refused_total", "code", "malformed-json") > malformedBefore
                            && Metrics.value("edgefleet_link_refused_total", "code", "node-mismatch") > mismatchBefore);
            edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
            awaitPhase(node, "Online");
            assertThat(admin.get("/api/v1/nodes").status()).isEqualTo(200);
        }
    }

    @Test
    void wrongPasswordCannotConnect() {
        String node = FleetClient.uniqueName("intruder");
        JsonNode enrollment = admin.enrollNewNode(node);

        assertThatThrownBy(() -> FakeEdge.connect(
                        enrollment.path("mqttUrl").asText(),
                        "default",
                        node,
                        enrollment.path("username").asText(),
                        "wrong-password"))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void silentNodeTurnsOfflineAfterItsLeaseAndOnlineWithItsNextMessage() throws Exception {
        String node = FleetClient.uniqueName("lease");
        JsonNode enrollment = admin.enrollNewNode(node);
        try (FakeEdge edge = FakeEdge.connect(enrollment, node)) {
            edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
            awaitPhase(node, "Online");
        }

        awaitPhase(node, "Offline");

        try (FakeEdge edge = FakeEdge.connect(enrollment, node)) {
            edge.send(Envelope.of(node, Instant.now(), new Heartbeat(0)));
            awaitPhase(node, "Online");
        }
    }

    @Test
    void deletedNodeCannotConnectAgain() throws Exception {
        String node = FleetClient.uniqueName("gone");
        JsonNode enrollment = admin.enrollNewNode(node);
        try (FakeEdge edge = FakeEdge.connect(enrollment, node)) {
            assertThat(edge.isConnected()).isTrue();
        }

        assertThat(admin.delete("/api/v1/nodes/" + node, Optional.empty()).status())
                .isEqualTo(204);

        assertThatThrownBy(() -> FakeEdge.connect(enrollment, node)).isInstanceOf(MqttException.class);
    }

    private FakeEdge connect(String node) throws MqttException {
        return FakeEdge.connect(admin.enrollNewNode(node), node);
    }

    private static NodeCondition disk(ConditionStatus status, String reason, String message, Instant since) {
        return new NodeCondition(NodeCondition.DISK_PRESSURE, status, reason, message, since);
    }

    private static Envelope status(String node, long seq, NodeCondition condition) {
        return Envelope.reliable(
                node,
                seq,
                Instant.now(),
                new NodeStatusReport("0.1.0", "Linux", "amd64", "line-3-pc", 4, 8192, List.of(condition)));
    }

    private static Envelope status(String node, long seq, int cpus) {
        return Envelope.reliable(
                node, seq, Instant.now(), new NodeStatusReport("0.1.0", "Linux", "amd64", "line-3-pc", cpus, 8192));
    }

    private JsonNode node(String name) {
        return admin.get("/api/v1/nodes/" + name).json();
    }

    private void awaitPhase(String node, String phase) {
        Wait.until(
                "node " + node + " to be " + phase,
                WAIT,
                POLL,
                () -> phase.equals(node(node).path("status").path("phase").asText()));
    }

    private static Envelope awaitCommand(FakeEdge edge, String kind, int count) {
        Wait.until(
                count + " " + kind + " command(s)",
                WAIT,
                POLL,
                () -> commands(edge, kind).size() >= count);
        return commands(edge, kind).get(count - 1).envelope();
    }

    /** Waits until {@code count} acks with {@code upToSeq} arrived. */
    private static void awaitAck(FakeEdge edge, long upToSeq, int count) {
        Wait.until(
                count + " ack(s) up to " + upToSeq,
                WAIT,
                POLL,
                () -> acks(edge).stream().filter(s -> s == upToSeq).count() >= count);
    }

    private static List<Long> acks(FakeEdge edge) {
        return commands(edge, "ack").stream()
                .map(c -> ((Ack) c.envelope().body()).upToSeq())
                .toList();
    }

    private static List<FakeEdge.Command> commands(FakeEdge edge, String kind) {
        return edge.commands().stream()
                .filter(c -> c.envelope().kind().wireName().equals(kind))
                .filter(c -> c.topic().endsWith("/" + kind))
                .toList();
    }

    private static String requestId(FakeEdge edge, String kind) {
        String topic = commands(edge, kind).get(0).topic();
        String[] levels = topic.split("/");
        return levels[levels.length - 2];
    }
}
