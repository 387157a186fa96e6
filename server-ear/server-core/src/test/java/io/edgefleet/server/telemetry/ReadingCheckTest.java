package io.edgefleet.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.protocol.device.TelemetryReading;
import io.edgefleet.protocol.device.ValueQuality;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ReadingCheckTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00.123456Z");

    @Test
    void numbersBooleansAndStringsAreStoredWithTheirJsonText() {
        assertThat(StoredValue.of(NODES.numberNode(21.5))).contains(new StoredValue(OptionalDouble.of(21.5), "21.5"));
        assertThat(StoredValue.of(NODES.numberNode(7))).contains(new StoredValue(OptionalDouble.of(7), "7"));
        assertThat(StoredValue.of(NODES.booleanNode(true))).contains(new StoredValue(OptionalDouble.of(1), "true"));
        assertThat(StoredValue.of(NODES.booleanNode(false))).contains(new StoredValue(OptionalDouble.of(0), "false"));
        assertThat(StoredValue.of(NODES.textNode("on"))).contains(new StoredValue(OptionalDouble.empty(), "\"on\""));
    }

    @Test
    void valuesTheHistoryCannotHoldAreNotStored() {
        assertThat(StoredValue.of(NODES.nullNode())).isEmpty();
        assertThat(StoredValue.of(NODES.objectNode().put("a", 1))).isEmpty();
        assertThat(StoredValue.of(NODES.arrayNode().add(1))).isEmpty();
        assertThat(StoredValue.of(NODES.textNode("x".repeat(StoredValue.MAX_JSON_CHARS))))
                .isEmpty();
        assertThat(StoredValue.of(NODES.numberNode(Double.NaN))).isEmpty();
    }

    @Test
    void aReadingOfItsOwnDeviceIsAccepted() {
        assertThat(ReadingCheck.refusal(reading("temperature", NOW), Optional.of("edge-1"), "edge-1"))
                .isEmpty();
    }

    @Test
    void unknownDevicesAndOtherNodesDevicesAreRefused() {
        assertThat(ReadingCheck.refusal(reading("temperature", NOW), Optional.empty(), "edge-1"))
                .contains(RefusalReason.UNKNOWN_DEVICE);
        assertThat(ReadingCheck.refusal(reading("temperature", NOW), Optional.of("edge-2"), "edge-1"))
                .contains(RefusalReason.OTHER_NODE);
    }

    @Test
    void readingsTheTableCannotHoldAreInvalid() {
        Optional<String> own = Optional.of("edge-1");
        assertThat(ReadingCheck.refusal(reading("p".repeat(64), NOW), own, "edge-1"))
                .contains(RefusalReason.INVALID);
        assertThat(ReadingCheck.refusal(reading("", NOW), own, "edge-1")).contains(RefusalReason.INVALID);
        assertThat(ReadingCheck.refusal(reading("t", Instant.parse("2040-01-01T00:00:00Z")), own, "edge-1"))
                .contains(RefusalReason.INVALID);
        assertThat(ReadingCheck.refusal(reading("t", Instant.EPOCH), own, "edge-1"))
                .contains(RefusalReason.INVALID);
        assertThat(ReadingCheck.refusal(
                        new TelemetryReading("press-1", "t", NODES.nullNode(), ValueQuality.GOOD, NOW), own, "edge-1"))
                .contains(RefusalReason.INVALID);
    }

    private static TelemetryReading reading(String property, Instant at) {
        JsonNode value = NODES.numberNode(1.5);
        return new TelemetryReading("press-1", property, value, ValueQuality.GOOD, at);
    }
}
