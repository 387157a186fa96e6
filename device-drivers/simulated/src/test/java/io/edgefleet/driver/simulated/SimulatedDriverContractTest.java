package io.edgefleet.driver.simulated;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DeviceDriver;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.ValueConstraints;
import io.edgefleet.driver.contract.DriverContractTest;
import java.util.List;
import java.util.Map;

/** The simulated driver passes the SPI contract every driver passes. */
class SimulatedDriverContractTest extends DriverContractTest {

    static final List<PropertyBinding> PRESS = List.of(
            new PropertyBinding(
                    "temperature",
                    PropertyType.DOUBLE,
                    AccessMode.READ_ONLY,
                    Map.of("generator", "sine", "amplitude", "5", "period-seconds", "10", "offset", "20")),
            new PropertyBinding(
                    "pressure",
                    PropertyType.FLOAT,
                    AccessMode.READ_ONLY,
                    Map.of("generator", "random-walk", "step", "0.5", "min", "0", "max", "10", "seed", "42")),
            new PropertyBinding("strokes", PropertyType.INT, AccessMode.READ_ONLY, Map.of("generator", "counter")),
            new PropertyBinding(
                    "speed-setpoint",
                    PropertyType.DOUBLE,
                    AccessMode.READ_WRITE,
                    Map.of("value", "100"),
                    ValueConstraints.between(0, 1500)),
            new PropertyBinding("running", PropertyType.BOOL, AccessMode.READ_WRITE, Map.of("value", "true")),
            new PropertyBinding(
                    "mode",
                    PropertyType.ENUM,
                    AccessMode.READ_WRITE,
                    Map.of("generator", "constant", "value", "auto"),
                    ValueConstraints.symbols("auto", "manual")),
            new PropertyBinding("label", PropertyType.STRING, AccessMode.READ_ONLY, Map.of("value", "press 1")));

    @Override
    protected DeviceDriver driver() {
        return new SimulatedDriver();
    }

    @Override
    protected DeviceConnection reachableDevice() {
        return new DeviceConnection("press-1", "simulated", Map.of(), PRESS);
    }

    @Override
    protected String readOnlyProperty() {
        return "temperature";
    }

    @Override
    protected String writableProperty() {
        return "speed-setpoint";
    }

    @Override
    protected TypedValue valueToWrite() {
        return TypedValue.of(750.0);
    }

    @Override
    protected DeviceConnection unreachableDevice() {
        return new DeviceConnection("press-2", "simulated", Map.of("unreachable", "true"), PRESS);
    }

    @Override
    protected DeviceConnection invalidDevice() {
        return new DeviceConnection(
                "press-3",
                "simulated",
                Map.of("latency-ms", "-5", "prot", "1"),
                List.of(
                        new PropertyBinding(
                                "door", PropertyType.BOOL, AccessMode.READ_ONLY, Map.of("generator", "sine")),
                        new PropertyBinding(
                                "level",
                                PropertyType.DOUBLE,
                                AccessMode.READ_ONLY,
                                Map.of("generator", "random-walk", "min", "5", "max", "1")),
                        new PropertyBinding(
                                "count", PropertyType.INT, AccessMode.READ_WRITE, Map.of("value", "many"))));
    }

    @Override
    protected List<String> expectedProblems() {
        return List.of(
                "config.latency-ms",
                "config.prot: unknown key",
                "property 'door' visitor.generator",
                "property 'level' visitor.min",
                "property 'count' visitor.value");
    }
}
