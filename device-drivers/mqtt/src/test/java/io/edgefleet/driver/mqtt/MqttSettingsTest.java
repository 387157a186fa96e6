package io.edgefleet.driver.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.ConfigValidation;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.TypedValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation and command payloads, without a broker. */
class MqttSettingsTest {
    private final MqttDeviceDriver driver = new MqttDeviceDriver();

    @Test
    void writablePropertyWithoutCommandTopicAndSecretsAreReportedWithoutEchoingThePassword() {
        DeviceConnection device = new DeviceConnection(
                "press-1",
                MqttDeviceDriver.PROTOCOL,
                Map.of("broker-url", "tcp://127.0.0.1:1", "state-topic", "s/#", "password", "hunter2-secret"),
                List.of(new PropertyBinding(
                        "setpoint",
                        PropertyType.INT,
                        AccessMode.READ_WRITE,
                        Map.of("json-pointer", "/a", "command-template", "{\"a\":1}"))));

        ConfigValidation validation = driver.validate(device);

        assertThat(validation.problems())
                .anySatisfy(p -> assertThat(p).contains("config.state-topic").contains("wildcards"))
                .anySatisfy(p -> assertThat(p).contains("config.password").contains("without username"))
                .anySatisfy(p -> assertThat(p).contains("visitor.command-topic"))
                .anySatisfy(
                        p -> assertThat(p).contains("visitor.command-template").contains("${value}"))
                .noneSatisfy(p -> assertThat(p).contains("hunter2-secret"));
    }

    @Test
    void commandPutsTheValueAtTheCommandPointer() {
        MqttProperty property = property(Map.of("json-pointer", "/sensors/temp", "command-pointer", "/set/temp"));

        byte[] payload = JsonValues.command(property, TypedValue.of(0.1f));

        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo("{\"set\":{\"temp\":0.1}}");
    }

    @Test
    void commandTemplateGetsTheValueAsJson() {
        MqttProperty property =
                property(Map.of("json-pointer", "/label", "command-template", "{\"cmd\":\"label\",\"to\":${value}}"));

        byte[] payload = JsonValues.command(property, TypedValue.of("line \"2\""));

        assertThat(new String(payload, StandardCharsets.UTF_8))
                .isEqualTo("{\"cmd\":\"label\",\"to\":\"line \\\"2\\\"\"}");
    }

    private static MqttProperty property(Map<String, String> visitor) {
        DeviceConnection device = new DeviceConnection(
                "press-1",
                MqttDeviceDriver.PROTOCOL,
                Map.of("broker-url", "tcp://127.0.0.1:1", "state-topic", "s", "command-topic", "c"),
                List.of(new PropertyBinding("p", PropertyType.DOUBLE, AccessMode.READ_WRITE, visitor)));
        io.edgefleet.driver.ConfigCheck check = io.edgefleet.driver.ConfigCheck.forConnection(device, "mqtt");
        MqttSettings settings = MqttSettings.read(check, device);
        assertThat(check.problems()).isEmpty();
        return settings.properties().getFirst();
    }
}
