package io.edgefleet.edge.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.edgefleet.protocol.device.AccessMode;
import io.edgefleet.protocol.device.DesiredDevice;
import io.edgefleet.protocol.device.DeviceState;
import io.edgefleet.protocol.device.ModelProperty;
import io.edgefleet.protocol.device.ValueType;
import io.edgefleet.testsupport.Ports;
import io.edgefleet.testsupport.Wait;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device manager with the real Modbus TCP driver against a j2mod slave (another library than the
 * driver's): readings become twin reports, a desired value is written to the holding register and
 * counts as reported only once read back, and a slave that goes away turns the device Offline until it
 * answers again.
 */
class ModbusDeviceIT {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    @TempDir
    Path dataDir;

    private DeviceHarness h;
    private int port;
    private SimpleProcessImage image;
    private ModbusSlave slave;

    @BeforeEach
    void start() throws ModbusException {
        port = Ports.free();
        image = new SimpleProcessImage(1);
        for (int i = 0; i < 10; i++) {
            image.addRegister(new SimpleRegister(0));
            image.addInputRegister(new SimpleInputRegister(0));
            image.addDigitalOut(new SimpleDigitalOut(false));
        }
        image.setInputRegister(0, new SimpleInputRegister(215)); // 21.5 °C at scale 0.1
        image.setRegister(1, new SimpleRegister(40));
        startSlave();
        h = new DeviceHarness(dataDir);
    }

    @AfterEach
    void stop() {
        h.close();
        stopSlave();
    }

    @Test
    void readingsDesiredWritesAndAVanishingSlaveGoThroughTheDeviceManager() throws ModbusException {
        h.apply(DeviceFixtures.upsert(h.nextVersion(), press()));
        Wait.until("the temperature read from the input register", DeviceHarness.WAIT, () -> h.reportedText(
                        "press-1", "temperature")
                .equals(Optional.of("21.5")));
        assertThat(h.reportedText("press-1", "setpoint")).contains("40");
        assertThat(h.reportedText("press-1", "cooling")).contains("false");
        // The twin has it at once; the report follows on the next tick of the report cycle.
        Wait.until("the first report", DeviceHarness.WAIT, () -> !h.reports("press-1")
                .isEmpty());
        assertThat(h.reports("press-1").getFirst().state()).contains(DeviceState.ONLINE);

        h.apply(DeviceFixtures.desired(
                h.nextVersion(),
                "press-1",
                Map.of(
                        "setpoint", DeviceFixtures.value(J.numberNode(55), 1),
                        "cooling", DeviceFixtures.value(J.booleanNode(true), 1))));
        Wait.until(
                "55 and the coil reported after the write",
                DeviceHarness.WAIT,
                () -> h.everReported("press-1", "setpoint", "55") && h.everReported("press-1", "cooling", "true"));
        assertThat(image.getRegister(1).getValue())
                .as("the slave's holding register")
                .isEqualTo(55);
        assertThat(image.getDigitalOut(2).isSet()).as("the slave's coil").isTrue();
        assertThat(h.twin("press-1").get("setpoint").writeError()).isEmpty();

        stopSlave();
        Wait.until("Offline once the slave is gone", DeviceHarness.WAIT, () -> h.lastReportedState("press-1")
                .equals(Optional.of(DeviceState.OFFLINE)));
        image.setInputRegister(0, new SimpleInputRegister(230));
        startSlave();
        Wait.until(
                "Online again, reading the new value",
                DeviceHarness.WAIT,
                () -> h.lastReportedState("press-1").equals(Optional.of(DeviceState.ONLINE))
                        && h.reportedText("press-1", "temperature").equals(Optional.of("23.0")));
    }

    private DesiredDevice press() {
        List<ModelProperty> properties = List.of(
                DeviceFixtures.property("temperature", ValueType.DOUBLE, "°C", AccessMode.READ_ONLY, Optional.empty()),
                DeviceFixtures.property("setpoint", ValueType.INT, "°C", AccessMode.READ_WRITE, Optional.of(90.0)),
                DeviceFixtures.property("cooling", ValueType.BOOL, "", AccessMode.READ_WRITE, Optional.empty()));
        return new DesiredDevice(
                "press-1",
                1,
                "press",
                properties,
                "modbus-tcp",
                Map.of("host", "127.0.0.1", "port", Integer.toString(port), "unit-id", "1"),
                Map.of(
                        "temperature", Map.of("table", "input", "address", "0", "data-type", "int16", "scale", "0.1"),
                        "setpoint", Map.of("table", "holding", "address", "1"),
                        "cooling", Map.of("table", "coil", "address", "2")),
                100,
                100);
    }

    private void startSlave() throws ModbusException {
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
        slave.addProcessImage(1, image);
        slave.open();
    }

    private void stopSlave() {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
            slave = null;
        }
    }
}
