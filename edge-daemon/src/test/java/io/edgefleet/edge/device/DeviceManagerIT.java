package io.edgefleet.edge.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.edge.store.StoreUpdater;
import io.edgefleet.protocol.TwinReport;
import io.edgefleet.protocol.TwinReports;
import io.edgefleet.protocol.device.DeviceState;
import io.edgefleet.protocol.device.EdgeDesired;
import io.edgefleet.protocol.device.ReportedValue;
import io.edgefleet.testsupport.Wait;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device manager with the simulated driver and the SQLite store, no cloud. */
class DeviceManagerIT {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    @TempDir
    Path dataDir;

    private DeviceHarness h;

    @BeforeEach
    void start() {
        h = new DeviceHarness(dataDir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static boolean reports(List<TwinReport> reports, String property, String value) {
        return reports.stream()
                .flatMap(r -> r.reported().stream())
                .anyMatch(v -> v.property().equals(property)
                        && v.value().map(Object::toString).orElse("").equals(value));
    }

    @Test
    void readingsReachTheOutboxAsCoalescedTwinReports() {
        h.apply(DeviceFixtures.upsert(h.nextVersion(), DeviceFixtures.boiler("boiler-1", 1, 85)));
        Wait.until(
                "first report", DeviceHarness.WAIT, () -> !h.reports("boiler-1").isEmpty());
        TwinReport first = h.reports("boiler-1").getFirst();
        assertThat(first.state()).contains(DeviceState.ONLINE);
        assertThat(first.reported())
                .extracting(ReportedValue::property)
                .containsExactlyInAnyOrder("temperature", "fan", "setpoint", "mode");
        assertThat(reports(List.of(first), "temperature", "85.0")).isTrue();
        // Collect every 100 ms, report every 100 ms: constant values change nothing, so nothing more is queued.
        long before = h.reports("boiler-1").size();
        Wait.until("several collect cycles", Duration.ofSeconds(5), () -> h.telemetryRows() >= 40);
        assertThat(h.reports("boiler-1")).hasSize((int) before);
        assertThat(h.status("boiler-1").orElseThrow().state()).isEqualTo(DeviceState.ONLINE);
    }

    @Test
    void theDevicesOfOneReportCycleGoUpstreamInOneMessage() {
        h.apply(
                DeviceFixtures.upsert(h.nextVersion(), DeviceFixtures.meter("meter-1", 200)),
                DeviceFixtures.upsert(h.nextVersion(), DeviceFixtures.meter("meter-2", 200)));
        Wait.until("a message with both meters", DeviceHarness.WAIT, () -> h.messages().stream()
                .anyMatch(body -> body instanceof TwinReports both
                        && both.reports().stream()
                                .map(TwinReport::device)
                                .toList()
                                .containsAll(List.of("meter-1", "meter-2"))));
        // Reported every 200 ms on the node's grid, each changed every time: one message per cycle for both.
        Wait.until("ten cycles", DeviceHarness.WAIT, () -> h.reports("meter-2").size() >= 10);
        long together = h.messages().stream()
                .filter(body ->
                        body instanceof TwinReports both && both.reports().size() == 2)
                .count();
        assertThat(together).as("cycles reported in one message").isGreaterThanOrEqualTo(5);
    }

    @Test
    void toAServerThatDoesNotNameTwinReportsEachDeviceGoesAlone() {
        h.close();
        h = new DeviceHarness(dataDir, false);
        h.apply(
                DeviceFixtures.upsert(h.nextVersion(), DeviceFixtures.meter("meter-1", 200)),
                DeviceFixtures.upsert(h.nextVersion(), DeviceFixtures.meter("meter-2", 200)));
        Wait.until(
                "both meters reported",
                DeviceHarness.WAIT,
                () -> h.reports("meter-1").size() >= 3 && h.reports("meter-2").size() >= 3);
        assertThat(h.messages()).allSatisfy(body -> assertThat(body).isNotInstanceOf(TwinReports.class));
    }

    @Test
    void aDesiredValueIsWrittenAndReadBackBeforeItIsReported() {
        h.apply(DeviceFixtures.upsert(h.nextVersion(), DeviceFixtures.boiler("boiler-1", 1, 85)));
        Wait.until("setpoint read", DeviceHarness.WAIT, () -> h.reportedText("boiler-1", "setpoint")
                .isPresent());
        assertThat(h.reportedText("boiler-1", "setpoint")).contains("20.0");
        h.apply(DeviceFixtures.desired(
                h.nextVersion(), "boiler-1", Map.of("setpoint", DeviceFixtures.value(J.numberNode(42), 1))));
        Wait.until("42 reported", DeviceHarness.WAIT, () -> reports(h.reports("boiler-1"), "setpoint", "42.0"));
        // The only source of a reported value is a read: the device holds the setpoint now.
        assertThat(h.reportedText("boiler-1", "setpoint")).contains("42.0");
        assertThat(h.twin("boiler-1").get("setpoint").writeError()).isEmpty();
    }

    @Test
    void aReadOnlyDesiredValueIsRefusedAndTheReasonKept() {
        h.apply(DeviceFixtures.upsert(h.nextVersion(), DeviceFixtures.boiler("boiler-1", 1, 85)));
        h.apply(DeviceFixtures.desired(
                h.nextVersion(), "boiler-1", Map.of("temperature", DeviceFixtures.value(J.numberNode(10), 1))));
        Wait.until(
                "write error kept",
                DeviceHarness.WAIT,
                () -> h.twin("boiler-1").containsKey("temperature")
                        && h.twin("boiler-1").get("temperature").writeError().startsWith("read-only"));
        Wait.until("temperature read", DeviceHarness.WAIT, () -> h.reportedText("boiler-1", "temperature")
                .isPresent());
        assertThat(h.reportedText("boiler-1", "temperature")).contains("85.0");
        assertThat(h.twin("boiler-1").get("temperature").writeError())
                .as("kept")
                .startsWith("read-only");

        int code = SetCommand.run(dataDir, "edge-1", "boiler-1", "temperature", "10", out(), out(), Clock.systemUTC());
        assertThat(code).as("set refuses a ReadOnly property").isEqualTo(2);
        assertThat(SetCommand.run(dataDir, "edge-1", "boiler-1", "setpoint", "140", out(), out(), Clock.systemUTC()))
                .as("out of range")
                .isEqualTo(2);
        assertThat(h.edgeChanges("boiler-1")).isEmpty();
    }

    @Test
    void aDeviceThatStopsAnsweringGoesOfflineAndComesBackOnline() {
        h.apply(DeviceFixtures.upsert(
                h.nextVersion(),
                DeviceFixtures.boiler(
                        "flaky", 1, 85, Map.of("fail-after-reads", "5", "fail-for-reads", "10"), 50, 100)));
        Wait.until("offline then online reported", DeviceHarness.WAIT, () -> h.reports("flaky").stream()
                .flatMap(r -> r.state().stream())
                .toList()
                .containsAll(List.of(DeviceState.ONLINE, DeviceState.OFFLINE)));
        Wait.until("online again", DeviceHarness.WAIT, () -> {
            List<DeviceState> states =
                    h.reports("flaky").stream().flatMap(r -> r.state().stream()).toList();
            return states.size() >= 3 && states.get(2) == DeviceState.ONLINE;
        });
        List<DeviceState> states =
                h.reports("flaky").stream().flatMap(r -> r.state().stream()).toList();
        assertThat(states.subList(0, 3)).containsExactly(DeviceState.ONLINE, DeviceState.OFFLINE, DeviceState.ONLINE);

        h.apply(DeviceFixtures.upsert(
                h.nextVersion(), DeviceFixtures.boiler("gone", 1, 85, Map.of("unreachable", "true"), 50, 100)));
        Wait.until("unreachable reported offline", DeviceHarness.WAIT, () -> h.reports("gone").stream()
                .anyMatch(r -> r.state().equals(java.util.Optional.of(DeviceState.OFFLINE))));
        assertThat(h.status("gone").orElseThrow().error()).contains("unreachable");
    }

    @Test
    void theTelemetryBufferDropsTheOldestAndCountsEveryDrop() {
        h.devices.telemetry().bounds(h.devices.telemetry().settings().withBounds(Duration.ofHours(1), 20));
        h.apply(DeviceFixtures.upsert(h.nextVersion(), DeviceFixtures.boiler("boiler-1", 1, 85)));
        Wait.until(
                "drops",
                DeviceHarness.WAIT,
                () -> h.devices.telemetry().counters().droppedTotal() >= 20);
        assertThat(h.devices.telemetry().counters().rows()).isLessThanOrEqualTo(20);

        // The link comes up: batches go out with a rising number and the drops they follow.
        h.linkUp.set(true);
        Wait.until("batches", DeviceHarness.WAIT, () -> h.published.size() >= 2);
        assertThat(h.published.get(0).batch()).isEqualTo(1);
        assertThat(h.published.get(1).batch()).isEqualTo(2);
        assertThat(h.published.get(0).droppedSinceLast()).isGreaterThanOrEqualTo(20);
        // Without an ack nothing is deleted; after the ack timeout the first batch is sent again.
        Wait.until(
                "resent",
                DeviceHarness.WAIT,
                () -> h.published.stream().filter(b -> b.batch() == 1).count() >= 2);

        // The server's telemetry-ack (a command) deletes what it acknowledges, and only that.
        h.devices
                .telemetrySender()
                .handler()
                .handle(io.edgefleet.protocol.Envelope.of(
                        "edge-1", java.time.Instant.now(), new io.edgefleet.protocol.TelemetryAck(2)));
        assertThat(h.devices.telemetry().counters().ackedBatch()).isEqualTo(2);
        assertThat(h.devices.telemetry().unacknowledged(0))
                .allSatisfy(b -> assertThat(b.number()).isGreaterThan(2));
    }

    @Test
    void edgeChangesWhileOfflineCollapseAndASyncAboveTheirBaseSettlesThem() {
        h.apply(DeviceFixtures.upsert(h.nextVersion(), DeviceFixtures.boiler("boiler-1", 1, 85)));
        h.apply(DeviceFixtures.desired(
                h.nextVersion(), "boiler-1", Map.of("setpoint", DeviceFixtures.value(J.numberNode(30), 4))));
        Wait.until("30 written", DeviceHarness.WAIT, () -> h.reportedText("boiler-1", "setpoint")
                .equals(java.util.Optional.of("30.0")));
        assertThat(SetCommand.run(dataDir, "edge-1", "boiler-1", "setpoint", "55", out(), out(), Clock.systemUTC()))
                .isZero();
        Wait.until("55 written", DeviceHarness.WAIT, () -> h.reportedText("boiler-1", "setpoint")
                .equals(java.util.Optional.of("55.0")));
        assertThat(SetCommand.run(dataDir, "edge-1", "boiler-1", "setpoint", "60", out(), out(), Clock.systemUTC()))
                .isZero();
        Wait.until("60 written", DeviceHarness.WAIT, () -> h.reportedText("boiler-1", "setpoint")
                .equals(java.util.Optional.of("60.0")));
        EdgeChange pending = h.edgeChanges("boiler-1").get("setpoint");
        assertThat(pending.value()).isEqualTo(J.numberNode(60.0));
        assertThat(pending.baseVersion()).as("the first change's base").isEqualTo(4);
        assertThat(pending.by()).isEqualTo("edge:edge-1");
        assertThat(h.reports("boiler-1").stream().flatMap(r -> r.desired().stream()))
                .as("held while the link is down")
                .isEmpty();

        h.linkUp.set(true);
        Wait.until("edge change queued", DeviceHarness.WAIT, () -> h.reports("boiler-1").stream()
                .anyMatch(r -> !r.desired().isEmpty()));
        List<EdgeDesired> sent = h.reports("boiler-1").stream()
                .flatMap(r -> r.desired().stream())
                .toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().baseVersion()).isEqualTo(4);
        assertThat(sent.getFirst().value()).isEqualTo(J.numberNode(60.0));

        // A sync that predates the change (version 4) keeps the edge value on the device.
        h.apply(DeviceFixtures.desired(
                h.nextVersion(), "boiler-1", Map.of("setpoint", DeviceFixtures.value(J.numberNode(30), 4))));
        assertThat(h.edgeChanges("boiler-1")).containsKey("setpoint");
        // The cloud changed it meanwhile (version 5): the cloud wins and the device is set back.
        h.apply(DeviceFixtures.desired(
                h.nextVersion(), "boiler-1", Map.of("setpoint", DeviceFixtures.value(J.numberNode(35), 5))));
        assertThat(h.edgeChanges("boiler-1")).isEmpty();
        Wait.until("cloud value written", DeviceHarness.WAIT, () -> h.reportedText("boiler-1", "setpoint")
                .equals(java.util.Optional.of("35.0")));

        ByteArrayOutputStream twin = new ByteArrayOutputStream();
        assertThat(TwinCommand.run(
                        dataDir, "boiler-1", true, new PrintStream(twin, true, StandardCharsets.UTF_8), out()))
                .isZero();
        assertThat(twin.toString(StandardCharsets.UTF_8))
                .contains("\"version\" : 5")
                .contains("35.0");
    }

    @Test
    void aChangedGenerationGetsANewSessionAndADeletedDeviceIsForgotten() {
        h.apply(DeviceFixtures.upsert(h.nextVersion(), DeviceFixtures.boiler("boiler-1", 1, 85)));
        Wait.until("85", DeviceHarness.WAIT, () -> h.reportedText("boiler-1", "temperature")
                .equals(java.util.Optional.of("85.0")));
        h.apply(DeviceFixtures.upsert(h.nextVersion(), DeviceFixtures.boiler("boiler-1", 2, 90)));
        Wait.until("90", DeviceHarness.WAIT, () -> h.reportedText("boiler-1", "temperature")
                .equals(java.util.Optional.of("90.0")));
        assertThat(h.devices.running()).containsExactly("boiler-1");
        h.apply(DeviceFixtures.delete(h.nextVersion(), "Device", "boiler-1"));
        Wait.until("stopped", DeviceHarness.WAIT, () -> h.devices.running().isEmpty());
        Wait.until("forgotten", DeviceHarness.WAIT, () -> h.status("boiler-1").isEmpty());
        assertThat(StoreUpdater.update(dataDir, DeviceTable.SCHEMA_VERSION + 1, c -> 1))
                .as("a store older than the command needs is not touched")
                .isEmpty();
    }

    private static PrintStream out() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
