package io.edgefleet.edge.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.Conversion;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.TypedValue;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A device spec from the cloud as the driver SPI's connection, and JSON values as typed values. */
class DeviceConnectionsTest {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    @Test
    void specMapsToBindingsWithVisitorsTypesAccessAndRanges() {
        DeviceConnection c = DeviceConnections.of(DeviceFixtures.boiler("boiler-1", 1, 85));
        assertThat(c.device()).isEqualTo("boiler-1");
        assertThat(c.protocol()).isEqualTo("simulated");
        assertThat(c.propertyNames()).containsExactly("temperature", "fan", "setpoint", "mode");
        PropertyBinding temperature = c.property("temperature").orElseThrow();
        assertThat(temperature.type()).isEqualTo(PropertyType.DOUBLE);
        assertThat(temperature.access()).isEqualTo(AccessMode.READ_ONLY);
        assertThat(temperature.visitor()).containsEntry("generator", "constant");
        PropertyBinding setpoint = c.property("setpoint").orElseThrow();
        assertThat(setpoint.access()).isEqualTo(AccessMode.READ_WRITE);
        assertThat(setpoint.constraints().min()).contains(BigDecimal.valueOf(0.0));
        assertThat(setpoint.constraints().max()).contains(BigDecimal.valueOf(100.0));
        assertThat(c.property("mode").orElseThrow().constraints().symbols()).containsExactly("auto", "manual");
        assertThat(c.property("fan").orElseThrow().visitor()).isEqualTo(Map.of("generator", "constant"));
    }

    @Test
    void jsonValuesConvertWithoutLossAndAreChecked() {
        DeviceConnection c = DeviceConnections.of(DeviceFixtures.boiler("boiler-1", 1, 85));
        PropertyBinding setpoint = c.property("setpoint").orElseThrow();
        assertThat(JsonValues.toTyped(setpoint, J.numberNode(40)))
                .isEqualTo(new Conversion.Converted(TypedValue.of(40.0)));
        assertThat(JsonValues.toTyped(setpoint, J.numberNode(140))).isInstanceOf(Conversion.Failed.class);
        assertThat(JsonValues.toTyped(setpoint, J.textNode("hot"))).isInstanceOf(Conversion.Failed.class);
        PropertyBinding mode = c.property("mode").orElseThrow();
        assertThat(JsonValues.toTyped(mode, J.textNode("manual")))
                .isEqualTo(new Conversion.Converted(TypedValue.symbol("manual")));
        assertThat(JsonValues.same(J.numberNode(21.5), JsonValues.toJson(TypedValue.of(21.5f))))
                .isTrue();
        assertThat(JsonValues.toJson(TypedValue.of(0.1f)).toString()).isEqualTo("0.1");
        assertThat(DeviceConnections.binding(DeviceFixtures.boiler("b", 1, 1), "nope"))
                .isEqualTo(Optional.empty());
    }
}
