package io.edgefleet.edge.device.bus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.edge.device.SetOutcome;
import io.edgefleet.protocol.device.DeviceState;
import io.edgefleet.protocol.device.ReportedValue;
import io.edgefleet.protocol.device.ValueQuality;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BusPayloadsTest {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private static final Instant AT = Instant.parse("2026-12-03T10:00:00.123Z");

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    private static ReportedValue good(String property, JsonNode value) {
        return new ReportedValue(property, Optional.of(value), ValueQuality.GOOD, AT, Optional.empty());
    }

    @Test
    void aReadingCarriesValueQualityAndSourceTime() {
        assertThat(text(BusPayloads.reported(good("setpoint", J.numberNode(new BigDecimal("21.5"))))))
                .isEqualTo("{\"value\":21.5,\"quality\":\"good\",\"sourceTime\":\"2026-12-03T10:00:00.123Z\"}");
        assertThat(text(BusPayloads.reported(new ReportedValue(
                        "mode", Optional.of(J.textNode("auto")), ValueQuality.STALE, AT, Optional.of("cached")))))
                .isEqualTo("{\"value\":\"auto\",\"quality\":\"stale\",\"sourceTime\":\"2026-12-03T10:00:00.123Z\","
                        + "\"error\":\"cached\"}");
    }

    @Test
    void anErrorReadingHasNoValueButSaysWhy() {
        ReportedValue failed =
                new ReportedValue("fan", Optional.empty(), ValueQuality.ERROR, AT, Optional.of("timeout: 2 s"));
        assertThat(text(BusPayloads.reported(failed)))
                .isEqualTo(
                        "{\"quality\":\"error\",\"sourceTime\":\"2026-12-03T10:00:00.123Z\",\"error\":\"timeout: 2 s\"}");
    }

    @Test
    void theStateIsPlainText() {
        assertThat(text(BusPayloads.state(DeviceState.ONLINE))).isEqualTo("Online");
        assertThat(text(BusPayloads.state(DeviceState.OFFLINE))).isEqualTo("Offline");
    }

    @Test
    void theDeltaHoldsTheDesiredValuesTheDeviceDoesNotHold() {
        Map<String, JsonNode> desired = Map.of(
                "setpoint", J.numberNode(42),
                "fan", J.booleanNode(true),
                "mode", J.textNode("manual"),
                "speed", J.numberNode(3));
        Map<String, ReportedValue> reported = Map.of(
                "setpoint", good("setpoint", J.numberNode(42.0)),
                "fan", good("fan", J.booleanNode(false)),
                "mode", new ReportedValue("mode", Optional.empty(), ValueQuality.ERROR, AT, Optional.of("gone")),
                "temperature", good("temperature", J.numberNode(85.0)));

        Map<String, JsonNode> delta = BusPayloads.delta(desired, reported);

        assertThat(delta)
                .as("42 equals 42.0; false is not true; an error reading holds nothing; speed was never read")
                .containsOnlyKeys("fan", "mode", "speed");
        assertThat(text(BusPayloads.delta(delta))).isEqualTo("{\"fan\":true,\"mode\":\"manual\",\"speed\":3}");
    }

    @Test
    void aDeviceInSyncHasAnEmptyDelta() {
        assertThat(text(BusPayloads.delta(BusPayloads.delta(Map.of(), Map.of()))))
                .isEqualTo("{}");
        assertThat(BusPayloads.delta(
                        Map.of("fan", J.booleanNode(true)), Map.of("fan", good("fan", J.booleanNode(true)))))
                .isEmpty();
    }

    @Test
    void resultsSayWhetherAndWhy() {
        assertThat(text(BusPayloads.result(SetResult.of(
                        "setpoint", new SetOutcome.Refused("out-of-range", "140 is above the maximum 100")))))
                .isEqualTo("{\"property\":\"setpoint\",\"accepted\":false,\"code\":\"out-of-range\","
                        + "\"reason\":\"140 is above the maximum 100\"}");
        assertThat(text(BusPayloads.result(SetResult.malformed("not JSON"))))
                .isEqualTo("{\"accepted\":false,\"code\":\"invalid-payload\",\"reason\":\"not JSON\"}");
    }

    @Test
    void aSetMessageIsAnObjectOfPropertiesInTheOrderGiven() {
        SetRequest request = BusPayloads.setRequest(
                "{\"setpoint\": 42, \"fan\": true, \"mode\": \"auto\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(request).isInstanceOfSatisfying(SetRequest.Values.class, v -> {
            assertThat(v.values().keySet()).containsExactly("setpoint", "fan", "mode");
            assertThat(v.values().get("setpoint").intValue()).isEqualTo(42);
        });
    }

    @Test
    void anythingElseIsMalformed() {
        for (String payload : new String[] {"[1]", "42", "\"setpoint\"", "{}", "{\"setpoint\": ", "", "null"}) {
            assertThat(BusPayloads.setRequest(payload.getBytes(StandardCharsets.UTF_8)))
                    .as(payload)
                    .isInstanceOf(SetRequest.Malformed.class);
        }
        byte[] huge = new byte[BusPayloads.MAX_SET_BYTES + 1];
        assertThat(BusPayloads.setRequest(huge)).isInstanceOf(SetRequest.Malformed.class);
    }
}
