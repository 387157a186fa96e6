package io.edgefleet.driver.mqtt;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.Timeouts;
import io.edgefleet.driver.ValueConstraints;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Devices matching {@link DeviceSimulator}'s state. */
final class MqttFixtures {
    static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));

    private MqttFixtures() {}

    static PropertyBinding property(String name, PropertyType type, AccessMode access, String pointer) {
        return new PropertyBinding(name, type, access, Map.of("json-pointer", pointer));
    }

    static DeviceConnection press(String brokerUrl) {
        return device(
                brokerUrl,
                List.of(
                        property("temperature", PropertyType.DOUBLE, AccessMode.READ_ONLY, "/sensors/temp"),
                        property("counter", PropertyType.INT, AccessMode.READ_ONLY, "/counter"),
                        new PropertyBinding(
                                "setpoint",
                                PropertyType.INT,
                                AccessMode.READ_WRITE,
                                Map.of("json-pointer", "/setpoint"),
                                ValueConstraints.between(0, 100)),
                        property("label", PropertyType.STRING, AccessMode.READ_ONLY, "/sensors/label"),
                        property("running", PropertyType.BOOL, AccessMode.READ_WRITE, "/running"),
                        new PropertyBinding(
                                "mode",
                                PropertyType.ENUM,
                                AccessMode.READ_WRITE,
                                Map.of("json-pointer", "/mode"),
                                ValueConstraints.symbols("off", "auto", "manual"))));
    }

    static DeviceConnection device(String brokerUrl, List<PropertyBinding> properties) {
        return new DeviceConnection(
                "press-1",
                MqttDeviceDriver.PROTOCOL,
                Map.of(
                        "broker-url", brokerUrl,
                        "state-topic", DeviceSimulator.STATE,
                        "command-topic", DeviceSimulator.COMMAND),
                properties,
                TIMEOUTS);
    }
}
