package io.edgefleet.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DeviceDriver;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.Quality;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.SessionState;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.WriteResult;
import io.edgefleet.driver.contract.DriverContractTest;
import io.edgefleet.testsupport.Ports;
import io.edgefleet.testsupport.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code modbus-tcp} against an independent peer in its own process: pymodbus from Debian
 * (python3-pymodbus), serving {@link Plant}'s registers from {@code pymodbus/modbus_tcp_server.py}.
 */
class PymodbusTcpContractIT extends DriverContractTest {
    static final String PYTHON = "/usr/bin/python3";
    static final String MISSING = "pymodbus is missing: apt-get install python3-pymodbus (./fleet test installs it)";

    private static ExternalProcess server;
    private static int port;

    @BeforeAll
    static void startPymodbus() throws IOException, InterruptedException, URISyntaxException {
        requirePymodbus();
        Path script = Path.of(PymodbusTcpContractIT.class
                .getResource("/pymodbus/modbus_tcp_server.py")
                .toURI());
        Path log = Files.createTempFile("pymodbus-", ".log");
        port = Ports.free();
        server = ExternalProcess.start(
                List.of(PYTHON, script.toString(), Integer.toString(port)), log, () -> Ports.listening(port));
    }

    @AfterAll
    static void stopPymodbus() {
        if (server != null) {
            server.close();
        }
    }

    /** Fails (never skips) with the package to install when Debian's pymodbus is not there. */
    static void requirePymodbus() throws InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw new IllegalStateException(PYTHON + " is missing: apt-get install python3 python3-pymodbus");
        }
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import pymodbus.server")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (probe.waitFor() != 0) {
                throw new IllegalStateException(MISSING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(MISSING, e);
        }
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
        return ModbusTcpContractTest.invalid(ModbusTcpDriver.PROTOCOL, Map.of("port", "0"));
    }

    @Override
    protected List<String> expectedProblems() {
        return List.of("config.host: required", "config.port", "property 'speed' visitor.table");
    }

    @Override
    protected boolean canSubscribe() {
        return false;
    }

    @Test
    void readsEveryTableFromPymodbus() {
        DriverSession session = open(reachableDevice());

        List<Reading> readings = session.read(List.of("counter", "offset", "level", "total", "door"));

        assertThat(readings)
                .extracting(r -> r.value().orElseThrow())
                .containsExactly(
                        TypedValue.of(1234L),
                        TypedValue.of(-2L),
                        TypedValue.of(7L),
                        TypedValue.of(70000L),
                        TypedValue.of(true));
    }

    @Test
    void coilWriteReadsBackFromPymodbus() {
        DriverSession session = open(reachableDevice());

        assertThat(session.write("pump", TypedValue.of(false))).isInstanceOf(WriteResult.Written.class);
        assertThat(session.read(List.of("pump")).getFirst().value()).isEqualTo(Optional.of(TypedValue.of(false)));
        assertThat(session.write("pump", TypedValue.of(true))).isInstanceOf(WriteResult.Written.class);
        assertThat(session.read(List.of("pump")).getFirst().value()).isEqualTo(Optional.of(TypedValue.of(true)));
    }

    @Test
    void anAddressPymodbusLacksIsAnError() {
        DriverSession session = open(Plant.tcp(
                port,
                List.of(
                        Plant.PROPERTIES.getFirst(),
                        Plant.property(
                                "beyond",
                                io.edgefleet.driver.PropertyType.INT,
                                io.edgefleet.driver.AccessMode.READ_ONLY,
                                "holding",
                                500,
                                Map.of()))));

        List<Reading> readings = session.read(List.of("counter", "beyond"));

        assertThat(readings).extracting(Reading::quality).containsExactly(Quality.GOOD, Quality.ERROR);
        assertThat(readings.get(1).error()).get().asString().contains("illegal data address");
    }

    @Test
    void pymodbusKilledAndRestartedIsReconnected() {
        DriverSession session = open(reachableDevice());
        assertThat(session.read(List.of("counter")).getFirst().quality()).isEqualTo(Quality.GOOD);

        server.stop();
        Wait.until("the session notices pymodbus is gone", Duration.ofSeconds(15), () -> {
            session.read(List.of("counter"));
            return session.state() == SessionState.RECONNECTING;
        });
        assertThat(session.read(List.of("counter")).getFirst().quality()).isEqualTo(Quality.ERROR);

        server.start();
        Wait.until(
                "the session reconnects by itself",
                Duration.ofSeconds(20),
                () -> session.state() == SessionState.CONNECTED);
        assertThat(session.read(List.of("counter")).getFirst().value()).isEqualTo(Optional.of(TypedValue.of(1234L)));
    }
}
