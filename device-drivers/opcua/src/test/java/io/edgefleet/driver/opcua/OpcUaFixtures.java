package io.edgefleet.driver.opcua;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.Timeouts;
import io.edgefleet.driver.ValueConstraints;
import io.edgefleet.driver.opcua.testserver.OpcUaTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Devices bound to {@link OpcUaTestServer}'s namespace. */
final class OpcUaFixtures {
    static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(2));

    private OpcUaFixtures() {}

    static PropertyBinding property(String name, PropertyType type, AccessMode access, String node) {
        return new PropertyBinding(name, type, access, Map.of("node-id", "ns=2;s=" + node));
    }

    static PropertyBinding property(
            String name, PropertyType type, AccessMode access, String node, ValueConstraints constraints) {
        return new PropertyBinding(name, type, access, Map.of("node-id", "ns=2;s=" + node), constraints);
    }

    /** Every type the server has, all reading GOOD. */
    static DeviceConnection press(String url) {
        return device(
                url,
                List.of(
                        property("temperature", PropertyType.DOUBLE, AccessMode.READ_ONLY, "Temperature"),
                        property("counter", PropertyType.INT, AccessMode.READ_ONLY, "Counter"),
                        property(
                                "setpoint",
                                PropertyType.DOUBLE,
                                AccessMode.READ_WRITE,
                                "Setpoint",
                                ValueConstraints.between(0, 100)),
                        property(
                                "level",
                                PropertyType.INT,
                                AccessMode.READ_WRITE,
                                "Level",
                                ValueConstraints.between(-100_000, 100_000)),
                        property("total", PropertyType.INT, AccessMode.READ_ONLY, "Total"),
                        property("speed", PropertyType.FLOAT, AccessMode.READ_WRITE, "Speed"),
                        property("running", PropertyType.BOOL, AccessMode.READ_WRITE, "Running"),
                        property("label", PropertyType.STRING, AccessMode.READ_WRITE, "Label"),
                        property(
                                "mode",
                                PropertyType.ENUM,
                                AccessMode.READ_WRITE,
                                "Mode",
                                ValueConstraints.symbols("off", "auto", "manual"))));
    }

    static DeviceConnection device(String url, List<PropertyBinding> properties) {
        return new DeviceConnection("press-1", OpcUaDriver.PROTOCOL, Map.of("endpoint-url", url), properties, TIMEOUTS);
    }
}
