package io.edgefleet.edge.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.protocol.DecodeResult;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Heartbeat;
import io.edgefleet.protocol.NodeStatusReport;
import io.edgefleet.protocol.ProtocolCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    private final ProtocolCodec codec = new ProtocolCodec();

    @TempDir
    Path dataDir;

    private Outbox outbox(EdgeStore store) {
        return new Outbox(store, codec, "edge-1", Clock.systemUTC());
    }

    private static NodeStatusReport report(String agent) {
        return new NodeStatusReport(agent, "Linux", "amd64", "pc-7", 4, 2048);
    }

    private static List<Long> seqs(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::seq).toList();
    }

    private Envelope decode(OutboxEntry entry) {
        return ((DecodeResult.Decoded) codec.decode(entry.payload())).envelope();
    }

    @Test
    void sequenceIsGaplessAcrossReopen() {
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            assertThat(outbox(store).append(report("a")).seq()).isEqualTo(1);
            assertThat(outbox(store).append(report("b")).seq()).isEqualTo(2);
        }
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            Outbox outbox = outbox(store);
            assertThat(outbox.append(report("c")).seq()).isEqualTo(3);
            List<OutboxEntry> pending = outbox.pending(0, 100);
            assertThat(seqs(pending)).containsExactly(1L, 2L, 3L);
            assertThat(decode(pending.get(2)).seq()).isEqualTo(3);
            assertThat(decode(pending.get(2)).body()).isEqualTo(report("c"));
            assertThat(outbox.counters()).isEqualTo(new Outbox.Counters(3, 0));
        }
    }

    @Test
    void ackDeletesOnlyEntriesUpToTheAcknowledgedSeq() {
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            Outbox outbox = outbox(store);
            for (int i = 0; i < 5; i++) {
                outbox.append(report("r" + i));
            }

            assertThat(outbox.ack(3)).isEqualTo(new AckResult.Acknowledged(3, 3));

            assertThat(seqs(outbox.pending(0, 100))).containsExactly(4L, 5L);
            assertThat(outbox.depth()).isEqualTo(2);
            assertThat(outbox.counters()).isEqualTo(new Outbox.Counters(5, 3));
            assertThat(outbox.append(report("next")).seq()).isEqualTo(6);
        }
    }

    @Test
    void staleAckChangesNothing() {
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            Outbox outbox = outbox(store);
            for (int i = 0; i < 3; i++) {
                outbox.append(report("r" + i));
            }
            outbox.ack(2);

            assertThat(outbox.ack(1)).isEqualTo(new AckResult.Stale(1, 2));
            assertThat(outbox.ack(2)).isEqualTo(new AckResult.Stale(2, 2));
            assertThat(seqs(outbox.pending(0, 100))).containsExactly(3L);
        }
    }

    @Test
    void appendAfterACrashContinuesTheSequence() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingAppender.class.getName(),
                        dataDir.toString(),
                        "3")
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("appended 3");

        try (EdgeStore store = EdgeStore.open(dataDir)) {
            Outbox outbox = outbox(store);
            assertThat(store.recoveredFrom()).isEmpty();
            assertThat(outbox.append(report("after-crash")).seq()).isEqualTo(4);
            assertThat(seqs(outbox.pending(0, 100))).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    @Test
    void ackBeyondTheLastSeqRenumbersWaitingEntriesAfterIt() {
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            Outbox outbox = outbox(store);
            outbox.append(report("a"));
            outbox.append(report("b"));

            // The server has applied 40 messages of this node's previous life (its store was replaced).
            assertThat(outbox.ack(40)).isEqualTo(new AckResult.Realigned(40, 2, 2));

            List<OutboxEntry> pending = outbox.pending(0, 100);
            assertThat(seqs(pending)).containsExactly(41L, 42L);
            assertThat(decode(pending.get(0)).seq()).isEqualTo(41);
            assertThat(decode(pending.get(1)).body()).isEqualTo(report("b"));
            assertThat(outbox.counters()).isEqualTo(new Outbox.Counters(42, 40));
            assertThat(outbox.append(report("c")).seq()).isEqualTo(43);
        }
    }

    @Test
    void pendingPagesInOrder() {
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            Outbox outbox = outbox(store);
            for (int i = 0; i < 10; i++) {
                outbox.append(report("r" + i));
            }

            assertThat(seqs(outbox.pending(4, 3))).containsExactly(5L, 6L, 7L);
        }
    }

    @Test
    void unreliableKindsDoNotGoThroughTheOutbox() {
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            assertThatThrownBy(() -> outbox(store).append(new Heartbeat(0)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
