package io.edgefleet.edge.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.edge.EdgeDaemon;
import io.edgefleet.edge.StopSignal;
import io.edgefleet.edge.config.ConfigKey;
import io.edgefleet.edge.config.EdgeConfig;
import io.edgefleet.edge.outbox.Outbox;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.MetaKey;
import io.edgefleet.edge.store.StoreReader;
import io.edgefleet.edge.testing.FakeServer;
import io.edgefleet.edge.testing.TestStores;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Heartbeat;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.NodeStatusReport;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.Sync;
import io.edgefleet.protocol.SyncResult;
import io.edgefleet.protocol.Topics;
import io.edgefleet.testsupport.MosquittoProcess;
import io.edgefleet.testsupport.Wait;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's real classes, in-process, against a real Mosquitto broker; a plain Paho client plays
 * the server. Each test uses its own node, so that nothing one test leaves in flight reaches another.
 */
class EdgeLinkIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TENANT = TestStores.TENANT;

    @TempDir
    static Path brokerDir;

    static MosquittoProcess broker;

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

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

    private FakeServer server() {
        FakeServer server = FakeServer.connect(broker.url());
        toClose.add(server);
        return server;
    }

    private EdgeDaemon daemon(String node, Map<ConfigKey, String> settings) {
        Map<ConfigKey, String> all = new HashMap<>(Map.of(
                ConfigKey.NODE_NAME, node,
                ConfigKey.RECONNECT_MIN_MS, "50",
                ConfigKey.RECONNECT_MAX_MS, "400"));
        all.putAll(settings);
        EdgeConfig config = TestStores.config(dataDir, all);
        EdgeDaemon daemon = EdgeDaemon.start(config, new StopSignal());
        toClose.add(daemon);
        return daemon;
    }

    /** Pre-existing entries, as a daemon that ran before without reaching the server leaves them. */
    private void seed(String node, int entries) {
        TestStores.seed(dataDir, node, broker.url());
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            Outbox outbox = new Outbox(store, new ProtocolCodec(), node, Clock.systemUTC());
            for (int i = 1; i <= entries; i++) {
                outbox.append(new NodeStatusReport("earlier-" + i, "Linux", "amd64", "pc", 1, 1));
            }
        }
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void helloComesFirstAndTheOutboxDrainsInOrderOnceTheServerAnswers() {
        String node = "drain";
        seed(node, 4);
        FakeServer server = server();
        EdgeDaemon daemon = daemon(node, Map.of());

        FakeServer.Received hello = server.await(MessageKind.HELLO, 1, WAIT);
        assertThat(hello.topic()).isEqualTo(Topics.event(TENANT, node));
        assertThat(hello.contentType()).isEqualTo(Envelope.CONTENT_TYPE);
        Hello body = (Hello) hello.envelope().body();
        assertThat(body.lastSeq()).isEqualTo(5); // four seeded entries and the node-status of this start
        assertThat(body.appliedVersion()).isZero();
        assertThat(server.seqs())
                .as("nothing is sent before the server answers hello")
                .isEmpty();

        server.ack(TENANT, node, 0);

        Wait.until("five reliable messages", WAIT, () -> server.seqs().size() >= 5);
        assertThat(server.seqs()).containsExactlyElementsOf(range(1, 5));
        assertThat(server.received().getFirst().kind()).isEqualTo(MessageKind.HELLO);
        assertThat(server.received(MessageKind.NODE_STATUS).getLast().envelope().body())
                .isInstanceOfSatisfying(NodeStatusReport.class, status -> assertThat(status.cpus())
                        .isPositive());

        server.ack(TENANT, node, 5);
        Wait.until("the outbox to be empty", WAIT, () -> daemon.outbox().depth() == 0);
        assertThat(daemon.outbox().counters()).isEqualTo(new Outbox.Counters(5, 5));
    }

    @Test
    void unacknowledgedEntriesAreResentInOrderAfterTheBrokerRestarts() throws Exception {
        String node = "restart";
        seed(node, 3);
        FakeServer before = server();
        EdgeDaemon daemon = daemon(node, Map.of(ConfigKey.ACK_TIMEOUT_SECONDS, "2"));
        before.await(MessageKind.HELLO, 1, WAIT);
        before.ack(TENANT, node, 0);
        Wait.until("four reliable messages", WAIT, () -> before.seqs().size() >= 4);
        // The server applied two of them when the broker died.
        before.ack(TENANT, node, 2);
        Wait.until("ack 2 to be applied", WAIT, () -> daemon.outbox().counters().lastAckedSeq() == 2);

        before.close();
        broker.kill();
        Wait.until("the link to notice", WAIT, () -> !daemon.link().connected());
        for (int i = 0; i < 3; i++) {
            daemon.outbox().append(new NodeStatusReport("offline-" + i, "Linux", "amd64", "pc", 1, 1));
        }
        assertThat(StoreReader.read(dataDir).orElseThrow().meta(MetaKey.LINK_STATE))
                .contains("disconnected");
        broker.start();
        FakeServer after = server();

        after.await(MessageKind.HELLO, 1, WAIT);
        after.ack(TENANT, node, 2);

        Wait.until("entries 3 to 7", WAIT, () -> after.seqs().size() >= 5);
        assertThat(after.seqs()).containsExactlyElementsOf(range(3, 7));
        after.ack(TENANT, node, 7);
        Wait.until("the outbox to be empty", WAIT, () -> daemon.outbox().depth() == 0);
        assertThat(StoreReader.read(dataDir).orElseThrow().meta(MetaKey.LINK_STATE))
                .contains("connected");
    }

    @Test
    void heartbeatsArriveAtTheConfiguredInterval() {
        String node = "beat";
        TestStores.seed(dataDir, node, broker.url());
        FakeServer server = server();
        daemon(node, Map.of(ConfigKey.HEARTBEAT_SECONDS, "1"));

        server.await(MessageKind.HEARTBEAT, 4, WAIT);

        // Scheduled at a fixed rate: single gaps jitter on a busy machine, the average does not drift.
        List<FakeServer.Received> beats = server.received(MessageKind.HEARTBEAT);
        Duration span = Duration.between(beats.getFirst().at(), beats.getLast().at());
        assertThat(span.dividedBy(beats.size() - 1)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1250));
        for (int i = 1; i < beats.size(); i++) {
            assertThat(Duration.between(beats.get(i - 1).at(), beats.get(i).at()))
                    .isLessThan(Duration.ofSeconds(2));
        }
        FakeServer.Received beat = beats.getFirst();
        assertThat(beat.topic()).isEqualTo(Topics.telemetry(TENANT, node));
        assertThat(beat.envelope().seq()).isZero();
        // The node-status of this start waits for an ack that this server never sends.
        assertThat(beat.envelope().body()).isEqualTo(new Heartbeat(1));
    }

    @Test
    void syncIsAnsweredWithTheVersionTheNodeCommitted() {
        String node = "syncer";
        TestStores.seed(dataDir, node, broker.url());
        FakeServer server = server();
        EdgeDaemon daemon = daemon(node, Map.of());
        server.await(MessageKind.HELLO, 1, WAIT);
        server.ack(TENANT, node, 0);

        String first = server.command(TENANT, node, new Sync(0, 7, false, List.of()));
        FakeServer.Received result = server.await(MessageKind.SYNC_RESULT, 1, WAIT);
        assertThat(result.topic()).isEqualTo(Topics.commandResponse(TENANT, node, first, 200));
        assertThat(result.envelope().body()).isEqualTo(new SyncResult(7));
        assertThat(result.contentType()).isEqualTo(Envelope.CONTENT_TYPE);

        String older = server.command(TENANT, node, new Sync(0, 5, false, List.of()));
        result = server.await(MessageKind.SYNC_RESULT, 2, WAIT);
        assertThat(result.topic()).isEqualTo(Topics.commandResponse(TENANT, node, older, 200));
        assertThat(result.envelope().body()).isEqualTo(new SyncResult(7));

        String gap = server.command(TENANT, node, new Sync(9, 12, false, List.of()));
        result = server.await(MessageKind.SYNC_RESULT, 3, WAIT);
        assertThat(result.topic()).isEqualTo(Topics.commandResponse(TENANT, node, gap, 409));
        assertThat(result.envelope().body()).isEqualTo(new SyncResult(7));

        assertThat(daemon.sync().appliedVersion()).isEqualTo(7);
    }

    @Test
    void malformedOrMisaddressedCommandsAreRefusedAndTheDaemonKeepsServing() {
        String node = "careful";
        TestStores.seed(dataDir, node, broker.url());
        FakeServer server = server();
        EdgeDaemon daemon = daemon(node, Map.of());
        server.await(MessageKind.HELLO, 1, WAIT);

        server.publish(
                Topics.commandRequest(TENANT, node, "r-1", "sync"), "{\"v\":1,".getBytes(StandardCharsets.UTF_8));
        server.publish(
                Topics.commandRequest(TENANT, node, "r-2", "sync"),
                new ProtocolCodec()
                        .encode(Envelope.of("someone-else", Instant.now(), new Sync(0, 3, false, List.of()))));
        Wait.until("two refusals", WAIT, () -> daemon.link().refusedCount() == 2);

        String ok = server.command(TENANT, node, new Sync(0, 3, false, List.of()));
        FakeServer.Received result = server.await(MessageKind.SYNC_RESULT, 1, WAIT);
        assertThat(result.topic()).isEqualTo(Topics.commandResponse(TENANT, node, ok, 200));
        assertThat(server.received(MessageKind.SYNC_RESULT)).hasSize(1);
        assertThat(daemon.link().connected()).isTrue();
    }

    @Test
    void aBacklogLargerThanTheBrokersWindowArrivesCompleteAndInOrder() throws InterruptedException {
        String node = "backlog";
        int backlog = 150;
        seed(node, backlog);
        FakeServer server = server();
        daemon(node, Map.of(ConfigKey.MAX_INFLIGHT, "64"));
        server.await(MessageKind.HELLO, 1, WAIT);
        server.ack(TENANT, node, 0);

        // The server applies in order and acknowledges what it has, as the real one does.
        long acked = 0;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (acked < backlog + 1 && System.nanoTime() < deadline) {
            List<Long> seqs = server.seqs();
            long contiguous = acked;
            while (seqs.contains(contiguous + 1)) {
                contiguous++;
            }
            if (contiguous > acked) {
                acked = contiguous;
                server.ack(TENANT, node, acked);
            }
            Thread.sleep(5);
        }

        assertThat(server.seqs()).containsExactlyElementsOf(range(1, backlog + 1));
    }
}
