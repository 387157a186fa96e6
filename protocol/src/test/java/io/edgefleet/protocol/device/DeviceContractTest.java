package io.edgefleet.protocol.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.protocol.ProtocolCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceContractTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final ObjectMapper mapper = ProtocolCodec.newMapper(ProtocolCodec.DEFAULT_MAX_MESSAGE_BYTES);

    @Test
    void deviceSpecTravelsWithItsModelAndComesBackEqual() throws Exception {
        DesiredDevice device = new DesiredDevice(
                "press-1",
                4,
                "hydraulic-press",
                List.of(
                        new ModelProperty(
                                "temperature",
                                ValueType.DOUBLE,
                                "°C",
                                Optional.of(-40.0),
                                Optional.of(150.0),
                                List.of(),
                                AccessMode.READ_ONLY,
                                "oil temperature"),
                        new ModelProperty(
                                "mode",
                                ValueType.ENUM,
                                "",
                                Optional.empty(),
                                Optional.empty(),
                                List.of("auto", "manual"),
                                AccessMode.READ_WRITE,
                                "")),
                "modbus-tcp",
                Map.of("host", "10.0.0.7", "port", "502"),
                Map.of("temperature", Map.of("register", "30001")),
                1000,
                5000);
        JsonNode spec = mapper.valueToTree(device);
        assertThat(spec.path("properties").get(0).path("accessMode").asText()).isEqualTo("ReadOnly");
        assertThat(spec.path("properties").get(1).path("type").asText()).isEqualTo("enum");
        assertThat(mapper.treeToValue(spec, DesiredDevice.class)).isEqualTo(device);
    }

    @Test
    void ruleSpecComesBackEqual() throws Exception {
        DesiredRule rule = new DesiredRule(
                "fan-on-when-hot",
                1,
                new RuleCondition("oven-1", "temperature", RuleComparison.ABOVE, JSON.numberNode(80), 5000),
                new RuleAction(
                        RuleAction.Type.WRITE_PROPERTY,
                        Optional.of("oven-1"),
                        Optional.of("fan"),
                        Optional.of(JSON.booleanNode(true)),
                        Optional.empty(),
                        "oven hot: fan on"),
                Optional.empty());
        JsonNode spec = mapper.valueToTree(rule);
        assertThat(spec.path("when").path("comparison").asText()).isEqualTo("above");
        assertThat(spec.path("then").path("type").asText()).isEqualTo("write-property");
        assertThat(mapper.treeToValue(spec, DesiredRule.class)).isEqualTo(rule);
    }

    @Test
    void actionsNeedWhatTheirTypeActsOn() {
        assertThatThrownBy(() -> new RuleAction(
                        RuleAction.Type.WRITE_PROPERTY,
                        Optional.of("oven-1"),
                        Optional.of("fan"),
                        Optional.empty(),
                        Optional.empty(),
                        ""))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> new RuleAction(
                        RuleAction.Type.RAISE_EVENT,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        " "))
                .hasMessageContaining("needs a message");
        assertThatThrownBy(() -> new RuleCondition("oven-1", "state", RuleComparison.ABOVE, JSON.textNode("hot"), 0))
                .hasMessageContaining("compare with a number");
    }

    @Test
    void valuesAreScalarsAndAnErrorReadingAloneHasNone() {
        assertThatThrownBy(() -> new DesiredValue(JSON.objectNode(), 1, "user:a", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportedValue(
                        "temperature", Optional.empty(), ValueQuality.GOOD, Instant.EPOCH, Optional.empty()))
                .hasMessageContaining("only an error reading");
        assertThatThrownBy(() -> new ModelProperty(
                        "mode",
                        ValueType.ENUM,
                        "",
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        AccessMode.READ_WRITE,
                        ""))
                .hasMessageContaining("enum lists its symbols");
    }
}
