package io.edgefleet.driver.modbus;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DeviceDriver;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.contract.DriverContractTest;
import io.edgefleet.testsupport.Ports;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** {@code modbus-tcp} passes the SPI contract against an in-process j2mod slave. */
class ModbusTcpContractTest extends DriverContractTest {
    private static J2modSlave slave;
    private static int port;

    @BeforeAll
    static void startSlave() {
        port = Ports.free();
        slave = J2modSlave.tcp(port);
    }

    @AfterAll
    static void stopSlave() {
        slave.close();
    }

    @BeforeEach
    void freshImage() {
        slave.reset();
    }

    @Override
    protected DeviceDriver driver() {
        return new ModbusTcpDriver();
    }

    @Override
    protected DeviceConnection reachableDevice() {
        return Plant.tcp(port);
    }

    @Override
    protected String readOnlyProperty() {
        return "counter";
    }

    @Override
    protected String writableProperty() {
        return "setpoint";
    }

    @Override
    protected TypedValue valueToWrite() {
        return TypedValue.of(42.25f);
    }

    @Override
    protected DeviceConnection unreachableDevice() {
        return Plant.tcp(Ports.free());
    }

    @Override
    protected DeviceConnection invalidDevice() {
        return invalid(ModbusTcpDriver.PROTOCOL, Map.of("port", "70000", "unit-id", "300", "prot", "1"));
    }

    @Override
    protected List<String> expectedProblems() {
        return List.of(
                "config.host: required",
                "config.port",
                "config.unit-id",
                "config.prot: unknown key",
                "property 'speed' visitor.table: a READ_WRITE property cannot live in table 'input'",
                "property 'alarm' visitor.table: expected one of",
                "property 'flow' visitor.address: expected a whole number",
                "property 'energy' visitor.address: 65535 + 2 registers",
                "property 'name' visitor.data-type: a STRING property",
                "property 'on' visitor.data-type: a BOOL property in registers",
                "property 'gain' visitor.scale: must not be 0",
                "property 'count' visitor.scale: applies to FLOAT and DOUBLE",
                "property 'temp' visitor.wordorder: unknown key");
    }

    @Override
    protected boolean canSubscribe() {
        return false;
    }

    /** A device with one problem per listed fragment; shared with the RTU contract. */
    static DeviceConnection invalid(String protocol, Map<String, String> config) {
        return new DeviceConnection(
                "plant",
                protocol,
                config,
                List.of(
                        Plant.property("speed", PropertyType.INT, AccessMode.READ_WRITE, "input", 0, Map.of()),
                        new PropertyBinding(
                                "alarm",
                                PropertyType.BOOL,
                                AccessMode.READ_ONLY,
                                Map.of("table", "coils", "address", "1")),
                        new PropertyBinding(
                                "flow",
                                PropertyType.FLOAT,
                                AccessMode.READ_ONLY,
                                Map.of("table", "holding", "address", "-1")),
                        Plant.property(
                                "energy",
                                PropertyType.INT,
                                AccessMode.READ_ONLY,
                                "holding",
                                65535,
                                Map.of("data-type", "uint32")),
                        Plant.property("name", PropertyType.STRING, AccessMode.READ_ONLY, "holding", 5, Map.of()),
                        Plant.property(
                                "on",
                                PropertyType.BOOL,
                                AccessMode.READ_ONLY,
                                "holding",
                                6,
                                Map.of("data-type", "int16")),
                        Plant.property(
                                "gain", PropertyType.DOUBLE, AccessMode.READ_ONLY, "holding", 7, Map.of("scale", "0")),
                        Plant.property(
                                "count", PropertyType.INT, AccessMode.READ_ONLY, "holding", 8, Map.of("scale", "10")),
                        Plant.property(
                                "temp",
                                PropertyType.FLOAT,
                                AccessMode.READ_ONLY,
                                "holding",
                                12,
                                Map.of("wordorder", "little"))),
                Plant.TIMEOUTS);
    }
}
