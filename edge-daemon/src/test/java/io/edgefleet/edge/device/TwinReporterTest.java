package io.edgefleet.edge.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.edge.outbox.Outbox;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.protocol.DecodeResult;
import io.edgefleet.protocol.MessageBody;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.ProtocolException;
import io.edgefleet.protocol.TwinReport;
import io.edgefleet.protocol.TwinReports;
import io.edgefleet.protocol.device.DeviceState;
import io.edgefleet.protocol.device.ReportedValue;
import io.edgefleet.protocol.device.ValueQuality;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reporter on a real store and outbox; its delayed flushes are run by hand. */
class TwinReporterTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
    private final ProtocolCodec codec = new ProtocolCodec();
    private final List<Runnable> scheduled = new ArrayList<>();

    @TempDir
    Path dataDir;

    private EdgeStore store;
    private Outbox outbox;

    @BeforeEach
    void open() {
        store = EdgeStore.open(dataDir);
        outbox = new Outbox(store, codec, "edge-1", Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private TwinReporter reporter(boolean serverTakesTwinReports, long phaseMillis) {
        return new TwinReporter(
                store,
                outbox,
                () -> true,
                kind -> serverTakesTwinReports || !kind.negotiated(),
                (task, delay) -> scheduled.add(task),
                phaseMillis);
    }

    private static ReportedValue value(String property, String text) {
        return new ReportedValue(
                property, Optional.of(JsonNodeFactory.instance.textNode(text)), ValueQuality.GOOD, T, Optional.empty());
    }

    private List<MessageBody> messages() {
        return outbox.pending(0, 1000).stream()
                .map(e -> ((DecodeResult.Decoded) codec.decode(e.payload()))
                        .envelope()
                        .body())
                .toList();
    }

    @Test
    void devicesOfOneCycleShareTheGridWhateverTheyStarted() {
        TwinReporter reporter = reporter(true, 1_234_567);
        Duration cycle = Duration.ofSeconds(5);

        Instant a = reporter.nextReport(T.plusMillis(10), cycle);
        Instant b = reporter.nextReport(T.plusMillis(3_900), cycle);

        assertThat(a).isEqualTo(b).isAfter(T.plusMillis(3_900));
        assertThat(reporter.nextReport(a, cycle)).isEqualTo(a.plus(cycle));
        assertThat(reporter(true, 1_234_568).nextReport(T.plusMillis(10), cycle))
                .as("another node's grid")
                .isEqualTo(a.plusMillis(1));
    }

    @Test
    void offersWaitingTogetherBecomeOneMessageAfterOneScheduledFlush() {
        TwinReporter reporter = reporter(true, 0);
        reporter.offer("press-1", Optional.of(DeviceState.ONLINE), List.of(value("a", "1")), false);
        reporter.offer("press-2", Optional.empty(), List.of(value("a", "2")), false);

        assertThat(scheduled).as("one flush for both").hasSize(1);
        scheduled.getFirst().run();

        assertThat(messages())
                .containsExactly(new TwinReports(List.of(
                        new TwinReport("press-1", Optional.of(DeviceState.ONLINE), List.of(value("a", "1")), List.of()),
                        new TwinReport("press-2", Optional.empty(), List.of(value("a", "2")), List.of()))));
    }

    @Test
    void toAnOlderServerEveryDeviceIsItsOwnTwinReportInTheSameTransaction() {
        TwinReporter reporter = reporter(false, 0);
        reporter.offer("press-1", Optional.empty(), List.of(value("a", "1")), false);
        reporter.offer("press-2", Optional.empty(), List.of(value("a", "2")), false);
        reporter.flush();

        assertThat(messages())
                .containsExactly(
                        new TwinReport("press-1", Optional.empty(), List.of(value("a", "1")), List.of()),
                        new TwinReport("press-2", Optional.empty(), List.of(value("a", "2")), List.of()));
    }

    @Test
    void aReportThatCannotBeQueuedWaitsAndMergesWithWhatComesLater() {
        TwinReporter reporter = reporter(true, 0);
        // Larger than a message may be: the append fails and nothing of the transaction stays.
        reporter.offer("press-1", Optional.of(DeviceState.OFFLINE), List.of(value("a", "x".repeat(300_000))), false);
        assertThatThrownBy(reporter::flush).isInstanceOf(ProtocolException.class);
        assertThat(messages()).isEmpty();

        reporter.offer("press-1", Optional.empty(), List.of(value("a", "small"), value("b", "2")), false);
        reporter.flush();

        assertThat(messages())
                .as("the state of the failed report kept, its value replaced by the later one")
                .containsExactly(new TwinReport(
                        "press-1",
                        Optional.of(DeviceState.OFFLINE),
                        List.of(value("a", "small"), value("b", "2")),
                        List.of()));
    }

    @Test
    void reportsTooLargeForOneMessageAreSplit() {
        TwinReporter reporter = reporter(true, 0);
        for (int d = 0; d < 8; d++) {
            reporter.offer("press-" + d, Optional.empty(), List.of(value("a", "y".repeat(60_000))), false);
        }
        reporter.flush();

        List<MessageBody> messages = messages();
        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages.stream()
                        .flatMap(m -> m instanceof TwinReports r
                                ? r.reports().stream()
                                : java.util.stream.Stream.of((TwinReport) m))
                        .map(TwinReport::device))
                .containsExactly(
                        "press-0", "press-1", "press-2", "press-3", "press-4", "press-5", "press-6", "press-7");
    }
}
