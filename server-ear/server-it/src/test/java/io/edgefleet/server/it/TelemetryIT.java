package io.edgefleet.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.TelemetryAck;
import io.edgefleet.protocol.TelemetryBatch;
import io.edgefleet.protocol.device.TelemetryReading;
import io.edgefleet.protocol.device.ValueQuality;
import io.edgefleet.server.it.support.Deployments;
import io.edgefleet.server.it.support.FakeEdge;
import io.edgefleet.server.it.support.FleetClient;
import io.edgefleet.server.it.support.ItDatabaseAccess;
import io.edgefleet.server.it.support.Metrics;
import io.edgefleet.server.it.support.Reply;
import io.edgefleet.testsupport.Wait;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Telemetry end to end: an enrolled node publishes {@code telemetry-batch} envelopes through the embedded
 * broker; the server stores them once, acknowledges with {@code telemetry-ack}, refuses readings of devices
 * that are not the node's, and answers the history query raw and downsampled. Device rows are inserted with
 * JDBC (the device API is not part of this test). The server runs with a 1 s retention sweep (pom).
 */
@ExtendWith(ArquillianExtension.class)
class TelemetryIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final JsonNodeFactory VALUES = JsonNodeFactory.instance;
    /** A whole hour well inside the retention, so buckets have round starts. */
    private static final Instant BASE =
            Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));

    private final FleetClient admin = FleetClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.edgefleetEar();
    }

    @Test
    void aBatchIsStoredOnceAndAcknowledgedAlsoWhenResent() throws Exception {
        String node = FleetClient.uniqueName("tm-once");
        String device = node + "-press";
        ItDatabaseAccess.insertDevice(device, node);
        double resendsBefore = Metrics.value("edgefleet_telemetry_batches_total", "outcome", "resend");
        double storedBefore = total("edgefleet_telemetry_readings_stored_total");
        try (FakeEdge edge = connect(node)) {
            Envelope first =
                    batch(node, 1, 0, reading(device, "temperature", 20.5, 0), reading(device, "temperature", 21.0, 1));

            edge.send(first);
            assertThat(awaitAcks(edge, 1)).containsExactly(1L);
            edge.send(first);
            assertThat(awaitAcks(edge, 2)).containsExactly(1L, 1L);

            JsonNode history = raw(device, "temperature", "");
            assertThat(history.path("items")).hasSize(2);
            assertThat(Metrics.value("edgefleet_telemetry_batches_total", "outcome", "resend"))
                    .isEqualTo(resendsBefore + 1);
            assertThat(total("edgefleet_telemetry_readings_stored_total")).isGreaterThanOrEqualTo(storedBefore + 2);
        }
    }

    @Test
    void aBatchAfterAGapIsIgnoredUntilTheMissingOneArrives() throws Exception {
        String node = FleetClient.uniqueName("tm-gap");
        String device = node + "-press";
        ItDatabaseAccess.insertDevice(device, node);
        double gapsBefore = Metrics.value("edgefleet_telemetry_batches_total", "outcome", "gap");
        try (FakeEdge edge = connect(node)) {
            edge.send(batch(node, 1, 0, reading(device, "temperature", 1, 0)));
            awaitAcks(edge, 1);

            edge.send(batch(node, 3, 0, reading(device, "temperature", 3, 2)));
            // Batch 2 goes only once the server saw the gap: the broker may deliver two QoS 1
            // messages sent back to back in either order, and this test is about the gap.
            Wait.until(
                    "batch 3 to be counted as a gap",
                    Duration.ofSeconds(20),
                    Duration.ofMillis(50),
                    () -> Metrics.value("edgefleet_telemetry_batches_total", "outcome", "gap") >= gapsBefore + 1);
            edge.send(batch(node, 2, 0, reading(device, "temperature", 2, 1)));

            assertThat(awaitAcks(edge, 2)).containsExactly(1L, 2L);
            assertThat(values(raw(device, "temperature", ""))).containsExactly(1.0, 2.0);
            assertThat(Metrics.value("edgefleet_telemetry_batches_total", "outcome", "gap"))
                    .isEqualTo(gapsBefore + 1);

            edge.send(batch(node, 3, 0, reading(device, "temperature", 3, 2)));
            assertThat(awaitAcks(edge, 3)).containsExactly(1L, 2L, 3L);
            assertThat(values(raw(device, "temperature", ""))).containsExactly(1.0, 2.0, 3.0);
        }
    }

    @Test
    void batchOneAfterHigherOnesIsAResetAndStored() throws Exception {
        String node = FleetClient.uniqueName("tm-reset");
        String device = node + "-press";
        ItDatabaseAccess.insertDevice(device, node);
        try (FakeEdge edge = connect(node)) {
            edge.send(batch(node, 1, 0, reading(device, "temperature", 1, 0)));
            edge.send(batch(node, 2, 0, reading(device, "temperature", 2, 1)));
            awaitAcks(edge, 2);

            edge.send(batch(node, 1, 0, reading(device, "temperature", 10, 2)));

            assertThat(awaitAcks(edge, 3)).containsExactly(1L, 2L, 1L);
            assertThat(values(raw(device, "temperature", ""))).containsExactly(1.0, 2.0, 10.0);
        }
    }

    @Test
    void readingsOfUnknownDevicesAndOfOtherNodesAreRefusedAndCounted() throws Exception {
        String node = FleetClient.uniqueName("tm-refuse");
        String other = FleetClient.uniqueName("tm-other");
        String own = node + "-press";
        String foreign = other + "-press";
        ItDatabaseAccess.insertDevice(own, node);
        ItDatabaseAccess.insertDevice(foreign, other);
        double unknownBefore = Metrics.value("edgefleet_telemetry_readings_refused_total", "reason", "unknown-device");
        double otherBefore = Metrics.value("edgefleet_telemetry_readings_refused_total", "reason", "other-node");
        double droppedBefore = total("edgefleet_telemetry_readings_dropped_by_nodes_total");
        try (FakeEdge edge = connect(node)) {
            edge.send(batch(
                    node,
                    1,
                    5,
                    reading(own, "temperature", 20, 0),
                    reading(node + "-nothing", "temperature", 21, 0),
                    reading(node + "-nothing", "pressure", 2, 0),
                    reading(foreign, "temperature", 22, 0)));

            assertThat(awaitAcks(edge, 1)).containsExactly(1L);
            assertThat(values(raw(own, "temperature", ""))).containsExactly(20.0);
            assertThat(raw(foreign, "temperature", "").path("items")).isEmpty();
            assertThat(Metrics.value("edgefleet_telemetry_readings_refused_total", "reason", "unknown-device"))
                    .isEqualTo(unknownBefore + 2);
            assertThat(Metrics.value("edgefleet_telemetry_readings_refused_total", "reason", "other-node"))
                    .isEqualTo(otherBefore + 1);
            assertThat(total("edgefleet_telemetry_readings_dropped_by_nodes_total"))
                    .isGreaterThanOrEqualTo(droppedBefore + 5);
            assertThat(ItDatabaseAccess.telemetryDropped(node)).isEqualTo(5);
        }
    }

    @Test
    void theHistoryAnswersRawReadingsInPagesAndBuckets() throws Exception {
        String node = FleetClient.uniqueName("tm-hist");
        String device = node + "-press";
        ItDatabaseAccess.insertDevice(device, node);
        try (FakeEdge edge = connect(node)) {
            // Minute 0: 10, 20, 30 (every 20 s); minute 1: nothing; minute 2: 5, 7. Strings and booleans too.
            List<TelemetryReading> readings = new ArrayList<>(List.of(
                    reading(device, "temperature", 10, 0),
                    reading(device, "temperature", 20, 20),
                    reading(device, "temperature", 30, 40),
                    reading(device, "temperature", 5, 120),
                    reading(device, "temperature", 7, 150),
                    new TelemetryReading(device, "mode", VALUES.textNode("auto"), ValueQuality.GOOD, BASE),
                    new TelemetryReading(
                            device, "mode", VALUES.textNode("manual"), ValueQuality.STALE, BASE.plusSeconds(30)),
                    new TelemetryReading(device, "running", VALUES.booleanNode(true), ValueQuality.GOOD, BASE),
                    new TelemetryReading(
                            device, "running", VALUES.booleanNode(false), ValueQuality.GOOD, BASE.plusSeconds(10))));
            edge.send(batch(node, 1, 0, readings.toArray(TelemetryReading[]::new)));
            awaitAcks(edge, 1);

            JsonNode all = raw(device, "temperature", "");
            assertThat(values(all)).containsExactly(10.0, 20.0, 30.0, 5.0, 7.0);
            assertThat(all.path("items").get(0).path("sourceTime").asText()).isEqualTo(BASE.toString());
            assertThat(all.path("items").get(0).path("quality").asText()).isEqualTo("good");
            assertThat(all.path("metadata").has("continue")).isFalse();

            JsonNode page1 = raw(device, "temperature", "&limit=2");
            assertThat(values(page1)).containsExactly(10.0, 20.0);
            String token = page1.path("metadata").path("continue").asText();
            JsonNode page2 = raw(device, "temperature", "&limit=2&continue=" + token);
            assertThat(values(page2)).containsExactly(30.0, 5.0);
            JsonNode page3 = raw(
                    device,
                    "temperature",
                    "&limit=2&continue="
                            + page2.path("metadata").path("continue").asText());
            assertThat(values(page3)).containsExactly(7.0);
            assertThat(page3.path("metadata").has("continue")).isFalse();

            JsonNode modes = raw(device, "mode", "");
            assertThat(modes.path("items").get(1).path("value").asText()).isEqualTo("manual");
            assertThat(modes.path("items").get(1).path("quality").asText()).isEqualTo("stale");
            assertThat(raw(device, "running", "")
                            .path("items")
                            .get(0)
                            .path("value")
                            .isBoolean())
                    .isTrue();

            JsonNode buckets = raw(device, "temperature", "&step=PT1M").path("items");
            assertThat(buckets).hasSize(2);
            assertBucket(buckets.get(0), BASE, 3, 10, 30, 20, 30);
            assertBucket(buckets.get(1), BASE.plusSeconds(120), 2, 5, 7, 6, 7);

            JsonNode modeBuckets = raw(device, "mode", "&step=PT1H").path("items");
            assertThat(modeBuckets).hasSize(1);
            assertThat(modeBuckets.get(0).path("count").asLong()).isEqualTo(2);
            assertThat(modeBuckets.get(0).has("min")).isFalse();
            assertThat(modeBuckets.get(0).has("avg")).isFalse();
            assertThat(modeBuckets.get(0).path("last").asText()).isEqualTo("manual");

            JsonNode running =
                    raw(device, "running", "&step=PT1H").path("items").get(0);
            assertThat(running.path("avg").asDouble()).isEqualTo(0.5);
            assertThat(running.path("last").isBoolean()).isTrue();
            assertThat(running.path("last").asBoolean()).isFalse();
        }
    }

    @Test
    void readingsOlderThanTheRetentionAreDeleted() throws Exception {
        String node = FleetClient.uniqueName("tm-old");
        String device = node + "-press";
        ItDatabaseAccess.insertDevice(device, node);
        Instant old = Instant.now().minus(Duration.ofHours(200)).truncatedTo(ChronoUnit.SECONDS);
        try (FakeEdge edge = connect(node)) {
            edge.send(batch(
                    node,
                    1,
                    0,
                    new TelemetryReading(device, "temperature", VALUES.numberNode(1), ValueQuality.GOOD, old),
                    reading(device, "temperature", 2, 0)));
            awaitAcks(edge, 1);

            String everything =
                    "&from=" + old.minusSeconds(60) + "&to=" + Instant.now().plusSeconds(60);
            Wait.until("the expired reading deleted", WAIT, Duration.ofMillis(200), () -> values(
                            history(device, "temperature", everything))
                    .equals(List.of(2.0)));
        }
    }

    @Test
    void badHistoryQueriesAnswerProblemJson() throws Exception {
        String node = FleetClient.uniqueName("tm-bad");
        String device = node + "-press";
        ItDatabaseAccess.insertDevice(device, node);
        String range = "&from=" + BASE + "&to=" + BASE.plusSeconds(3600);

        assertProblem(admin.get("/api/v1/devices/" + node + "-missing/history?property=t" + range), 404, "not-found");
        assertProblem(get(device, range.substring(1)), 400, "invalid-request");
        assertProblem(get(device, "property=t&from=yesterday&to=" + BASE), 400, "invalid-request");
        assertProblem(get(device, "property=t&to=" + BASE), 400, "invalid-request");
        assertProblem(get(device, "property=t&from=" + BASE + "&to=" + BASE), 400, "invalid-request");
        assertProblem(get(device, "property=t&from=" + BASE.plusSeconds(1) + "&to=" + BASE), 400, "invalid-request");
        assertProblem(get(device, "property=t" + range + "&step=PT0.5S"), 400, "invalid-request");
        assertProblem(
                get(device, "property=t&from=" + BASE + "&to=" + BASE.plus(Duration.ofDays(7)) + "&step=PT1S"),
                400,
                "invalid-request");
        assertProblem(get(device, "property=t" + range + "&limit=10001"), 400, "invalid-request");
        assertProblem(get(device, "property=t" + range + "&continue=bm9wZQ"), 400, "invalid-continue");
        assertThat(get(device, "property=t" + range).status()).isEqualTo(200);
        assertThat(FleetClient.anonymous()
                        .get("/api/v1/devices/" + device + "/history?property=t" + range)
                        .status())
                .isEqualTo(401);
        assertThat(admin.createUser("viewer")
                        .get("/api/v1/devices/" + device + "/history?property=t" + range)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theHistoryIsInTheOpenApiDocument() {
        Reply openapi = FleetClient.anonymous().get("/openapi?format=JSON");
        assertThat(openapi.status()).isEqualTo(200);
        JsonNode path = openapi.json().path("paths").path("/api/v1/devices/{name}/history");
        assertThat(path.path("get").path("parameters").findValuesAsText("name"))
                .contains("name", "property", "from", "to", "step", "limit", "continue");
        assertThat(path.path("get").path("responses").has("404")).isTrue();
        assertThat(openapi.json().path("components").path("schemas").has("HistoryBuckets"))
                .isTrue();
    }

    // --- helpers -------------------------------------------------------------------------------

    private FakeEdge connect(String node) throws MqttException {
        JsonNode enrollment = admin.enrollNewNode(node);
        FakeEdge edge = FakeEdge.connect(enrollment, node);
        edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
        return edge;
    }

    private static Envelope batch(String node, long batch, long dropped, TelemetryReading... readings) {
        return Envelope.of(node, Instant.now(), new TelemetryBatch(batch, dropped, List.of(readings)));
    }

    private static TelemetryReading reading(String device, String property, double value, long secondsAfterBase) {
        return new TelemetryReading(
                device, property, VALUES.numberNode(value), ValueQuality.GOOD, BASE.plusSeconds(secondsAfterBase));
    }

    private static List<Long> awaitAcks(FakeEdge edge, int count) {
        Wait.until(count + " telemetry-ack(s)", WAIT, POLL, () -> acks(edge).size() >= count);
        return acks(edge);
    }

    private static List<Long> acks(FakeEdge edge) {
        return edge.commands().stream()
                .map(command -> command.envelope().body())
                .filter(TelemetryAck.class::isInstance)
                .map(body -> ((TelemetryAck) body).upToBatch())
                .toList();
    }

    /** The history of the three hours after BASE; {@code extra} adds query parameters. */
    private JsonNode raw(String device, String property, String extra) {
        return history(device, property, "&from=" + BASE + "&to=" + BASE.plus(Duration.ofHours(3)) + extra);
    }

    private JsonNode history(String device, String property, String parameters) {
        Reply reply = get(device, "property=" + property + parameters);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private Reply get(String device, String query) {
        return admin.get("/api/v1/devices/" + device + "/history?" + query);
    }

    private static List<Double> values(JsonNode history) {
        List<Double> values = new ArrayList<>();
        history.path("items").forEach(item -> values.add(item.path("value").asDouble()));
        return values;
    }

    private static void assertBucket(
            JsonNode bucket, Instant start, long count, double min, double max, double avg, double last) {
        assertThat(Instant.parse(bucket.path("start").asText())).isEqualTo(start);
        assertThat(bucket.path("count").asLong()).isEqualTo(count);
        assertThat(bucket.path("min").asDouble()).isEqualTo(min);
        assertThat(bucket.path("max").asDouble()).isEqualTo(max);
        assertThat(bucket.path("avg").asDouble()).isEqualTo(avg);
        assertThat(bucket.path("last").asDouble()).isEqualTo(last);
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).as(reply.toString()).isEqualTo(code);
    }

    /** The sum of a counter's samples over all its labels (for counters without labels of their own). */
    private static double total(String name) {
        Reply reply = FleetClient.anonymous().get("/metrics?scope=application", Map.of("Accept", "text/plain"));
        Matcher sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})?\\s+(\\S+)$", Pattern.MULTILINE)
                .matcher(reply.body());
        double sum = 0;
        while (sample.find()) {
            sum += Double.parseDouble(sample.group(2));
        }
        return sum;
    }
}
