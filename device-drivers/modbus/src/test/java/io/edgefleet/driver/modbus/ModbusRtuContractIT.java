package io.edgefleet.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DeviceDriver;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.Quality;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.Timeouts;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.WriteResult;
import io.edgefleet.driver.contract.DriverContractTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code modbus-rtu} over a virtual serial line: socat joins two ptys, a j2mod RTU slave serves
 * {@link Plant}'s registers on one end, the driver opens the other.
 */
class ModbusRtuContractIT extends DriverContractTest {
    private static final Path SOCAT = Path.of("/usr/bin/socat");

    private static Path dir;
    private static ExternalProcess socat;
    private static J2modSlave slave;

    @BeforeAll
    static void startLine() throws IOException {
        if (!Files.isExecutable(SOCAT)) {
            throw new IllegalStateException("socat is missing: apt-get install socat (./fleet test installs it)");
        }
        dir = Files.createTempDirectory("modbus-rtu-");
        Path master = dir.resolve("ttyA");
        Path device = dir.resolve("ttyB");
        socat = ExternalProcess.start(
                List.of(SOCAT.toString(), "-d", "-d", "pty,raw,echo=0,link=" + master, "pty,raw,echo=0,link=" + device),
                dir.resolve("socat.log"),
                () -> Files.exists(master) && Files.exists(device));
        slave = J2modSlave.rtu(device.toString());
    }

    @AfterAll
    static void stopLine() {
        if (slave != null) {
            slave.close();
        }
        if (socat != null) {
            socat.close();
        }
    }

    @BeforeEach
    void freshImage() {
        slave.reset();
    }

    static DeviceConnection rtu(List<PropertyBinding> properties, Timeouts timeouts) {
        return new DeviceConnection(
                "line-1",
                ModbusRtuDriver.PROTOCOL,
                Map.of("serial-port", dir.resolve("ttyA").toString(), "baud", "9600", "unit-id", "1"),
                properties,
                timeouts);
    }

    @Override
    protected DeviceDriver driver() {
        return new ModbusRtuDriver();
    }

    @Override
    protected DeviceConnection reachableDevice() {
        return rtu(Plant.PROPERTIES, Plant.TIMEOUTS);
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
        return new DeviceConnection(
                "line-2",
                ModbusRtuDriver.PROTOCOL,
                Map.of("serial-port", dir.resolve("no-such-tty").toString()),
                Plant.PROPERTIES,
                Plant.TIMEOUTS);
    }

    @Override
    protected DeviceConnection invalidDevice() {
        return ModbusTcpContractTest.invalid(ModbusRtuDriver.PROTOCOL, Map.of("parity", "evn", "unit-id", "248"));
    }

    @Override
    protected List<String> expectedProblems() {
        return List.of(
                "config.serial-port: required",
                "config.parity",
                "config.unit-id",
                "property 'speed' visitor.table: a READ_WRITE property cannot live in table 'input'");
    }

    @Override
    protected boolean canSubscribe() {
        return false;
    }

    @Test
    void readsAndWritesEveryTableOverTheSerialLine() {
        DriverSession session = open(reachableDevice());

        assertThat(session.read(List.of("counter", "offset", "setpoint", "level", "total", "pump", "door")))
                .extracting(r -> r.value().orElseThrow())
                .containsExactly(
                        TypedValue.of(1234L),
                        TypedValue.of(-2L),
                        TypedValue.of(21.5f),
                        TypedValue.of(7L),
                        TypedValue.of(70000L),
                        TypedValue.of(true),
                        TypedValue.of(true));
        assertThat(session.write("pump", TypedValue.of(false))).isInstanceOf(WriteResult.Written.class);
        assertThat(slave.image().getDigitalOut(3).isSet()).isFalse();
    }

    @Test
    void anExceptionResponseIsAnErrorReadingAndTheLineKeepsWorking() {
        List<PropertyBinding> properties = new ArrayList<>(Plant.PROPERTIES);
        properties.add(Plant.property("misplaced", PropertyType.INT, AccessMode.READ_ONLY, "holding", 150, Map.of()));
        DriverSession session = open(rtu(properties, Plant.TIMEOUTS));

        List<Reading> readings = session.read(List.of("misplaced", "counter"));

        assertThat(readings).extracting(Reading::quality).containsExactly(Quality.ERROR, Quality.GOOD);
        assertThat(readings.getFirst().error()).get().asString().contains("illegal data address");
    }

    @Test
    void aUnitThatDoesNotAnswerTimesOut() {
        Timeouts quick = new Timeouts(Duration.ofSeconds(3), Duration.ofMillis(300));
        DeviceConnection silentUnit = new DeviceConnection(
                "line-3",
                ModbusRtuDriver.PROTOCOL,
                Map.of("serial-port", dir.resolve("ttyA").toString(), "unit-id", "7"),
                Plant.PROPERTIES,
                quick);
        DriverSession session = open(silentUnit);

        Reading reading = session.read(List.of("counter")).getFirst();
        WriteResult write = session.write("pump", TypedValue.of(false));

        assertThat(reading.quality()).isEqualTo(Quality.ERROR);
        assertThat(reading.error()).get().asString().contains("no answer within 300 ms");
        assertThat(write).extracting(r -> ((WriteResult.Refused) r).code()).isEqualTo(WriteResult.Refused.TIMEOUT);
    }
}
