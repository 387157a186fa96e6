package io.edgefleet.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.Quality;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.SessionState;
import io.edgefleet.driver.Timeouts;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.WriteResult;
import io.edgefleet.testsupport.Ports;
import io.edgefleet.testsupport.Wait;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a {@code modbus-tcp} session behaves against a real slave (j2mod), a silent peer and a vanishing one. */
class ModbusTcpSessionTest {
    private final int port = Ports.free();
    private final J2modSlave slave = J2modSlave.tcp(port);
    private final List<DriverSession> sessions = new ArrayList<>();

    @AfterEach
    void tearDown() {
        sessions.forEach(DriverSession::close);
        slave.close();
    }

    private DriverSession open(DeviceConnection connection) {
        DriverSession session = new ModbusTcpDriver().open(connection);
        sessions.add(session);
        return session;
    }

    @Test
    void readsEveryTableAndDataType() {
        DriverSession session = open(Plant.tcp(port));

        List<Reading> readings =
                session.read(List.of("counter", "offset", "setpoint", "level", "total", "pump", "door"));

        assertThat(readings).extracting(Reading::quality).containsOnly(Quality.GOOD);
        assertThat(readings)
                .extracting(r -> r.value().orElseThrow())
                .containsExactly(
                        TypedValue.of(1234L),
                        TypedValue.of(-2L),
                        TypedValue.of(21.5f),
                        TypedValue.of(7L),
                        TypedValue.of(70000L),
                        TypedValue.of(true),
                        TypedValue.of(true));
    }

    @Test
    void scaleWordOrderAndWideTypesReadAndWriteThrough() {
        slave.image().setRegister(20, new SimpleRegister(215));
        slave.image().setRegister(22, new SimpleRegister(0x0000)); // 21.5f, low word first
        slave.image().setRegister(23, new SimpleRegister(0x41AC));
        slave.image().setRegister(24, new SimpleRegister(0xFFFE)); // int32 -100000 = 0xFFFE7960
        slave.image().setRegister(25, new SimpleRegister(0x7960));
        slave.image().setRegister(26, new SimpleRegister(0x4035)); // float64 21.5 = 0x4035800000000000
        slave.image().setRegister(27, new SimpleRegister(0x8000));
        DriverSession session = open(Plant.tcp(
                port,
                List.of(
                        rw("scaled", PropertyType.DOUBLE, 20, Map.of("data-type", "int16", "scale", "0.1")),
                        rw("swapped", PropertyType.FLOAT, 22, Map.of("word-order", "little")),
                        rw("signed", PropertyType.INT, 24, Map.of("data-type", "int32")),
                        rw("wide", PropertyType.DOUBLE, 26, Map.of()))));

        assertThat(session.read(List.of("scaled", "swapped", "signed", "wide")))
                .extracting(r -> r.value().orElseThrow())
                .containsExactly(
                        TypedValue.of(21.5), TypedValue.of(21.5f), TypedValue.of(-100000L), TypedValue.of(21.5));

        assertThat(session.write("scaled", TypedValue.of(22.3))).isInstanceOf(WriteResult.Written.class);
        assertThat(session.write("swapped", TypedValue.of(-1.0f))).isInstanceOf(WriteResult.Written.class);
        assertThat(session.write("signed", TypedValue.of(70000L))).isInstanceOf(WriteResult.Written.class);
        assertThat(slave.image().getRegister(20).getValue()).isEqualTo(223);
        assertThat(slave.image().getRegister(22).getValue()).isZero(); // -1.0f = 0xBF800000, low word first
        assertThat(slave.image().getRegister(23).getValue()).isEqualTo(0xBF80);
        assertThat(slave.image().getRegister(24).getValue()).isEqualTo(0x0001);
        assertThat(slave.image().getRegister(25).getValue()).isEqualTo(0x1170);
        assertThat(session.read(List.of("scaled", "swapped", "signed")))
                .extracting(r -> r.value().orElseThrow())
                .containsExactly(TypedValue.of(22.3), TypedValue.of(-1.0f), TypedValue.of(70000L));
    }

    @Test
    void holdingReadAtACoilAddressIsAnErrorAndTheOthersStillRead() {
        List<PropertyBinding> properties = new ArrayList<>(Plant.PROPERTIES);
        // Coil 150 exists on the slave, holding register 150 does not.
        properties.add(Plant.property("misplaced", PropertyType.INT, AccessMode.READ_ONLY, "holding", 150, Map.of()));
        // Next to an existing register: shares a request with 38 until the slave refuses it.
        properties.add(Plant.property(
                "edge", PropertyType.INT, AccessMode.READ_ONLY, "holding", 39, Map.of("data-type", "int32")));
        properties.add(Plant.property("last", PropertyType.INT, AccessMode.READ_ONLY, "holding", 38, Map.of()));
        DriverSession session = open(Plant.tcp(port, properties));

        List<Reading> readings = session.read(List.of("counter", "misplaced", "edge", "last", "pump"));

        assertThat(readings)
                .extracting(Reading::quality)
                .containsExactly(Quality.GOOD, Quality.ERROR, Quality.ERROR, Quality.GOOD, Quality.GOOD);
        assertThat(readings.get(1).error()).get().asString().contains("illegal data address", "holding 150");
        assertThat(readings.get(2).error()).get().asString().contains("illegal data address", "holding 39..40");
        assertThat(session.state()).isEqualTo(SessionState.CONNECTED);
    }

    @Test
    void writesCoilsAndHoldingRegisters() {
        DriverSession session = open(Plant.tcp(port));

        assertThat(session.write("pump", TypedValue.of(false)))
                .isEqualTo(new WriteResult.Written(TypedValue.of(false)));
        assertThat(session.write("setpoint", TypedValue.of(55.5f)))
                .isEqualTo(new WriteResult.Written(TypedValue.of(55.5f)));

        assertThat(slave.image().getDigitalOut(3).isSet()).isFalse();
        assertThat(slave.image().getRegister(10).getValue()).isEqualTo(0x425E); // 55.5f = 0x425E0000
        assertThat(session.read(List.of("pump", "setpoint")))
                .extracting(r -> r.value().orElseThrow())
                .containsExactly(TypedValue.of(false), TypedValue.of(55.5f));
    }

    @Test
    void aWriteTheDeviceRejectsIsRefusedAsDeviceRefused() {
        DriverSession session = open(Plant.tcp(
                port,
                List.of(Plant.property("ghost", PropertyType.INT, AccessMode.READ_WRITE, "holding", 150, Map.of()))));

        WriteResult result = session.write("ghost", TypedValue.of(5L));

        assertThat(result).isInstanceOfSatisfying(WriteResult.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo(WriteResult.Refused.DEVICE_REFUSED);
            assertThat(refused.reason()).contains("illegal data address", "holding 150");
        });
    }

    @Test
    void aValueTheRegisterCannotHoldIsRefusedOutOfRange() {
        DriverSession session =
                open(Plant.tcp(port, List.of(rw("small", PropertyType.INT, 5, Map.of("data-type", "uint16")))));

        WriteResult result = session.write("small", TypedValue.of(70000L));

        assertThat(result).isInstanceOfSatisfying(WriteResult.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo(WriteResult.Refused.OUT_OF_RANGE);
            assertThat(refused.reason()).contains("uint16");
        });
        assertThat(slave.image().getRegister(5).getValue()).isZero();
    }

    @Test
    void aPeerThatNeverAnswersTimesOutReadsAndWrites() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // The test closed the server socket: stop accepting.
                }
            });
            Timeouts quick = new Timeouts(Duration.ofSeconds(3), Duration.ofMillis(300));
            DriverSession session = open(Plant.tcp(silent.getLocalPort()).withTimeouts(quick));
            long start = System.nanoTime();

            List<Reading> readings = session.read(List.of("counter", "level"));
            WriteResult write = session.write("setpoint", TypedValue.of(30.0f));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(readings).extracting(Reading::quality).containsOnly(Quality.ERROR);
            assertThat(readings.get(0).error()).get().asString().contains("no answer within 300 ms");
            assertThat(readings.get(1).error()).get().asString().contains("did not answer an earlier request");
            assertThat(write).isInstanceOfSatisfying(WriteResult.Refused.class, refused -> {
                assertThat(refused.code()).isEqualTo(WriteResult.Refused.TIMEOUT);
                assertThat(refused.isRetryable()).isTrue();
            });
            silent.close();
            acceptor.interrupt();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void aPeerThatDisappearsAndComesBackIsReconnected() {
        DriverSession session = open(Plant.tcp(port));
        assertThat(session.read(List.of("counter")).getFirst().quality()).isEqualTo(Quality.GOOD);

        slave.stop();
        Wait.until("the session notices the slave is gone", Duration.ofSeconds(15), () -> {
            session.read(List.of("counter"));
            return session.state() == SessionState.RECONNECTING;
        });

        Reading whileGone = session.read(List.of("counter")).getFirst();
        assertThat(whileGone.quality()).isEqualTo(Quality.ERROR);
        assertThat(whileGone.error()).get().asString().contains("not connected", "reconnecting");
        WriteResult write = session.write("setpoint", TypedValue.of(30.0f));
        assertThat(write)
                .extracting(r -> ((WriteResult.Refused) r).code())
                .isEqualTo(WriteResult.Refused.NOT_CONNECTED);

        slave.start();
        Wait.until(
                "the session reconnects by itself",
                Duration.ofSeconds(20),
                () -> session.state() == SessionState.CONNECTED);
        assertThat(session.read(List.of("counter")).getFirst().value()).isEqualTo(Optional.of(TypedValue.of(1234L)));
    }

    @Test
    void closeIsQuickAndStopsReconnecting() {
        DriverSession session = open(Plant.tcp(port));
        slave.stop();
        Wait.until("the session notices the slave is gone", Duration.ofSeconds(15), () -> {
            session.read(List.of("counter"));
            return session.state() == SessionState.RECONNECTING;
        });
        long start = System.nanoTime();

        session.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(Plant.TIMEOUTS.request().plusSeconds(1));
        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
        slave.start();
        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
    }

    private static PropertyBinding rw(String name, PropertyType type, int address, Map<String, String> more) {
        return Plant.property(name, type, AccessMode.READ_WRITE, "holding", address, more);
    }
}
