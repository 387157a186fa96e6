package io.edgefleet.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.systemtest.harness.EdgeDaemon;
import io.edgefleet.systemtest.harness.FleetApi;
import io.edgefleet.systemtest.harness.FleetServer;
import io.edgefleet.testsupport.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * Devices end to end, every part in its own process: a model and a simulated device created through
 * REST reach the real edge daemon, whose device manager reads the device and reports its twin and
 * telemetry; a desired value set through REST is written to the device and read back before the
 * server shows it reported; a value set on site while the server is down flows back afterwards; an
 * edge rule acts on the device.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeviceTwinIT {
    private static final String NODE = "twin-pc";
    private static final String DEVICE = "oven-1";
    private static final String TWIN = "/api/v1/devices/" + DEVICE + "/twin";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path work;

    static FleetServer server;
    static FleetApi api;
    static EdgeDaemon edge;

    @BeforeAll
    static void startEverything() {
        Path root = Path.of(System.getProperty("edgefleet.root", ".."))
                .toAbsolutePath()
                .normalize();
        server = FleetServer.prepare(
                root, work.resolve("server"), Map.of("FLEET_HEARTBEAT_SECONDS", "1", "FLEET_LEASE_SECONDS", "4"));
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
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @Order(1)
    void simulatedDeviceReportsItsTwinAndTelemetry() {
        assertThat(api.post(
                                "/api/v1/device-models",
                                "{\"metadata\":{\"name\":\"oven\"},\"spec\":{\"properties\":["
                                        + "{\"name\":\"temperature\",\"type\":\"double\",\"unit\":\"°C\"},"
                                        + "{\"name\":\"setpoint\",\"type\":\"double\",\"min\":0,\"max\":300,"
                                        + "\"accessMode\":\"ReadWrite\"},"
                                        + "{\"name\":\"fan\",\"type\":\"bool\",\"accessMode\":\"ReadWrite\"},"
                                        + "{\"name\":\"alarm\",\"type\":\"bool\",\"accessMode\":\"ReadWrite\"}]}}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/devices",
                                "{\"metadata\":{\"name\":\"" + DEVICE + "\"},\"spec\":{\"node\":\"" + NODE
                                        + "\",\"model\":\"oven\",\"protocol\":\"simulated\",\"visitors\":{"
                                        + "\"temperature\":{\"generator\":\"sine\",\"amplitude\":\"2\","
                                        + "\"period-seconds\":\"10\",\"offset\":\"20\"},"
                                        + "\"setpoint\":{\"value\":\"100\"},\"fan\":{\"value\":\"false\"},"
                                        + "\"alarm\":{\"value\":\"false\"}},"
                                        + "\"collectCycleMs\":200,\"reportCycleMs\":300}}")
                        .statusCode())
                .isEqualTo(201);

        await(
                "the device Online with a good temperature",
                () -> "Online".equals(deviceState())
                        && "good"
                                .equals(property("temperature")
                                        .path("reported")
                                        .path("quality")
                                        .asText()));
        assertThat(property("temperature").path("reported").path("value").asDouble())
                .isBetween(17.9, 22.1);
        await(
                "telemetry in the history",
                () -> history("temperature").path("items").size() > 3);
    }

    @Test
    @Order(2)
    void desiredValueIsWrittenToTheDeviceAndReportedBack() {
        JsonNode twin = api.mergePatch(TWIN, "{\"desired\":{\"setpoint\":150}}");
        assertThat(twin.path("properties").findValues("delta")).isNotEmpty();
        await(
                "the device reports the desired setpoint",
                () -> property("setpoint").path("inSync").asBoolean()
                        && property("setpoint").path("reported").path("value").asDouble() == 150.0);
    }

    @Test
    @Order(3)
    void valueSetOnSiteWhileTheServerIsDownFlowsBack() {
        server.kill();
        EdgeDaemon.CliResult set = edge.cli("set", DEVICE, "fan", "true");
        assertThat(set.exitCode()).as(set.output()).isZero();
        await(
                "the local twin shows the fan on",
                () -> edge.cli("twin", DEVICE, "--json").output().contains("fan"));
        EdgeDaemon.CliResult readOnly = edge.cli("set", DEVICE, "temperature", "5");
        assertThat(readOnly.exitCode()).as("ReadOnly refused on site too").isEqualTo(2);

        server.startAndAwaitReady(Duration.ofMinutes(3));
        await("the edge's fan value accepted by the server", () -> {
            JsonNode fan = property("fan");
            return fan.path("desired").path("value").asBoolean()
                    && ("edge:" + NODE).equals(fan.path("desired").path("by").asText())
                    && fan.path("reported").path("value").asBoolean();
        });
    }

    @Test
    @Order(4)
    void edgeRuleActsOnTheDevice() {
        assertThat(api.post(
                                "/api/v1/rules",
                                "{\"metadata\":{\"name\":\"warm-alarm\"},\"spec\":{\"when\":{\"device\":\"" + DEVICE
                                        + "\",\"property\":\"temperature\",\"comparison\":\"above\",\"threshold\":10,"
                                        + "\"forMs\":1000},\"then\":{\"type\":\"write-property\",\"device\":\""
                                        + DEVICE + "\",\"property\":\"alarm\",\"value\":true,"
                                        + "\"message\":\"oven warm\"}}}")
                        .statusCode())
                .isEqualTo(201);
        await("the rule's alarm reaches the device and the server", () -> {
            JsonNode alarm = property("alarm");
            return alarm.path("reported").path("value").asBoolean()
                    && alarm.path("desired").path("by").asText().startsWith("rule:");
        });
        await("the rule's firing reaches the fleet's events", () -> {
            for (JsonNode event :
                    api.get("/api/v1/events?node=" + NODE + "&reason=RuleFired").path("items")) {
                if ("warm-alarm".equals(event.path("involvedName").asText())
                        && event.path("message").asText().contains("oven warm")) {
                    return true;
                }
            }
            return false;
        });
    }

    private static String deviceState() {
        return api.get("/api/v1/devices/" + DEVICE).path("status").path("state").asText();
    }

    private static JsonNode property(String name) {
        for (JsonNode property : api.get(TWIN).path("properties")) {
            if (name.equals(property.path("name").asText())) {
                return property;
            }
        }
        throw new AssertionError("no property " + name);
    }

    private static JsonNode history(String property) {
        Instant now = Instant.now();
        return api.get("/api/v1/devices/" + DEVICE + "/history?property=" + property + "&from=" + now.minusSeconds(600)
                + "&to=" + now.plusSeconds(60));
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
