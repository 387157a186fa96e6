package io.edgefleet.edge.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.edge.EdgeDaemon;
import io.edgefleet.edge.StopSignal;
import io.edgefleet.edge.config.EdgeConfig;
import io.edgefleet.edge.store.MetaKey;
import io.edgefleet.edge.testing.TestStores;
import io.edgefleet.protocol.DecodeResult;
import io.edgefleet.protocol.EdgeEvent;
import io.edgefleet.protocol.NodeEventReport;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.ResourceChange;
import io.edgefleet.protocol.Sync;
import io.edgefleet.protocol.device.DesiredRule;
import io.edgefleet.protocol.device.RuleAction;
import io.edgefleet.protocol.device.RuleComparison;
import io.edgefleet.protocol.device.RuleCondition;
import io.edgefleet.testsupport.Ports;
import io.edgefleet.testsupport.Wait;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole daemon in-process with no broker at all: devices and rules run from the store alone. */
class DeviceDaemonIT {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    @TempDir
    Path dataDir;

    private EdgeDaemon daemon;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private EdgeConfig config() {
        return TestStores.config(dataDir, Map.of());
    }

    private Optional<String> reported(String device, String property) {
        return Optional.ofNullable(daemon.store()
                        .inTransaction(tx -> TwinTable.reported(tx.connection(), device))
                        .get(property))
                .flatMap(TwinTable.Reported::value)
                .flatMap(v -> v.value())
                .map(Object::toString);
    }

    private void sync(long from, ResourceChange... changes) {
        long to = from + changes.length;
        daemon.sync().apply(new Sync(from, to, false, List.of(changes)));
    }

    @Test
    void aTemperatureAboveItsLimitForFiveSecondsTurnsTheFanOnWithNoCloud() {
        TestStores.seed(dataDir, "tcp://127.0.0.1:" + Ports.free());
        daemon = EdgeDaemon.start(config(), new StopSignal());
        DesiredRule rule = new DesiredRule(
                "fan-on",
                1,
                new RuleCondition("boiler-1", "temperature", RuleComparison.ABOVE, J.numberNode(70), 5000),
                new RuleAction(
                        RuleAction.Type.WRITE_PROPERTY,
                        Optional.of("boiler-1"),
                        Optional.of("fan"),
                        Optional.of(J.booleanNode(true)),
                        Optional.empty(),
                        "boiler-1 too hot: fan on"),
                Optional.empty());
        long synced = System.nanoTime();
        sync(0, DeviceFixtures.upsert(1, DeviceFixtures.boiler("boiler-1", 1, 85)), DeviceFixtures.upsert(2, rule));
        Wait.until("85 read", Duration.ofSeconds(10), () -> reported("boiler-1", "temperature")
                .isPresent());
        assertThat(reported("boiler-1", "fan")).contains("false");
        Wait.until("fan on", Duration.ofSeconds(20), () -> reported("boiler-1", "fan")
                .equals(Optional.of("true")));
        long tookMs = (System.nanoTime() - synced) / 1_000_000;
        assertThat(tookMs).as("the condition must hold 5 s first").isGreaterThanOrEqualTo(5000);
        EdgeChange change = daemon.store()
                .inTransaction(tx -> TwinTable.edgeChanges(tx.connection(), "boiler-1"))
                .get("fan");
        assertThat(change.by()).isEqualTo("rule:fan-on");
        assertThat(change.baseVersion()).isZero();
        ProtocolCodec codec = new ProtocolCodec();
        List<EdgeEvent> queued = daemon.outbox().pending(0, Integer.MAX_VALUE).stream()
                .map(entry -> codec.decode(entry.payload()))
                .filter(DecodeResult.Decoded.class::isInstance)
                .map(d -> ((DecodeResult.Decoded) d).envelope().body())
                .filter(NodeEventReport.class::isInstance)
                .flatMap(r -> ((NodeEventReport) r).events().stream())
                .toList();
        assertThat(queued)
                .as("the firing waits in the outbox for the link")
                .extracting(EdgeEvent::reason, EdgeEvent::involvedName, EdgeEvent::type, EdgeEvent::message)
                .containsExactly(tuple("RuleFired", "fan-on", "Warning", "boiler-1 too hot: fan on"));
        Optional<String> connected = daemon.store().inTransaction(tx -> tx.meta(MetaKey.LAST_CONNECTED_AT));
        assertThat(connected).as("never connected").isEmpty();
    }

    @Test
    void aDaemonRestartStartsItsDevicesFromTheStoreBeforeAnyConnection() {
        TestStores.seed(dataDir, "tcp://127.0.0.1:" + Ports.free());
        daemon = EdgeDaemon.start(config(), new StopSignal());
        sync(0, DeviceFixtures.upsert(1, DeviceFixtures.boiler("boiler-1", 1, 85)));
        Wait.until("read", Duration.ofSeconds(10), () -> reported("boiler-1", "temperature")
                .isPresent());
        daemon.close();
        daemon = null;

        daemon = EdgeDaemon.start(config(), new StopSignal());
        assertThat(daemon.devices().running()).as("running when start returns").containsExactly("boiler-1");
        long before = daemon.devices().telemetry().counters().rows();
        Wait.until(
                "reading again",
                Duration.ofSeconds(10),
                () -> daemon.devices().telemetry().counters().rows() > before);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(DevicesCommand.run(dataDir, false, new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("boiler-1")
                .contains("simulated")
                .contains("Online");
    }
}
