package io.edgefleet.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.protocol.device.AccessMode;
import io.edgefleet.protocol.device.ModelProperty;
import io.edgefleet.protocol.device.ValueType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueCheckTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static ModelProperty property(
            ValueType type, Optional<Double> min, Optional<Double> max, List<String> symbols) {
        return new ModelProperty("p", type, "", min, max, symbols, AccessMode.READ_WRITE, "");
    }

    @Test
    void wholeNumbersOnlyForIntAndWithinTheRange() {
        ModelProperty setpoint = property(ValueType.INT, Optional.of(0.0), Optional.of(100.0), List.of());
        assertThat(ValueCheck.problem(setpoint, JSON.numberNode(80))).isEmpty();
        assertThat(ValueCheck.problem(setpoint, JSON.numberNode(80.5)))
                .hasValueSatisfying(p -> assertThat(p).contains("whole number"));
        assertThat(ValueCheck.problem(setpoint, JSON.numberNode(-1)))
                .hasValueSatisfying(p -> assertThat(p).contains("below its min"));
        assertThat(ValueCheck.problem(setpoint, JSON.numberNode(101)))
                .hasValueSatisfying(p -> assertThat(p).contains("above its max"));
        assertThat(ValueCheck.problem(setpoint, JSON.textNode("80"))).isPresent();
    }

    @Test
    void otherTypesTakeTheirJsonType() {
        ModelProperty level = property(ValueType.DOUBLE, Optional.empty(), Optional.empty(), List.of());
        assertThat(ValueCheck.problem(level, JSON.numberNode(1e9))).isEmpty();
        assertThat(ValueCheck.problem(level, JSON.booleanNode(true))).isPresent();
        ModelProperty fan = property(ValueType.BOOL, Optional.empty(), Optional.empty(), List.of());
        assertThat(ValueCheck.problem(fan, JSON.booleanNode(false))).isEmpty();
        assertThat(ValueCheck.problem(fan, JSON.numberNode(1))).isPresent();
        ModelProperty label = property(ValueType.STRING, Optional.empty(), Optional.empty(), List.of());
        assertThat(ValueCheck.problem(label, JSON.textNode("line 3"))).isEmpty();
        ModelProperty mode = property(ValueType.ENUM, Optional.empty(), Optional.empty(), List.of("auto", "manual"));
        assertThat(ValueCheck.problem(mode, JSON.textNode("manual"))).isEmpty();
        assertThat(ValueCheck.problem(mode, JSON.textNode("turbo")))
                .hasValueSatisfying(p -> assertThat(p).contains("auto"));
    }
}
