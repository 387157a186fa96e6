package io.edgefleet.edge.device.bus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.edge.EdgeDaemon;
import io.edgefleet.edge.StopSignal;
import io.edgefleet.edge.config.ConfigKey;
import io.edgefleet.edge.device.DeviceFixtures;
import io.edgefleet.edge.device.EdgeChange;
import io.edgefleet.edge.device.JsonValues;
import io.edgefleet.edge.device.TwinTable;
import io.edgefleet.edge.store.MetaKey;
import io.edgefleet.edge.testing.TestStores;
import io.edgefleet.protocol.Sync;
import io.edgefleet.testsupport.MosquittoProcess;
import io.edgefleet.testsupport.Ports;
import io.edgefleet.testsupport.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole daemon in-process with no cloud (its link points at a port nobody listens on), the
 * real simulated driver, and a real Mosquitto on a free port as the PC's local broker; plain Paho
 * clients play the workloads. Each test has its own topic prefix, so retained messages one test
 * leaves on the broker never reach another.
 */
class LocalBusIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String DEVICE = "boiler-1";

    @TempDir
    static Path brokerDir;

    static MosquittoProcess broker;

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private BusTopics topics;

    @BeforeAll
    static void startBroker() {
        broker = MosquittoProcess.start(brokerDir);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        broker.start();
    }

    private EdgeDaemon daemon(TestInfo test, Map<ConfigKey, String> settings) {
        topics = new BusTopics("it-" + test.getTestMethod().orElseThrow().getName() + "/");
        TestStores.seed(dataDir, "tcp://127.0.0.1:" + Ports.free());
        Map<ConfigKey, String> all = new HashMap<>(Map.of(
                ConfigKey.LOCAL_BUS_PREFIX, topics.prefix(),
                ConfigKey.RECONNECT_MIN_MS, "50",
                ConfigKey.RECONNECT_MAX_MS, "400"));
        all.putAll(settings);
        EdgeDaemon daemon = EdgeDaemon.start(TestStores.config(dataDir, all), new StopSignal());
        toClose.add(daemon);
        daemon.sync()
                .apply(new Sync(0, 1, false, List.of(DeviceFixtures.upsert(1, DeviceFixtures.boiler(DEVICE, 1, 85)))));
        return daemon;
    }

    private EdgeDaemon daemonOnTheBus(TestInfo test) {
        return daemon(test, Map.of(ConfigKey.LOCAL_BUS_URL, broker.url()));
    }

    private BusWorkload workload(String... filters) {
        BusWorkload workload = BusWorkload.connect(broker.url(), filters);
        toClose.add(workload);
        return workload;
    }

    private static JsonNode json(BusWorkload.Received received) {
        return JsonValues.parse(received.payload());
    }

    private static Optional<JsonNode> latestJson(BusWorkload workload, String topic) {
        return workload.latest(topic).map(LocalBusIT::json);
    }

    private static List<JsonNode> results(BusWorkload workload, String topic, String property) {
        return workload.received(topic).stream()
                .map(LocalBusIT::json)
                .filter(j -> j.path("property").asText().equals(property))
                .toList();
    }

    private static Optional<String> reported(EdgeDaemon daemon, String property) {
        return Optional.ofNullable(daemon.store()
                        .inTransaction(tx -> TwinTable.reported(tx.connection(), DEVICE))
                        .get(property))
                .flatMap(TwinTable.Reported::value)
                .flatMap(v -> v.value())
                .map(Object::toString);
    }

    @Test
    void aReadingOfASimulatedDeviceAppearsRetainedOnItsReportedTopic(TestInfo test) {
        EdgeDaemon daemon = daemonOnTheBus(test);
        Wait.until("bus connected", WAIT, () -> daemon.localBus().orElseThrow().connected());
        Wait.until("85 read", WAIT, () -> reported(daemon, "temperature").isPresent());

        // Subscribing after the daemon published: what a workload started later sees, from the retained messages.
        BusWorkload workload = workload(topics.device(DEVICE) + "#", topics.daemonState());
        String temperature = topics.reported(DEVICE, "temperature");
        Wait.until("temperature on the bus", WAIT, () -> workload.latest(temperature)
                .isPresent());
        assertThat(workload.received(temperature).getFirst().retained()).isTrue();
        JsonNode reading = latestJson(workload, temperature).orElseThrow();
        assertThat(reading.get("value").doubleValue()).isEqualTo(85.0);
        assertThat(reading.get("quality").asText()).isEqualTo("good");
        assertThat(Instant.parse(reading.get("sourceTime").asText())).isBeforeOrEqualTo(Instant.now());
        Wait.until(
                "state and delta",
                WAIT,
                () -> workload.latest(topics.state(DEVICE)).isPresent()
                        && workload.latest(topics.delta(DEVICE)).isPresent());
        assertThat(workload.latest(topics.state(DEVICE)).orElseThrow().payload())
                .isEqualTo("Online");
        assertThat(workload.latest(topics.delta(DEVICE)).orElseThrow().payload())
                .isEqualTo("{}");
        Wait.until("daemon state", WAIT, () -> workload.latest(topics.daemonState())
                .isPresent());
        assertThat(workload.latest(topics.daemonState()).orElseThrow().payload())
                .isEqualTo("Online");
        // Every collect cycle (100 ms) gives a new reading with a new source time.
        int before = workload.received(temperature).size();
        Wait.until(
                "further readings", WAIT, () -> workload.received(temperature).size() >= before + 5);
        Optional<String> connected = daemon.store().inTransaction(tx -> tx.meta(MetaKey.LAST_CONNECTED_AT));
        assertThat(connected).as("the cloud was never reached").isEmpty();
    }

    @Test
    void aDesiredValueFromAWorkloadIsWrittenToTheDeviceAndReadBack(TestInfo test) {
        EdgeDaemon daemon = daemonOnTheBus(test);
        BusWorkload workload = workload(topics.device(DEVICE) + "#");
        String setpoint = topics.reported(DEVICE, "setpoint");
        Wait.until("setpoint 20 on the bus", WAIT, () -> latestJson(workload, setpoint)
                .filter(j -> j.get("value").doubleValue() == 20.0)
                .isPresent());

        workload.set(topics.set(DEVICE), "{\"setpoint\": 42}", Optional.of("hmi-1"), "req-1");

        Wait.until(
                "accepted", WAIT, () -> workload.latest(topics.result(DEVICE)).isPresent());
        BusWorkload.Received answer = workload.latest(topics.result(DEVICE)).orElseThrow();
        assertThat(json(answer).toString()).isEqualTo("{\"property\":\"setpoint\",\"accepted\":true}");
        assertThat(answer.correlation()).contains("req-1");
        assertThat(answer.retained()).isFalse();
        Wait.until("42 read back and on the bus", WAIT, () -> latestJson(workload, setpoint)
                .filter(j -> j.get("value").doubleValue() == 42.0)
                .isPresent());
        assertThat(reported(daemon, "setpoint")).contains("42.0");
        EdgeChange change = daemon.store()
                .inTransaction(tx -> TwinTable.edgeChanges(tx.connection(), DEVICE))
                .get("setpoint");
        assertThat(change.by())
                .as("decision 0005: an edge change by the bus client")
                .isEqualTo("bus:hmi-1");
        assertThat(change.baseVersion()).isZero();
        Wait.until("delta back in sync", WAIT, () -> workload.latest(topics.delta(DEVICE))
                .map(BusWorkload.Received::payload)
                .equals(Optional.of("{}")));
        assertThat(workload.received(topics.delta(DEVICE)).stream().map(BusWorkload.Received::payload))
                .as("the set was written in the cycle that saw it: no delta was ever out")
                .containsOnly("{}");

        workload.set(topics.set(DEVICE), "{\"fan\": true}", Optional.empty(), "req-2");
        Wait.until("fan on", WAIT, () -> reported(daemon, "fan").equals(Optional.of("true")));
        assertThat(daemon.store()
                        .inTransaction(tx -> TwinTable.edgeChanges(tx.connection(), DEVICE))
                        .get("fan")
                        .by())
                .isEqualTo("bus:local");
        assertThat(daemon.localBus().orElseThrow().counters().accepted()).isEqualTo(2);
    }

    @Test
    void readOnlyOutOfRangeAndMalformedSetsAreRefusedWithAResult(TestInfo test) {
        EdgeDaemon daemon = daemonOnTheBus(test);
        BusWorkload workload = workload(topics.result(DEVICE), topics.result("no-such-device"));
        Wait.until("bus connected", WAIT, () -> daemon.localBus().orElseThrow().connected());
        Wait.until("device read", WAIT, () -> reported(daemon, "setpoint").isPresent());

        workload.set(
                topics.set(DEVICE),
                "{\"temperature\": 10, \"setpoint\": 140, \"mode\": \"turbo\", \"fan\": true}",
                Optional.of("hmi-1"),
                "req-3");
        workload.set(topics.set(DEVICE), "[1, 2]", Optional.of("hmi-1"), "req-4");
        workload.set(topics.set("no-such-device"), "{\"x\": 1}", Optional.of("hmi-1"), "req-5");

        Wait.until(
                "five answers",
                WAIT,
                () -> workload.received(topics.result(DEVICE)).size() >= 5);
        String results = topics.result(DEVICE);
        JsonNode temperature = results(workload, results, "temperature").getFirst();
        assertThat(temperature.get("accepted").booleanValue()).isFalse();
        assertThat(temperature.get("code").asText()).isEqualTo("read-only");
        assertThat(temperature.get("reason").asText()).contains("ReadOnly");
        JsonNode setpoint = results(workload, results, "setpoint").getFirst();
        assertThat(setpoint.get("accepted").booleanValue()).isFalse();
        assertThat(setpoint.get("code").asText()).isEqualTo("out-of-range");
        assertThat(results(workload, results, "mode").getFirst().get("accepted").booleanValue())
                .isFalse();
        assertThat(results(workload, results, "fan").getFirst().get("accepted").booleanValue())
                .as("one refused value holds back no other")
                .isTrue();
        JsonNode malformed = results(workload, results, "").getFirst();
        assertThat(malformed.get("code").asText()).isEqualTo("invalid-payload");
        assertThat(workload.received(results).stream()
                        .filter(r -> r.correlation().equals(Optional.of("req-4"))))
                .hasSize(1);

        Wait.until("the unknown device answered", WAIT, () -> workload.latest(topics.result("no-such-device"))
                .isPresent());
        assertThat(json(workload.latest(topics.result("no-such-device")).orElseThrow())
                        .get("code")
                        .asText())
                .isEqualTo("unknown-device");
        Wait.until("fan written", WAIT, () -> reported(daemon, "fan").equals(Optional.of("true")));
        Map<String, EdgeChange> changes =
                daemon.store().inTransaction(tx -> TwinTable.edgeChanges(tx.connection(), DEVICE));
        assertThat(changes).containsOnlyKeys("fan");
        assertThat(reported(daemon, "temperature")).contains("85.0");
        assertThat(reported(daemon, "setpoint")).contains("20.0");
        BusCounters counters = daemon.localBus().orElseThrow().counters();
        assertThat(counters.refused())
                .as("3 values, 1 malformed message, 1 unknown device")
                .isEqualTo(5);
        assertThat(counters.accepted()).isEqualTo(1);
    }

    @Test
    void afterTheBrokerRestartsTheDaemonReconnectsAndPublishesTheRetainedStateAgain(TestInfo test) {
        EdgeDaemon daemon = daemonOnTheBus(test);
        LocalBus bus = daemon.localBus().orElseThrow();
        Wait.until("bus connected", WAIT, bus::connected);
        BusWorkload first = workload(topics.state(DEVICE));
        Wait.until(
                "state retained", WAIT, () -> first.latest(topics.state(DEVICE)).isPresent());
        first.close();

        broker.stop(); // persistence is off: every retained message is gone with it
        Wait.until("bus down", WAIT, () -> !bus.connected());
        long rowsWhileDown = daemon.devices().telemetry().counters().rows();
        Wait.until(
                "the devices go on while the bus is down",
                WAIT,
                () -> daemon.devices().telemetry().counters().rows() > rowsWhileDown + 20);
        broker.start();

        Wait.until("reconnected", WAIT, () -> bus.connected() && bus.counters().connects() == 2);
        BusWorkload later = workload(topics.device(DEVICE) + "#", topics.daemonState());
        Wait.until(
                "retained state published again",
                WAIT,
                () -> later.received(topics.state(DEVICE)).stream().anyMatch(BusWorkload.Received::retained)
                        && later.received(topics.delta(DEVICE)).stream().anyMatch(BusWorkload.Received::retained)
                        && later.received(topics.reported(DEVICE, "mode")).stream()
                                .anyMatch(BusWorkload.Received::retained)
                        && later.latest(topics.daemonState()).isPresent());
        assertThat(later.latest(topics.state(DEVICE)).orElseThrow().payload()).isEqualTo("Online");
        assertThat(bus.counters().superseded())
                .as("readings while the bus was down replaced each other")
                .isPositive();

        later.set(topics.set(DEVICE), "{\"setpoint\": 55.5}", Optional.of("hmi-1"), "after-restart");
        Wait.until("set after the restart", WAIT, () -> reported(daemon, "setpoint")
                .equals(Optional.of("55.5")));
    }

    @Test
    void whenTheDaemonStopsItsWillSaysOfflineAndWithoutTheSettingThereIsNoBus(TestInfo test) {
        EdgeDaemon daemon = daemonOnTheBus(test);
        Wait.until("bus connected", WAIT, () -> daemon.localBus().orElseThrow().connected());
        BusWorkload workload = workload(topics.daemonState());
        Wait.until("Online", WAIT, () -> workload.latest(topics.daemonState())
                .map(BusWorkload.Received::payload)
                .equals(Optional.of("Online")));
        daemon.close();
        Wait.until("Offline", WAIT, () -> workload.latest(topics.daemonState())
                .map(BusWorkload.Received::payload)
                .equals(Optional.of("Offline")));

        EdgeDaemon plain = EdgeDaemon.start(TestStores.config(dataDir, Map.of()), new StopSignal());
        toClose.add(plain);
        assertThat(plain.localBus()).isEmpty();
        long before = plain.devices().telemetry().counters().rows();
        Wait.until(
                "devices read without a bus",
                WAIT,
                () -> plain.devices().telemetry().counters().rows() > before);
    }

    @Test
    void aBusThatIsNeverThereSlowsNoDevice(TestInfo test) {
        EdgeDaemon daemon = daemon(test, Map.of(ConfigKey.LOCAL_BUS_URL, "tcp://127.0.0.1:" + Ports.free()));
        Wait.until(
                "readings", WAIT, () -> daemon.devices().telemetry().counters().rows() >= 40);
        LocalBus bus = daemon.localBus().orElseThrow();
        assertThat(bus.connected()).isFalse();
        assertThat(bus.counters().published()).isZero();
        assertThat(bus.counters().superseded()).isPositive();
        assertThat(reported(daemon, "temperature")).contains("85.0");
    }
}
