package io.edgefleet.desktop.twin;

import static io.edgefleet.desktop.FakeFleetClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredValueCheckTest {
    private final List<PropertyModel> model = PropertyModel.parseModel(fixture("device-model-press.json"));

    private PropertyModel property(String name) {
        return model.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private DesiredCheck check(String property, String typed) {
        return DesiredValueCheck.check(property(property), typed);
    }

    @Test
    void writeToReadOnlyPropertyIsRefused() {
        assertThat(check("temperature", "20"))
                .isEqualTo(
                        new DesiredCheck.Refused("temperature is ReadOnly: the device reports it, it cannot be set"));
    }

    @Test
    void numbersMustParseAndLieInRange() {
        assertThat(check("setpoint", "6.5")).isInstanceOf(DesiredCheck.Accepted.class);
        assertThat(check("setpoint", "6,5"))
                .as("a decimal comma is read too")
                .isInstanceOf(DesiredCheck.Accepted.class);
        assertThat(check("setpoint", "11")).asString().contains("at most 10.0 bar");
        assertThat(check("setpoint", "-1")).asString().contains("at least 0.0 bar");
        assertThat(check("setpoint", "high")).asString().contains("takes a number");
        assertThat(check("strokes", "2.5")).asString().contains("whole number");
        assertThat(((DesiredCheck.Accepted) check("strokes", "12")).value().isIntegralNumber())
                .isTrue();
    }

    @Test
    void booleansAndEnumsTakeTheirValuesOnly() {
        assertThat(((DesiredCheck.Accepted) check("pump", "TRUE")).value().asBoolean())
                .isTrue();
        assertThat(check("pump", "maybe")).isInstanceOf(DesiredCheck.Refused.class);
        assertThat(check("mode", "auto")).isInstanceOf(DesiredCheck.Accepted.class);
        assertThat(check("mode", "turbo")).asString().contains("one of auto, manual");
    }

    @Test
    void anEmptyValueIsRefusedWithWhatTheModelExpects() {
        assertThat(check("setpoint", " ")).asString().contains("double, 0 … 10 bar, ReadWrite");
    }
}
