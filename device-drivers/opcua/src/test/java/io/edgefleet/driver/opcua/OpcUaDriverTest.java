package io.edgefleet.driver.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.ConfigValidation;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DriverException;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.Quality;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.Subscription;
import io.edgefleet.driver.Timeouts;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.ValueConstraints;
import io.edgefleet.driver.WriteResult;
import io.edgefleet.driver.opcua.testserver.OpcUaTestServer;
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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Type mapping, qualities, refusals and timeouts against a real OPC UA server in this JVM. */
class OpcUaDriverTest {
    private final OpcUaTestServer server = OpcUaTestServer.shared();
    private final OpcUaDriver driver = new OpcUaDriver();
    private final List<DriverSession> sessions = new ArrayList<>();

    @AfterEach
    void close() {
        sessions.forEach(DriverSession::close);
    }

    private DriverSession open(DeviceConnection device) {
        DriverSession session = driver.open(device);
        sessions.add(session);
        return session;
    }

    @Test
    void readsMapOpcUaBuiltInTypesToPropertyTypes() {
        DriverSession session = open(OpcUaFixtures.press(server.url()));

        List<Reading> readings = session.read(List.of("temperature", "total", "speed", "running", "label", "mode"));

        assertThat(readings).extracting(Reading::quality).containsOnly(Quality.GOOD);
        assertThat(readings)
                .extracting(r -> r.value().orElseThrow())
                .containsExactly(
                        TypedValue.of(21.5),
                        TypedValue.of(4_000_000_000L),
                        TypedValue.of(1.5f),
                        TypedValue.of(true),
                        TypedValue.of("press"),
                        TypedValue.symbol("auto"));
    }

    @Test
    void uncertainStatusReadsStaleAndBadStatusReadsError() {
        DriverSession session = open(OpcUaFixtures.device(
                server.url(),
                List.of(
                        OpcUaFixtures.property("uncertain", PropertyType.DOUBLE, AccessMode.READ_ONLY, "Uncertain"),
                        OpcUaFixtures.property("broken", PropertyType.DOUBLE, AccessMode.READ_ONLY, "Broken"),
                        OpcUaFixtures.property("missing", PropertyType.DOUBLE, AccessMode.READ_ONLY, "NoSuchNode"))));

        List<Reading> readings = session.read(List.of("uncertain", "broken", "missing"));

        assertThat(readings.get(0).quality()).isEqualTo(Quality.STALE);
        assertThat(readings.get(0).value()).contains(TypedValue.of(7.5));
        assertThat(readings.get(0).error()).get().asString().contains("Uncertain_LastUsableValue");
        assertThat(readings.get(1).quality()).isEqualTo(Quality.ERROR);
        assertThat(readings.get(1).error()).get().asString().contains("Bad_SensorFailure");
        assertThat(readings.get(2).quality()).isEqualTo(Quality.ERROR);
        assertThat(readings.get(2).error()).get().asString().contains("Bad_NodeIdUnknown");
    }

    @Test
    void intWrittenToAnInt16VariableReadsBack() {
        DriverSession session = open(OpcUaFixtures.press(server.url()));

        WriteResult result = session.write("level", TypedValue.of(-1234L));

        assertThat(result).isEqualTo(new WriteResult.Written(TypedValue.of(-1234L)));
        assertThat(session.read(List.of("level")).getFirst().value()).contains(TypedValue.of(-1234L));
    }

    @Test
    void enumWrittenAsItsCodeReadsBackAsItsSymbol() {
        DriverSession session = open(OpcUaFixtures.press(server.url()));

        assertThat(session.write("mode", TypedValue.symbol("manual"))).isInstanceOf(WriteResult.Written.class);

        assertThat(session.read(List.of("mode")).getFirst().value()).contains(TypedValue.symbol("manual"));
        session.write("mode", TypedValue.symbol("auto"));
    }

    @Test
    void valueTheVariableTypeCannotHoldIsRefusedBeforeSending() {
        DriverSession session = open(OpcUaFixtures.press(server.url()));

        WriteResult result = session.write("level", TypedValue.of(40_000L));

        assertThat(result).isInstanceOfSatisfying(WriteResult.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo(WriteResult.Refused.OUT_OF_RANGE);
            assertThat(refused.reason()).contains("Int16");
        });
    }

    @Test
    void propertyBoundToAVariableOfAnotherTypeIsRefusedWrongType() {
        DriverSession session = open(OpcUaFixtures.device(
                server.url(),
                List.of(OpcUaFixtures.property("flag", PropertyType.BOOL, AccessMode.READ_WRITE, "Setpoint"))));

        WriteResult result = session.write("flag", TypedValue.of(true));

        assertThat(result).isInstanceOfSatisfying(WriteResult.Refused.class, refused -> assertThat(refused.code())
                .isEqualTo(WriteResult.Refused.WRONG_TYPE));
    }

    @Test
    void writeTheServerRejectsIsRefusedDeviceRefused() {
        // The model says READ_WRITE, the server's variable is read-only: the server decides.
        DriverSession session = open(OpcUaFixtures.device(
                server.url(),
                List.of(OpcUaFixtures.property("locked", PropertyType.DOUBLE, AccessMode.READ_WRITE, "Locked"))));

        WriteResult result = session.write("locked", TypedValue.of(6.0));

        assertThat(result).isInstanceOfSatisfying(WriteResult.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo(WriteResult.Refused.DEVICE_REFUSED);
            assertThat(refused.reason()).containsAnyOf("Bad_NotWritable", "Bad_UserAccessDenied");
        });
    }

    @Test
    void subscriptionDeliversChangesAtTheSamplingInterval() {
        DriverSession session = open(OpcUaFixtures.press(server.url()));
        List<Reading> received = new CopyOnWriteArrayList<>();

        Optional<Subscription> subscription =
                session.subscribe(List.of("counter", "label"), Duration.ofMillis(100), received::add);

        assertThat(subscription).isPresent();
        Wait.until(
                "several counter changes",
                () -> received.stream()
                                .filter(r -> r.property().equals("counter"))
                                .map(Reading::value)
                                .distinct()
                                .count()
                        >= 3);
        assertThat(received).extracting(Reading::property).contains("label");
        subscription.get().close();
    }

    @Test
    void variableThatAnswersTooLateReadsAsTimeoutError() {
        DriverSession session = open(OpcUaFixtures.device(
                        server.url(),
                        List.of(OpcUaFixtures.property("slow", PropertyType.DOUBLE, AccessMode.READ_ONLY, "Slow")))
                .withTimeouts(new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(500))));

        long start = System.nanoTime();
        Reading reading = session.read(List.of("slow")).getFirst();

        assertThat(reading.quality()).isEqualTo(Quality.ERROR);
        assertThat(reading.error()).get().asString().containsAnyOf("within 500 ms", "Bad_Timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void serverThatNeverAnswersTimesOutOnOpen() throws IOException {
        // Accepts TCP connections and never sends a byte: a hung server, or a half-open path.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            DeviceConnection device = OpcUaFixtures.device(
                            "opc.tcp://127.0.0.1:" + silent.getLocalPort() + "/edgefleet", List.of())
                    .withTimeouts(new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));

            long start = System.nanoTime();
            assertThatThrownBy(() -> open(device))
                    .isInstanceOfSatisfying(
                            DriverException.class, e -> assertThat(e.code()).isEqualTo(DriverException.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            silent.close();
            acceptor.interrupt();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void validationListsEveryProblemAndNeverEchoesThePassword() {
        DeviceConnection device = new DeviceConnection(
                "press-1",
                OpcUaDriver.PROTOCOL,
                Map.of(
                        "endpoint-url",
                        "opc.tcp://127.0.0.1:4840/x",
                        "password",
                        "s3cret-value",
                        "security-policy",
                        "basic128"),
                List.of(new io.edgefleet.driver.PropertyBinding(
                        "mode",
                        PropertyType.ENUM,
                        AccessMode.READ_WRITE,
                        Map.of("node-id", "ns=2;s=Mode", "enum-codes", "1,2"),
                        ValueConstraints.symbols("off", "auto", "manual"))));

        ConfigValidation validation = driver.validate(device);

        assertThat(validation.problems())
                .anySatisfy(p -> assertThat(p).contains("config.password"))
                .anySatisfy(p -> assertThat(p).contains("config.security-policy"))
                .anySatisfy(p -> assertThat(p).contains("visitor.enum-codes"))
                .noneSatisfy(p -> assertThat(p).contains("s3cret-value"));
    }
}
