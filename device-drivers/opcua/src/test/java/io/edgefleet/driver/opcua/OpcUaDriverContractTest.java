package io.edgefleet.driver.opcua;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DeviceDriver;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.contract.DriverContractTest;
import io.edgefleet.driver.opcua.testserver.OpcUaTestServer;
import io.edgefleet.testsupport.Ports;
import java.util.List;
import java.util.Map;

/** The SPI contract against a real OPC UA server (Milo's server SDK, in this JVM). */
class OpcUaDriverContractTest extends DriverContractTest {
    private final OpcUaTestServer server = OpcUaTestServer.shared();

    @Override
    protected DeviceDriver driver() {
        return new OpcUaDriver();
    }

    @Override
    protected DeviceConnection reachableDevice() {
        return OpcUaFixtures.press(server.url());
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
        return TypedValue.of(42.5);
    }

    @Override
    protected DeviceConnection unreachableDevice() {
        return OpcUaFixtures.device("opc.tcp://127.0.0.1:" + Ports.free() + "/edgefleet", List.of());
    }

    @Override
    protected DeviceConnection invalidDevice() {
        return new DeviceConnection(
                "press-1",
                OpcUaDriver.PROTOCOL,
                Map.of("endpoint-url", "http://127.0.0.1:4840", "prot", "x"),
                List.of(new PropertyBinding(
                        "temperature", PropertyType.DOUBLE, AccessMode.READ_ONLY, Map.of("node-id", "garbage"))));
    }

    @Override
    protected List<String> expectedProblems() {
        return List.of("config.endpoint-url", "config.prot", "visitor.node-id");
    }
}
