package io.edgefleet.edge.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.edge.outbox.Outbox;
import io.edgefleet.edge.outbox.OutboxEntry;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.protocol.ConditionStatus;
import io.edgefleet.protocol.NodeCondition;
import io.edgefleet.protocol.NodeStatusReport;
import io.edgefleet.protocol.ProtocolCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeStatusReporterTest {
    @TempDir
    Path dataDir;

    private static NodeStatusReport report(int cpus) {
        return new NodeStatusReport("0.1.0", "Linux", "amd64", "pc-7", cpus, 2048);
    }

    @Test
    void aRestartWithUnchangedFactsQueuesNoDuplicate() {
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            NodeStatusReporter reporter =
                    new NodeStatusReporter(store, new Outbox(store, new ProtocolCodec(), "edge-1", Clock.systemUTC()));
            assertThat(reporter.reportIfChanged(report(4)))
                    .map(OutboxEntry::seq)
                    .contains(1L);
        }
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            Outbox outbox = new Outbox(store, new ProtocolCodec(), "edge-1", Clock.systemUTC());
            NodeStatusReporter reporter = new NodeStatusReporter(store, outbox);

            assertThat(reporter.reportIfChanged(report(4))).isEmpty();
            assertThat(reporter.reportIfChanged(report(8)))
                    .map(OutboxEntry::seq)
                    .contains(2L);
            assertThat(outbox.depth()).isEqualTo(2);
        }
    }

    private static NodeStatusReport withDisk(ConditionStatus status, String reason, String figures, Instant since) {
        return new NodeStatusReport(
                "0.1.0",
                "Linux",
                "amd64",
                "pc-7",
                4,
                2048,
                List.of(new NodeCondition(NodeCondition.DISK_PRESSURE, status, reason, figures, since)));
    }

    @Test
    void aConditionChangingStatusIsNewsButNewFiguresAreNot() {
        Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            Outbox outbox = new Outbox(store, new ProtocolCodec(), "edge-1", Clock.systemUTC());
            NodeStatusReporter reporter = new NodeStatusReporter(store, outbox);

            assertThat(reporter.reportIfChanged(withDisk(ConditionStatus.FALSE, "EnoughDiskSpace", "40% free", t0)))
                    .isPresent();
            assertThat(reporter.reportIfChanged(withDisk(ConditionStatus.FALSE, "EnoughDiskSpace", "39% free", t0)))
                    .as("only the figures moved")
                    .isEmpty();
            assertThat(reporter.reportIfChanged(
                            withDisk(ConditionStatus.TRUE, "LowDiskSpace", "9% free", t0.plusSeconds(60))))
                    .map(OutboxEntry::seq)
                    .contains(2L);
        }
    }

    @Test
    void factsOfThisMachineAreFilledIn() {
        NodeStatusReport report = NodeFacts.currentReport(List.of());

        assertThat(report.hostname()).isNotBlank();
        assertThat(report.os()).isNotBlank();
        assertThat(report.cpus()).isPositive();
        assertThat(report.memoryMb()).isPositive();
    }
}
