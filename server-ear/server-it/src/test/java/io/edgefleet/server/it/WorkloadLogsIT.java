package io.edgefleet.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.LogStream;
import io.edgefleet.protocol.LogsRequest;
import io.edgefleet.protocol.LogsResult;
import io.edgefleet.server.it.support.Deployments;
import io.edgefleet.server.it.support.FakeEdge;
import io.edgefleet.server.it.support.FleetClient;
import io.edgefleet.server.it.support.Metrics;
import io.edgefleet.server.it.support.Reply;
import io.edgefleet.testsupport.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /nodes/{node}/workloads/{workload}/logs}: the server sends the node a {@code logs} command
 * and answers with what the node sends back, with a plain MQTT client playing the node. What can go wrong
 * is a clear problem: an offline node, a workload that never ran, a node that does not answer, and an
 * answer from a node that was not asked, which is dropped and counted.
 */
@ExtendWith(ArquillianExtension.class)
class WorkloadLogsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final FleetClient admin = FleetClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.edgefleetEar();
    }

    @Test
    void theLogsAreReadOnTheNodeWhenAsked() throws Exception {
        String node = FleetClient.uniqueName("logs");
        try (FakeEdge edge = online(node)) {
            CompletableFuture<Reply> asked = ask(node, "line-counter", "?stream=stderr&lines=2");
            FakeEdge.Command command = awaitLogsCommand(edge);
            LogsRequest request = (LogsRequest) command.envelope().body();
            assertThat(request).isEqualTo(new LogsRequest("line-counter", LogStream.STDERR, 2));

            edge.respond(
                    requestId(command),
                    200,
                    new LogsResult("line-counter", LogStream.STDERR, List.of("warn 1", "warn 2"), true, "2 lines"));

            Reply reply = asked.get(15, TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            JsonNode log = reply.json();
            assertThat(log.path("node").asText()).isEqualTo(node);
            assertThat(log.path("stream").asText()).isEqualTo("stderr");
            assertThat(log.path("lines").get(0).asText()).isEqualTo("warn 1");
            assertThat(log.path("lines").get(1).asText()).isEqualTo("warn 2");
            assertThat(log.path("truncated").asBoolean()).isTrue();
        }
    }

    @Test
    void aWorkloadThatNeverRanThereIsNotFound() throws Exception {
        String node = FleetClient.uniqueName("logs-none");
        try (FakeEdge edge = online(node)) {
            CompletableFuture<Reply> asked = ask(node, "ghost", "");
            FakeEdge.Command command = awaitLogsCommand(edge);

            edge.respond(
                    requestId(command),
                    404,
                    new LogsResult("ghost", LogStream.STDOUT, List.of(), false, "no workload 'ghost' has run"));

            Reply reply = asked.get(15, TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.json().path("detail").asText()).contains("no workload 'ghost' has run");
        }
    }

    @Test
    void aNodeThatIsNotOnlineIsRefusedAtOnce() {
        String node = FleetClient.uniqueName("logs-pending");
        admin.enrollNewNode(node); // enrolled, never connected: Pending

        Reply reply = admin.get("/api/v1/nodes/" + node + "/workloads/pump/logs");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().path("code").asText()).isEqualTo("node-offline");
    }

    @Test
    void anAnswerFromAnotherNodeIsDroppedAndTheWaitEndsIn504() throws Exception {
        String node = FleetClient.uniqueName("logs-slow");
        String other = FleetClient.uniqueName("logs-other");
        double droppedBefore = Metrics.value("edgefleet_upstream_dropped_total", "reason", "unexpected-answer");
        try (FakeEdge edge = online(node);
                FakeEdge intruder = online(other)) {
            CompletableFuture<Reply> asked = ask(node, "pump", "");
            FakeEdge.Command command = awaitLogsCommand(edge);

            intruder.respond(
                    requestId(command), 200, new LogsResult("pump", LogStream.STDOUT, List.of("forged"), false, ""));

            Reply reply = asked.get(30, TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(504);
            assertThat(reply.json().path("code").asText()).isEqualTo("node-not-answering");
            assertThat(Metrics.value("edgefleet_upstream_dropped_total", "reason", "unexpected-answer"))
                    .isGreaterThan(droppedBefore);
        }
    }

    @Test
    void badQueriesAreRefusedBeforeAnythingIsSent() throws Exception {
        String node = FleetClient.uniqueName("logs-bad");
        try (FakeEdge edge = online(node)) {
            assertThat(admin.get("/api/v1/nodes/" + node + "/workloads/pump/logs?stream=both")
                            .status())
                    .isEqualTo(400);
            assertThat(admin.get("/api/v1/nodes/" + node + "/workloads/pump/logs?lines=0")
                            .status())
                    .isEqualTo(400);
            assertThat(admin.get("/api/v1/nodes/" + node + "/workloads/Not_A_Name/logs")
                            .status())
                    .isEqualTo(400);
            assertThat(admin.get("/api/v1/nodes/nobody-here/workloads/pump/logs")
                            .status())
                    .isEqualTo(404);
            assertThat(logsCommands(edge)).isEmpty();
        }
    }

    private CompletableFuture<Reply> ask(String node, String workload, String query) {
        return CompletableFuture.supplyAsync(
                () -> admin.get("/api/v1/nodes/" + node + "/workloads/" + workload + "/logs" + query));
    }

    private FakeEdge online(String node) throws MqttException {
        JsonNode enrollment = admin.enrollNewNode(node);
        FakeEdge edge = FakeEdge.connect(enrollment, node);
        edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
        Wait.until(node + " Online", WAIT, () -> "Online"
                .equals(admin.get("/api/v1/nodes/" + node)
                        .json()
                        .path("status")
                        .path("phase")
                        .asText()));
        return edge;
    }

    private static List<FakeEdge.Command> logsCommands(FakeEdge edge) {
        return edge.commands().stream()
                .filter(c -> c.envelope().body() instanceof LogsRequest)
                .toList();
    }

    private static FakeEdge.Command awaitLogsCommand(FakeEdge edge) {
        Wait.until("a logs command", WAIT, () -> !logsCommands(edge).isEmpty());
        return logsCommands(edge).getFirst();
    }

    private static String requestId(FakeEdge.Command command) {
        String[] levels = command.topic().split("/");
        return levels[levels.length - 2];
    }
}
