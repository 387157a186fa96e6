package io.edgefleet.driver.modbus;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.Timeouts;
import io.edgefleet.driver.ValueConstraints;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The test device every peer serves (j2mod in-process, pymodbus's script, the RTU slave): the same
 * registers, so one set of bindings and expected values works against each.
 *
 * <pre>
 * holding 0      int16    1234        counter    READ_ONLY
 * holding 1      int16    -2          offset     READ_ONLY
 * holding 10..11 float32  21.5        setpoint   READ_WRITE, max 100
 * input   0      int16    7           level      READ_ONLY
 * input   2..3   uint32   70000       total      READ_ONLY
 * coil    3      bool     true        pump       READ_WRITE
 * discrete 1     bool     true        door       READ_ONLY
 * </pre>
 */
final class Plant {
    static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(2));

    static final List<PropertyBinding> PROPERTIES = List.of(
            property("counter", PropertyType.INT, AccessMode.READ_ONLY, "holding", 0, Map.of()),
            property("offset", PropertyType.INT, AccessMode.READ_ONLY, "holding", 1, Map.of()),
            new PropertyBinding(
                    "setpoint",
                    PropertyType.FLOAT,
                    AccessMode.READ_WRITE,
                    Map.of("table", "holding", "address", "10", "data-type", "float32"),
                    ValueConstraints.between(0, 100)),
            property("level", PropertyType.INT, AccessMode.READ_ONLY, "input", 0, Map.of()),
            property("total", PropertyType.INT, AccessMode.READ_ONLY, "input", 2, Map.of("data-type", "uint32")),
            property("pump", PropertyType.BOOL, AccessMode.READ_WRITE, "coil", 3, Map.of()),
            property("door", PropertyType.BOOL, AccessMode.READ_ONLY, "discrete-input", 1, Map.of()));

    private Plant() {}

    static PropertyBinding property(
            String name, PropertyType type, AccessMode access, String table, int address, Map<String, String> more) {
        Map<String, String> visitor = new HashMap<>(more);
        visitor.put("table", table);
        visitor.put("address", Integer.toString(address));
        return new PropertyBinding(name, type, access, visitor);
    }

    static DeviceConnection tcp(int port, List<PropertyBinding> properties) {
        return new DeviceConnection(
                "plant",
                ModbusTcpDriver.PROTOCOL,
                Map.of("host", "127.0.0.1", "port", Integer.toString(port)),
                properties,
                TIMEOUTS);
    }

    static DeviceConnection tcp(int port) {
        return tcp(port, PROPERTIES);
    }
}
