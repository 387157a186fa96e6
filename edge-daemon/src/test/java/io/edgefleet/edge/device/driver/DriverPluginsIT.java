package io.edgefleet.edge.device.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DriverException;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.Quality;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.Timeouts;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.ValueConstraints;
import io.edgefleet.testsupport.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The driver plug-ins as the build packages them ({@code target/drivers/}, decision 0010), loaded behind
 * a class loader that offers only what the daemon's jar offers: each plug-in brings what it needs, a
 * Modbus device loads the Modbus plug-in and no other, and the daemon's jar carries no protocol library.
 * Runs after {@code package}.
 */
class DriverPluginsIT {
    private static final Path PLUGINS = Path.of("target/drivers");
    private static final Path JAR = Path.of(System.getProperty("edge.jar", "target/edgefleet-edge.jar"));

    private final DriverCatalog catalog =
            new DriverCatalog(new DaemonSideLoader(getClass().getClassLoader()), Optional.of(PLUGINS));

    @Test
    void theDaemonJarCarriesTheSimulatedDriverAndNoProtocolLibrary() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = Collections.list(jar.entries()).stream()
                    .map(e -> e.getName())
                    .toList();
            assertThat(names).anyMatch(n -> n.startsWith("io/edgefleet/driver/simulated/"));
            assertThat(names)
                    .noneMatch(n -> n.startsWith("io/netty/")
                            || n.startsWith("org/eclipse/milo/")
                            || n.startsWith("org/bouncycastle/")
                            || n.startsWith("com/digitalpetri/")
                            || n.startsWith("io/edgefleet/driver/modbus/")
                            || n.startsWith("io/edgefleet/driver/opcua/")
                            || n.startsWith("io/edgefleet/driver/mqtt/"));
        }
    }

    @Test
    void everyPluginDeclaresWhatItServes() {
        assertThat(catalog.protocols()).containsExactly("modbus-rtu", "modbus-tcp", "mqtt", "opcua");
        assertThat(catalog.loadedPlugins()).as("listing protocols opens no jar").isEmpty();
    }

    @Test
    void aModbusDeviceReadsThroughTheModbusPluginAloneFromAJ2modSlave() throws ModbusException {
        int port = Ports.free();
        SimpleProcessImage image = new SimpleProcessImage(1);
        image.addInputRegister(new SimpleInputRegister(215));
        ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        slave.addProcessImage(1, image);
        slave.open();
        try (DriverSession session = catalog.open(new DeviceConnection(
                "press-1",
                "modbus-tcp",
                Map.of("host", "127.0.0.1", "port", Integer.toString(port), "unit-id", "1"),
                List.of(new PropertyBinding(
                        "temperature",
                        PropertyType.INT,
                        AccessMode.READ_ONLY,
                        Map.of("table", "input", "address", "0"),
                        ValueConstraints.NONE))))) {
            Reading reading = session.read(List.of("temperature")).getFirst();

            assertThat(reading.quality()).isEqualTo(Quality.GOOD);
            assertThat(reading.value()).contains(TypedValue.of(215));
            assertThat(session.getClass().getClassLoader().getName()).isEqualTo("driver-modbus");
            assertThat(catalog.loadedPlugins()).containsExactly("modbus");
        } finally {
            ModbusSlaveFactory.close(slave);
            catalog.close();
        }
    }

    @Test
    void theOpcUaPluginRunsMiloFromItsOwnJarsAndReportsAnAbsentServer() {
        int port = Ports.free();
        DeviceConnection absent = new DeviceConnection(
                "oven-1",
                "opcua",
                Map.of("endpoint-url", "opc.tcp://127.0.0.1:" + port + "/milo"),
                List.of(new PropertyBinding(
                        "temperature",
                        PropertyType.DOUBLE,
                        AccessMode.READ_ONLY,
                        Map.of("node-id", "ns=2;s=Temperature"),
                        ValueConstraints.NONE)),
                new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        try {
            assertThatThrownBy(() -> catalog.open(absent))
                    .isInstanceOfSatisfying(
                            DriverException.class, e -> assertThat(e.code()).isEqualTo(DriverException.UNREACHABLE));
            assertThat(catalog.loadedPlugins()).containsExactly("opcua");
        } finally {
            catalog.close();
        }
    }
}
