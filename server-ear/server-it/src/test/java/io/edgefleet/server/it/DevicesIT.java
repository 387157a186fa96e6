package io.edgefleet.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.protocol.Ack;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.ResourceChange;
import io.edgefleet.protocol.Sync;
import io.edgefleet.protocol.SyncResult;
import io.edgefleet.protocol.TwinReport;
import io.edgefleet.protocol.TwinReports;
import io.edgefleet.protocol.device.DesiredDevice;
import io.edgefleet.protocol.device.DesiredRule;
import io.edgefleet.protocol.device.DesiredValues;
import io.edgefleet.protocol.device.DeviceState;
import io.edgefleet.protocol.device.EdgeDesired;
import io.edgefleet.protocol.device.ReportedValue;
import io.edgefleet.protocol.device.ValueQuality;
import io.edgefleet.server.it.support.Deployments;
import io.edgefleet.server.it.support.FakeEdge;
import io.edgefleet.server.it.support.FleetClient;
import io.edgefleet.server.it.support.Metrics;
import io.edgefleet.server.it.support.Reply;
import io.edgefleet.testsupport.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Device models, devices, twins and rules over REST, and their way to a node: validation against
 * the model (ReadOnly, type, range), ETag/If-Match, sync of Device, DeviceDesired and Rule to a Paho
 * client playing the node, twin reports, and the conflict rule of decision 0005.
 */
@ExtendWith(ArquillianExtension.class)
class DevicesIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final ObjectMapper MAPPER = ProtocolCodec.newMapper(ProtocolCodec.DEFAULT_MAX_MESSAGE_BYTES);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final FleetClient admin = FleetClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.edgefleetEar();
    }

    @Test
    void modelsAndDevicesAreCheckedWhenWritten() {
        String model = createModel();
        Reply noProperties = admin.post("/api/v1/device-models", resource(FleetClient.uniqueName("m"), "{}"));
        assertThat(noProperties.status()).isEqualTo(422);
        assertThat(noProperties.code()).isEqualTo("invalid-spec");
        Reply badType = admin.post(
                "/api/v1/device-models",
                resource(FleetClient.uniqueName("m"), "{\"properties\":[{\"name\":\"x\",\"type\":\"complex\"}]}"));
        assertThat(badType.status()).isEqualTo(422);
        assertThat(badType.json().path("detail").asText()).contains("properties[0]");

        Reply unknownModel =
                admin.post("/api/v1/devices", device(FleetClient.uniqueName("d"), "some-node", "no-such-model", "{}"));
        assertThat(unknownModel.status()).isEqualTo(422);
        assertThat(unknownModel.json().path("detail").asText()).contains("no device model");
        Reply unknownVisitor = admin.post(
                "/api/v1/devices",
                device(FleetClient.uniqueName("d"), "some-node", model, "{\"pressure\":{\"register\":\"1\"}}"));
        assertThat(unknownVisitor.status()).isEqualTo(422);
        assertThat(unknownVisitor.json().path("detail").asText()).contains("pressure");

        String name = FleetClient.uniqueName("d");
        Reply created = admin.post("/api/v1/devices", device(name, "some-node", model, "{}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("spec").path("collectCycleMs").asLong()).isEqualTo(1000);
        assertThat(created.json().path("status").path("state").asText()).isEqualTo("Unknown");
        assertThat(admin.delete("/api/v1/device-models/" + model, Optional.empty())
                        .code())
                .as("a model in use stays")
                .isEqualTo("resource-in-use");
        Reply stale = admin.mergePatch(
                "/api/v1/devices/" + name, "{\"spec\":{\"collectCycleMs\":500}}", Optional.of("\"1\""));
        assertThat(stale.status()).isEqualTo(412);
        Reply patched = admin.mergePatch(
                "/api/v1/devices/" + name, "{\"spec\":{\"collectCycleMs\":500}}", created.header("ETag"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("metadata").path("generation").asLong()).isEqualTo(2);
        assertThat(admin.delete("/api/v1/devices/" + name, Optional.empty()).status())
                .isEqualTo(204);
        assertThat(admin.delete("/api/v1/device-models/" + model, Optional.empty())
                        .status())
                .isEqualTo(204);
    }

    @Test
    void desiredValuesAreCheckedAgainstTheModel() {
        String model = createModel();
        String name = FleetClient.uniqueName("d");
        assertThat(admin.post("/api/v1/devices", device(name, "nowhere", model, "{}"))
                        .status())
                .isEqualTo(201);
        String twin = "/api/v1/devices/" + name + "/twin";
        assertThat(desire(twin, "{\"temperature\":20}", Optional.empty()).code())
                .isEqualTo("read-only-property");
        assertThat(desire(twin, "{\"setpoint\":\"hot\"}", Optional.empty()).code())
                .isEqualTo("invalid-desired-value");
        Reply tooHigh = desire(twin, "{\"setpoint\":101}", Optional.empty());
        assertThat(tooHigh.status()).isEqualTo(422);
        assertThat(tooHigh.json().path("detail").asText()).contains("above its max");
        assertThat(desire(twin, "{\"mode\":\"turbo\"}", Optional.empty()).code())
                .isEqualTo("invalid-desired-value");
        assertThat(desire(twin, "{\"colour\":1}", Optional.empty()).code()).isEqualTo("unknown-property");
        assertThat(admin.get("/api/v1/devices/no-such-device/twin").status()).isEqualTo(404);

        Reply set = desire(twin, "{\"setpoint\":80,\"mode\":\"manual\"}", Optional.of("\"0\""));
        assertThat(set.status()).isEqualTo(200);
        JsonNode setpoint = property(set.json(), "setpoint");
        assertThat(setpoint.path("desired").path("value").asInt()).isEqualTo(80);
        assertThat(setpoint.path("desired").path("version").asLong()).isEqualTo(1);
        assertThat(setpoint.path("desired").path("by").asText()).isEqualTo("user:admin");
        assertThat(setpoint.path("inSync").asBoolean()).isFalse();
        assertThat(desire(twin, "{\"setpoint\":81}", Optional.of("\"0\"")).status())
                .as("a stale If-Match")
                .isEqualTo(412);
        assertThat(admin.get(twin).header("ETag")).isEqualTo(set.header("ETag"));
    }

    @Test
    void nodeReceivesItsDevicesDesiredValuesAndRulesAndReportsBack() throws Exception {
        String model = createModel();
        String node = FleetClient.uniqueName("dn");
        String name = FleetClient.uniqueName("oven");
        // Created before the node exists: the node gets it when it enrolls.
        assertThat(admin.post("/api/v1/devices", device(name, node, model, "{\"temperature\":{\"register\":\"7\"}}"))
                        .status())
                .isEqualTo(201);
        JsonNode enrollment = admin.enrollNewNode(node);
        String twin = "/api/v1/devices/" + name + "/twin";
        assertThat(desire(twin, "{\"setpoint\":70}", Optional.empty()).status()).isEqualTo(200);

        try (FakeEdge edge = FakeEdge.connect(enrollment, node)) {
            edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
            Sync first = awaitSync(edge, DesiredValues.RESOURCE, name);
            DesiredDevice desiredDevice = spec(first, DesiredDevice.RESOURCE, name, DesiredDevice.class);
            assertThat(desiredDevice.protocol()).isEqualTo("simulated");
            assertThat(desiredDevice.properties()).hasSize(3);
            assertThat(desiredDevice.visitors().get("temperature")).containsEntry("register", "7");
            DesiredValues values = spec(first, DesiredValues.RESOURCE, name, DesiredValues.class);
            assertThat(values.values().get("setpoint").value().asInt()).isEqualTo(70);
            assertThat(values.values().get("setpoint").version()).isEqualTo(1);
            answer(edge, first);

            // The node reports: online, a reading, and the setpoint changed at the machine on version 1.
            edge.send(Envelope.reliable(
                    node,
                    1,
                    Instant.now(),
                    new TwinReport(
                            name,
                            Optional.of(DeviceState.ONLINE),
                            List.of(new ReportedValue(
                                    "temperature",
                                    Optional.of(JSON.numberNode(21.5)),
                                    ValueQuality.GOOD,
                                    Instant.now(),
                                    Optional.empty())),
                            List.of(new EdgeDesired(
                                    "setpoint", JSON.numberNode(65), 1, "edge:" + node, Instant.now())))));
            Wait.until(
                    "the edge's setpoint to be accepted",
                    WAIT,
                    POLL,
                    () -> property(admin.get(twin).json(), "setpoint")
                                    .path("desired")
                                    .path("version")
                                    .asLong()
                            == 2);
            JsonNode accepted = admin.get(twin).json();
            assertThat(property(accepted, "setpoint")
                            .path("desired")
                            .path("value")
                            .asInt())
                    .isEqualTo(65);
            assertThat(property(accepted, "setpoint").path("desired").path("by").asText())
                    .isEqualTo("edge:" + node);
            assertThat(property(accepted, "temperature")
                            .path("reported")
                            .path("value")
                            .asDouble())
                    .isEqualTo(21.5);
            assertThat(property(accepted, "temperature")
                            .path("reported")
                            .path("quality")
                            .asText())
                    .isEqualTo("good");
            assertThat(admin.get("/api/v1/devices/" + name)
                            .json()
                            .path("status")
                            .path("state")
                            .asText())
                    .isEqualTo("Online");
            Sync settled = awaitSync(
                    edge,
                    DesiredValues.RESOURCE,
                    name,
                    s -> spec(s, DesiredValues.RESOURCE, name, DesiredValues.class)
                                    .values()
                                    .get("setpoint")
                                    .version()
                            == 2);
            answer(edge, settled);

            // The cloud changes it, then a stale edge change (base 2) arrives: the cloud's value stands.
            assertThat(desire(twin, "{\"setpoint\":90}", Optional.empty()).status())
                    .isEqualTo(200);
            edge.send(Envelope.reliable(
                    node,
                    2,
                    Instant.now(),
                    new TwinReport(
                            name,
                            Optional.empty(),
                            List.of(),
                            List.of(new EdgeDesired(
                                    "setpoint", JSON.numberNode(10), 2, "edge:" + node, Instant.now())))));
            Wait.until("the node's report to be acknowledged", WAIT, POLL, () -> edge.commands().stream()
                    .anyMatch(c -> c.envelope().body() instanceof io.edgefleet.protocol.Ack ack && ack.upToSeq() == 2));
            JsonNode kept = property(admin.get(twin).json(), "setpoint");
            assertThat(kept.path("desired").path("value").asInt()).isEqualTo(90);
            assertThat(kept.path("desired").path("version").asLong()).isEqualTo(3);

            // A rule on the device reaches the node; a rule that could never act is refused.
            Reply readOnlyTarget = admin.post("/api/v1/rules", rule(FleetClient.uniqueName("r"), name, "temperature"));
            assertThat(readOnlyTarget.code()).isEqualTo("read-only-property");
            String ruleName = FleetClient.uniqueName("r");
            assertThat(admin.post("/api/v1/rules", rule(ruleName, name, "setpoint"))
                            .status())
                    .isEqualTo(201);
            Sync withRule = awaitSync(edge, DesiredRule.RESOURCE, ruleName);
            DesiredRule desiredRule = spec(withRule, DesiredRule.RESOURCE, ruleName, DesiredRule.class);
            assertThat(desiredRule.when().forMs()).isEqualTo(5000);
            assertThat(admin.delete("/api/v1/devices/" + name, Optional.empty()).code())
                    .as("a device with rules stays")
                    .isEqualTo("resource-in-use");
            answer(edge, withRule);

            // Moved to another node: this node is told to forget the device and its rule.
            assertThat(admin.mergePatch(
                                    "/api/v1/devices/" + name, "{\"spec\":{\"node\":\"elsewhere\"}}", Optional.empty())
                            .status())
                    .isEqualTo(200);
            Sync moved = awaitSync(edge, DesiredDevice.RESOURCE, name, s -> s.changes().stream()
                    .anyMatch(c -> c.name().equals(name) && c.operation() == ResourceChange.Operation.DELETE));
            assertThat(moved.changes())
                    .filteredOn(c -> c.operation() == ResourceChange.Operation.DELETE)
                    .extracting(ResourceChange::name)
                    .contains(name, ruleName);
        }
    }

    private Reply desire(String twin, String values, Optional<String> ifMatch) {
        return admin.mergePatch(twin, "{\"desired\":" + values + "}", ifMatch);
    }

    @Test
    void twinReportsOfSeveralDevicesApplyOnceUnderTheirOneSeq() throws Exception {
        String model = createModel();
        String node = FleetClient.uniqueName("dn");
        String press = FleetClient.uniqueName("press");
        String oven = FleetClient.uniqueName("oven");
        for (String device : List.of(press, oven)) {
            assertThat(admin.post("/api/v1/devices", device(device, node, model, "{}"))
                            .status())
                    .isEqualTo(201);
        }
        JsonNode enrollment = admin.enrollNewNode(node);
        double valuesBefore = Metrics.value("edgefleet_twin_reported_values_total", "source", "edge");
        double unknownBefore = Metrics.value("edgefleet_twin_reports_refused_total", "reason", "unknown-device");

        try (FakeEdge edge = FakeEdge.connect(enrollment, node)) {
            edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
            Wait.until("the answer to hello", WAIT, POLL, () -> edge.commands().stream()
                    .anyMatch(c -> c.envelope().body() instanceof Ack ack
                            && ack.accepts().isPresent()));
            Envelope cycle = Envelope.reliable(
                    node,
                    1,
                    Instant.now(),
                    new TwinReports(List.of(
                            new TwinReport(
                                    press,
                                    Optional.of(DeviceState.ONLINE),
                                    List.of(reading("temperature", 21.5)),
                                    List.of()),
                            new TwinReport(
                                    FleetClient.uniqueName("nowhere"),
                                    Optional.empty(),
                                    List.of(reading("temperature", 1)),
                                    List.of()),
                            new TwinReport(
                                    oven,
                                    Optional.empty(),
                                    List.of(reading("temperature", 120), reading("setpoint", 40)),
                                    List.of()))));
            edge.send(cycle);
            edge.send(cycle); // a resend: acknowledged again, applied once
            Wait.until(
                    "seq 1 acknowledged twice",
                    WAIT,
                    POLL,
                    () -> edge.commands().stream()
                                    .filter(c -> c.envelope().body() instanceof Ack ack && ack.upToSeq() == 1)
                                    .count()
                            >= 2);

            assertThat(property(admin.get("/api/v1/devices/" + press + "/twin").json(), "temperature")
                            .path("reported")
                            .path("value")
                            .asDouble())
                    .isEqualTo(21.5);
            assertThat(property(admin.get("/api/v1/devices/" + oven + "/twin").json(), "temperature")
                            .path("reported")
                            .path("value")
                            .asDouble())
                    .isEqualTo(120);
            assertThat(admin.get("/api/v1/devices/" + press)
                            .json()
                            .path("status")
                            .path("state")
                            .asText())
                    .isEqualTo("Online");
            assertThat(Metrics.value("edgefleet_twin_reported_values_total", "source", "edge") - valuesBefore)
                    .as("the press's one value and the oven's two, once")
                    .isEqualTo(3);
            assertThat(Metrics.value("edgefleet_twin_reports_refused_total", "reason", "unknown-device")
                            - unknownBefore)
                    .isEqualTo(1);
        }
    }

    private static ReportedValue reading(String property, double value) {
        return new ReportedValue(
                property, Optional.of(JSON.numberNode(value)), ValueQuality.GOOD, Instant.now(), Optional.empty());
    }

    private String createModel() {
        String model = FleetClient.uniqueName("model");
        Reply created = admin.post(
                "/api/v1/device-models",
                resource(
                        model,
                        "{\"properties\":["
                                + "{\"name\":\"temperature\",\"type\":\"double\",\"unit\":\"°C\",\"min\":-40,\"max\":150},"
                                + "{\"name\":\"setpoint\",\"type\":\"int\",\"min\":0,\"max\":100,\"accessMode\":\"ReadWrite\"},"
                                + "{\"name\":\"mode\",\"type\":\"enum\",\"symbols\":[\"auto\",\"manual\"],"
                                + "\"accessMode\":\"ReadWrite\"}]}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json()
                        .path("spec")
                        .path("properties")
                        .get(0)
                        .path("accessMode")
                        .asText())
                .as("ReadOnly unless the model says otherwise")
                .isEqualTo("ReadOnly");
        return model;
    }

    private static String resource(String name, String spec) {
        return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":" + spec + "}";
    }

    private static String device(String name, String node, String model, String visitors) {
        return resource(
                name,
                "{\"node\":\"" + node + "\",\"model\":\"" + model + "\",\"protocol\":\"simulated\","
                        + "\"connection\":{\"seed\":7},\"visitors\":" + visitors + "}");
    }

    private static String rule(String name, String device, String target) {
        return resource(
                name,
                "{\"when\":{\"device\":\"" + device + "\",\"property\":\"temperature\",\"comparison\":\"above\","
                        + "\"threshold\":80,\"forMs\":5000},\"then\":{\"type\":\"write-property\",\"device\":\""
                        + device + "\",\"property\":\"" + target + "\",\"value\":100,\"message\":\"too hot\"}}");
    }

    private static JsonNode property(JsonNode twin, String name) {
        for (JsonNode property : twin.path("properties")) {
            if (name.equals(property.path("name").asText())) {
                return property;
            }
        }
        throw new AssertionError("no property " + name + " in " + twin);
    }

    private static Sync awaitSync(FakeEdge edge, String kind, String name) {
        return awaitSync(edge, kind, name, s -> true);
    }

    private static Sync awaitSync(
            FakeEdge edge, String kind, String name, java.util.function.Predicate<Sync> condition) {
        Wait.until("a sync with " + kind + " " + name, WAIT, POLL, () -> latest(edge, kind, name, condition)
                .isPresent());
        return latest(edge, kind, name, condition).orElseThrow();
    }

    private static Optional<Sync> latest(
            FakeEdge edge, String kind, String name, java.util.function.Predicate<Sync> condition) {
        return edge.commands().reversed().stream()
                .map(c -> c.envelope().body())
                .filter(Sync.class::isInstance)
                .map(Sync.class::cast)
                .filter(s -> s.changes().stream()
                        .anyMatch(c -> c.resource().equals(kind) && c.name().equals(name)))
                .filter(condition)
                .findFirst();
    }

    private static <T> T spec(Sync sync, String kind, String name, Class<T> type) {
        try {
            return MAPPER.treeToValue(
                    sync.changes().stream()
                            .filter(c -> c.resource().equals(kind) && c.name().equals(name))
                            .reduce((a, b) -> b)
                            .orElseThrow()
                            .spec()
                            .orElseThrow(),
                    type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(
                    "the spec of " + kind + " " + name + " does not read as " + type.getSimpleName(), e);
        }
    }

    private static void answer(FakeEdge edge, Sync sync) throws Exception {
        String topic = edge.commands().stream()
                .filter(c -> c.envelope().body().equals(sync))
                .findFirst()
                .orElseThrow()
                .topic();
        edge.respond(topic.split("/")[4], 200, new SyncResult(sync.toVersion()));
    }
}
