package io.edgefleet.edge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.testing.MutableClock;
import io.edgefleet.protocol.NodeStatusReport;
import io.edgefleet.protocol.ProtocolCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxSenderTest {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private EdgeStore store;
    private Outbox outbox;
    private final List<Long> published = new ArrayList<>();
    private int busyAfter = Integer.MAX_VALUE;

    /** A broker that takes everything, or says busy once {@code busyAfter} publishes are unconfirmed. */
    private PublishOutcome publish(OutboxEntry entry) {
        if (busyAfter <= 0) {
            return new PublishOutcome.Busy();
        }
        busyAfter--;
        published.add(entry.seq());
        return new PublishOutcome.Sent();
    }

    @BeforeEach
    void openStore() {
        store = EdgeStore.open(dataDir);
        outbox = new Outbox(store, new ProtocolCodec(), "edge-1", clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            outbox.append(new NodeStatusReport("v" + i, "Linux", "amd64", "pc", 1, 1));
        }
    }

    private OutboxSender sender(int maxInflight) {
        OutboxSender sender = new OutboxSender(outbox, maxInflight, ACK_TIMEOUT, clock);
        outbox.onAppend(sender::onAppended);
        return sender;
    }

    @Test
    void nothingIsSentBeforeTheServerAnswersHello() {
        append(3);
        OutboxSender sender = sender(10);

        sender.sessionStarted(this::publish, 100);
        sender.onAppended();

        assertThat(published).isEmpty();
        sender.onAck(0);
        assertThat(published).containsExactly(1L, 2L, 3L);
    }

    @Test
    void atMostMaxInflightEntriesAreUnacknowledged() {
        append(10);
        OutboxSender sender = sender(3);
        sender.sessionStarted(this::publish, 100);

        sender.onAck(0);
        assertThat(published).containsExactly(1L, 2L, 3L);

        sender.onAck(2);
        assertThat(published).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(outbox.depth()).isEqualTo(8);
    }

    @Test
    void resumesAfterWhatTheServerAlreadyHas() {
        append(5);
        OutboxSender sender = sender(10);
        sender.sessionStarted(this::publish, 100);

        sender.onAck(3);

        assertThat(published).containsExactly(4L, 5L);
    }

    @Test
    void newEntriesAreSentAsTheyAreAppended() {
        OutboxSender sender = sender(10);
        sender.sessionStarted(this::publish, 100);
        sender.onAck(0);

        append(2);

        assertThat(published).containsExactly(1L, 2L);
    }

    @Test
    void missingAckResendsFromTheFirstUnacknowledgedEntry() {
        append(4);
        OutboxSender sender = sender(10);
        sender.sessionStarted(this::publish, 100);
        sender.onAck(0);
        sender.onAck(2);
        published.clear();

        clock.advance(ACK_TIMEOUT.minusSeconds(1));
        sender.tick();
        assertThat(published).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        sender.tick();
        assertThat(published).containsExactly(3L, 4L);
    }

    @Test
    void unansweredHelloIsToBeSentAgain() {
        OutboxSender sender = sender(10);
        sender.sessionStarted(this::publish, 100);

        clock.advance(ACK_TIMEOUT.minusMillis(1));
        assertThat(sender.tick()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(sender.tick()).isTrue();

        sender.helloResent();
        assertThat(sender.tick()).isFalse();
        sender.onAck(0);
        clock.advance(ACK_TIMEOUT.multipliedBy(2));
        assertThat(sender.tick()).isFalse();
    }

    @Test
    void busyBrokerPausesSendingUntilItConfirmsAPublish() {
        append(5);
        OutboxSender sender = sender(10);
        busyAfter = 2;
        sender.sessionStarted(this::publish, 100);

        sender.onAck(0);
        assertThat(published).containsExactly(1L, 2L);

        busyAfter = 1;
        sender.onBrokerAck();
        assertThat(published).containsExactly(1L, 2L, 3L);
        busyAfter = 10;
        sender.onBrokerAck();
        assertThat(published).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void brokerWindowLimitsUnconfirmedPublishes() {
        append(6);
        OutboxSender sender = sender(10);
        sender.sessionStarted(this::publish, 2);

        sender.onAck(0);
        assertThat(published).containsExactly(1L, 2L);

        sender.onBrokerAck();
        assertThat(published).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aNewSessionResendsEverythingUnacknowledgedInOrder() {
        append(4);
        OutboxSender sender = sender(10);
        sender.sessionStarted(this::publish, 100);
        sender.onAck(0);
        sender.onAck(1);
        sender.sessionEnded();
        published.clear();

        sender.sessionStarted(this::publish, 100);
        sender.onAck(1);

        assertThat(published).containsExactly(2L, 3L, 4L);
    }

    @Test
    void ackBeyondTheLastSeqRealignsAndSendsTheRenumberedEntries() {
        append(2);
        OutboxSender sender = sender(10);
        sender.sessionStarted(this::publish, 100);

        sender.onAck(40);

        assertThat(published).containsExactly(41L, 42L);
    }
}
