package io.edgefleet.driver.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.Quality;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.SessionState;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.WriteResult;
import io.edgefleet.testsupport.MosquittoProcess;
import io.edgefleet.testsupport.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads, writes, bad payloads and a broker that goes away, against a real Mosquitto. */
class MqttDeviceIT {
    @TempDir
    Path dir;

    private MosquittoProcess broker;
    private DeviceSimulator device;
    private final MqttDeviceDriver driver = new MqttDeviceDriver();

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoProcess.start(dir);
        device = new DeviceSimulator(broker.url());
    }

    @AfterEach
    void stop() throws Exception {
        device.close();
        broker.close();
    }

    @Test
    void readsEveryTypeFromTheJsonState() {
        try (DriverSession session = driver.open(MqttFixtures.press(broker.url()))) {
            List<Reading> readings = session.read(List.of("temperature", "label", "running", "mode", "setpoint"));

            assertThat(readings).extracting(Reading::quality).containsOnly(Quality.GOOD);
            assertThat(readings)
                    .extracting(r -> r.value().orElseThrow())
                    .containsExactly(
                            TypedValue.of(21.5),
                            TypedValue.of("press"),
                            TypedValue.of(true),
                            TypedValue.symbol("auto"),
                            TypedValue.of(40L));
        }
    }

    @Test
    void writesReachTheDeviceAndReadBack() {
        try (DriverSession session = driver.open(MqttFixtures.press(broker.url()))) {
            assertThat(session.write("mode", TypedValue.symbol("manual"))).isInstanceOf(WriteResult.Written.class);
            assertThat(session.write("running", TypedValue.of(false))).isInstanceOf(WriteResult.Written.class);

            Wait.until("the device to apply both commands", () -> session.read(List.of("mode", "running")).stream()
                    .map(Reading::value)
                    .toList()
                    .equals(List.of(Optional.of(TypedValue.symbol("manual")), Optional.of(TypedValue.of(false)))));
        }
    }

    @Test
    void commandTemplateBuildsThePayload() {
        DeviceConnection connection = MqttFixtures.device(
                broker.url(),
                List.of(new PropertyBinding(
                        "temperature-offset",
                        PropertyType.DOUBLE,
                        AccessMode.READ_WRITE,
                        Map.of(
                                "json-pointer", "/calibration/offset",
                                "command-template", "{\"calibration\":{\"offset\":${value},\"by\":\"edge\"}}"))));
        try (DriverSession session = driver.open(connection)) {
            assertThat(session.write("temperature-offset", TypedValue.of(0.25)))
                    .isInstanceOf(WriteResult.Written.class);

            Wait.until("the offset to read back", () -> session.read(List.of("temperature-offset"))
                    .getFirst()
                    .value()
                    .equals(Optional.of(TypedValue.of(0.25))));
        }
    }

    @Test
    void payloadThatIsNotJsonOrHoldsAnotherTypeReadsAsError() throws Exception {
        device.publishRaw("devices/press-1/raw", "temperature=21.5");
        Map<String, String> rawVisitor =
                new HashMap<>(Map.of("json-pointer", "/temp", "state-topic", "devices/press-1/raw"));
        DeviceConnection connection = MqttFixtures.device(
                broker.url(),
                List.of(
                        new PropertyBinding("raw", PropertyType.DOUBLE, AccessMode.READ_ONLY, rawVisitor),
                        MqttFixtures.property("label-as-int", PropertyType.INT, AccessMode.READ_ONLY, "/sensors/label"),
                        MqttFixtures.property("missing", PropertyType.INT, AccessMode.READ_ONLY, "/no/such/field")));
        try (DriverSession session = driver.open(connection)) {
            List<Reading> readings = session.read(List.of("raw", "label-as-int", "missing"));

            assertThat(readings).extracting(Reading::quality).containsOnly(Quality.ERROR);
            assertThat(readings.get(0).error()).get().asString().contains("not JSON");
            assertThat(readings.get(1).error())
                    .get()
                    .asString()
                    .contains("/sensors/label")
                    .contains("INT");
            assertThat(readings.get(2).error()).get().asString().contains("nothing at /no/such/field");
        }
    }

    @Test
    void valueOlderThanStaleAfterReadsStale() {
        DeviceConnection base = MqttFixtures.device(
                broker.url(),
                List.of(new PropertyBinding(
                        "quiet",
                        PropertyType.STRING,
                        AccessMode.READ_ONLY,
                        Map.of("json-pointer", "/v", "state-topic", "devices/press-1/quiet"))));
        Map<String, String> config = new HashMap<>(base.config());
        config.put("stale-after-ms", "200");
        DeviceConnection connection =
                new DeviceConnection(base.device(), base.protocol(), config, base.properties(), base.timeouts());
        try (DriverSession session = driver.open(connection)) {
            assertThat(session.read(List.of("quiet")).getFirst().error())
                    .get()
                    .asString()
                    .contains("no state received");

            device.publishRaw("devices/press-1/quiet", "{\"v\":\"hello\"}");
            Wait.until(
                    "the value", () -> session.read(List.of("quiet")).getFirst().quality() == Quality.GOOD);
            Wait.until(
                    "the value to go stale",
                    () -> session.read(List.of("quiet")).getFirst().quality() == Quality.STALE);
            assertThat(session.read(List.of("quiet")).getFirst().value()).contains(TypedValue.of("hello"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void brokerThatStopsAndComesBackRestoresSessionAndSubscriptions() {
        List<Reading> received = new CopyOnWriteArrayList<>();
        try (DriverSession session = driver.open(MqttFixtures.press(broker.url()))) {
            session.subscribe(List.of("counter"), Duration.ofMillis(50), received::add);
            Wait.until("counter readings", () -> received.size() >= 3);

            broker.stop();
            Wait.until("the session to notice", () -> session.state() == SessionState.RECONNECTING);
            assertThat(session.write("setpoint", TypedValue.of(5L)))
                    .isInstanceOfSatisfying(WriteResult.Refused.class, r -> assertThat(r.code())
                            .isEqualTo(WriteResult.Refused.NOT_CONNECTED));
            assertThat(session.read(List.of("counter")).getFirst().quality()).isEqualTo(Quality.STALE);

            broker.start();
            Wait.until(
                    "the session to reconnect",
                    Duration.ofSeconds(30),
                    () -> session.state() == SessionState.CONNECTED);
            int before = received.size();
            Wait.until(
                    "counter readings after the restart", Duration.ofSeconds(30), () -> received.size() >= before + 3);
            assertThat(session.write("setpoint", TypedValue.of(5L))).isInstanceOf(WriteResult.Written.class);
            Wait.until(
                    "the write to read back",
                    () -> session.read(List.of("setpoint")).getFirst().value().equals(Optional.of(TypedValue.of(5L))));
        }
    }
}
