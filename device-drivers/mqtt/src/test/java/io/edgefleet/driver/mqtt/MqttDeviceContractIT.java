package io.edgefleet.driver.mqtt;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DeviceDriver;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.contract.DriverContractTest;
import io.edgefleet.testsupport.MosquittoProcess;
import io.edgefleet.testsupport.Ports;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The SPI contract against a real Mosquitto and a simulated device on its own MQTT client. */
class MqttDeviceContractIT extends DriverContractTest {
    @TempDir
    static Path dir;

    private static MosquittoProcess broker;
    private static DeviceSimulator device;

    @BeforeAll
    static void startBrokerAndDevice() throws Exception {
        broker = MosquittoProcess.start(dir);
        device = new DeviceSimulator(broker.url());
    }

    @AfterAll
    static void stop() throws Exception {
        device.close();
        broker.close();
    }

    @Override
    protected DeviceDriver driver() {
        return new MqttDeviceDriver();
    }

    @Override
    protected DeviceConnection reachableDevice() {
        return MqttFixtures.press(broker.url());
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
        return TypedValue.of(77L);
    }

    @Override
    protected DeviceConnection unreachableDevice() {
        return MqttFixtures.device("tcp://127.0.0.1:" + Ports.free(), List.of());
    }

    @Override
    protected DeviceConnection invalidDevice() {
        return new DeviceConnection(
                "press-1",
                MqttDeviceDriver.PROTOCOL,
                Map.of("broker-url", "http://127.0.0.1", "qos", "3"),
                List.of(new PropertyBinding(
                        "temperature", PropertyType.DOUBLE, AccessMode.READ_ONLY, Map.of("json-pointer", "temp"))));
    }

    @Override
    protected List<String> expectedProblems() {
        return List.of("config.broker-url", "config.qos", "visitor.json-pointer", "visitor.state-topic");
    }
}
