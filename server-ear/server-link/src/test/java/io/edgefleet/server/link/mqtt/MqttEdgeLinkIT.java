package io.edgefleet.server.link.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.protocol.Ack;
import io.edgefleet.protocol.DecodeResult;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Heartbeat;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.SyncResult;
import io.edgefleet.protocol.Topics;
import io.edgefleet.server.link.InboundMessage;
import io.edgefleet.server.link.LinkState;
import io.edgefleet.server.link.testsupport.ArtemisBroker;
import io.edgefleet.server.link.testsupport.FakeNode;
import io.edgefleet.server.link.testsupport.MosquittoBroker;
import io.edgefleet.server.link.testsupport.RecordingHandler;
import io.edgefleet.server.link.testsupport.TestBroker;
import io.edgefleet.testsupport.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT-direct link against real brokers: the embedded Artemis of this module and a Mosquitto
 * process. The edge side is a plain Paho client ({@link FakeNode}); nothing of the link is mocked.
 */
class MqttEdgeLinkIT {

    private static final ProtocolCodec CODEC = new ProtocolCodec();
    private static final AtomicInteger TENANTS = new AtomicInteger();

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnEmbeddedArtemis extends LinkContract {
        @Override
        TestBroker startBroker(Path dir) {
            return new ArtemisBroker(dir);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnMosquitto extends LinkContract {
        @Override
        TestBroker startBroker(Path dir) {
            return new MosquittoBroker(dir);
        }
    }

    /** The same behaviour on every broker. */
    abstract static class LinkContract {
        private TestBroker broker;
        private final Deque<AutoCloseable> resources = new ArrayDeque<>();

        abstract TestBroker startBroker(Path dir);

        @BeforeAll
        void startBrokerOnce(@TempDir Path dir) {
            broker = startBroker(dir);
        }

        @AfterAll
        void stopBroker() {
            broker.close();
        }

        @AfterEach
        void closeLinksAndNodes() throws Exception {
            while (!resources.isEmpty()) {
                resources.pop().close();
            }
        }

        private static String newTenant() {
            return "t" + TENANTS.incrementAndGet();
        }

        private MqttEdgeLink startLink(RecordingHandler handler) {
            MqttEdgeLink link = new MqttEdgeLink(broker.linkConfig(TestBroker.linkClientId("it")), CODEC);
            resources.push(link);
            link.start(handler);
            assertThat(link.state()).as("state after start").isEqualTo(LinkState.CONNECTED);
            return link;
        }

        private FakeNode node(String tenant, String name) throws Exception {
            FakeNode node = broker.node(tenant, name);
            resources.push(node);
            return node;
        }

        private static Envelope hello(String node) {
            return Envelope.of(node, Instant.now(), new Hello("0.1.0", 7, 3, Instant.parse("2026-01-01T00:00:00Z")));
        }

        private static Envelope heartbeat(String node, long outboxDepth) {
            return Envelope.of(node, Instant.now(), new Heartbeat(outboxDepth));
        }

        @Test
        void helloAndHeartbeatArriveAsInboundMessages() throws Exception {
            RecordingHandler handler = new RecordingHandler();
            MqttEdgeLink link = startLink(handler);
            String tenant = newTenant();
            FakeNode edge = node(tenant, "edge-1");

            edge.send(hello("edge-1"));
            edge.send(heartbeat("edge-1", 4));

            Wait.until("hello and heartbeat", () -> handler.messagesOf(tenant).size() == 2);
            InboundMessage hello = handler.messagesOf(tenant).stream()
                    .filter(m -> m.envelope().kind() == MessageKind.HELLO)
                    .findFirst()
                    .orElseThrow();
            assertThat(hello.node()).isEqualTo("edge-1");
            assertThat(hello.channel()).isEqualTo(MessageKind.Channel.EVENT);
            assertThat(hello.requestId()).isEmpty();
            assertThat(hello.status()).isZero();
            assertThat(((Hello) hello.envelope().body()).appliedVersion()).isEqualTo(7);
            InboundMessage beat = handler.messagesOf(tenant).stream()
                    .filter(m -> m.envelope().kind() == MessageKind.HEARTBEAT)
                    .findFirst()
                    .orElseThrow();
            assertThat(beat.channel()).isEqualTo(MessageKind.Channel.TELEMETRY);
            assertThat(((Heartbeat) beat.envelope().body()).outboxDepth()).isEqualTo(4);
            assertThat(link.receivedCount()).isGreaterThanOrEqualTo(2);
            assertThat(handler.rejected()).isEmpty();
        }

        @Test
        void commandResponseArrivesWithItsRequestIdAndStatus() throws Exception {
            RecordingHandler handler = new RecordingHandler();
            startLink(handler);
            String tenant = newTenant();
            FakeNode edge = node(tenant, "edge-1");

            Envelope result = Envelope.of("edge-1", Instant.now(), new SyncResult(42));
            edge.publish(Topics.commandResponse(tenant, "edge-1", "req123", 200), CODEC.encode(result));

            Wait.until("sync-result", () -> handler.messagesOf(tenant).size() == 1);
            InboundMessage message = handler.messagesOf(tenant).getFirst();
            assertThat(message.channel()).isEqualTo(MessageKind.Channel.COMMAND_RESPONSE);
            assertThat(message.requestId()).isEqualTo("req123");
            assertThat(message.status()).isEqualTo(200);
            assertThat(message.envelope().body()).isEqualTo(new SyncResult(42));
        }

        @Test
        void badMessagesAreRefusedCountedAndTheLinkKeepsWorking() throws Exception {
            RecordingHandler handler = new RecordingHandler();
            MqttEdgeLink link = startLink(handler);
            String tenant = newTenant();
            FakeNode edge = node(tenant, "edge-1");
            byte[] oversized = new byte[CODEC.maxMessageBytes() + 1];
            Arrays.fill(oversized, (byte) ' ');

            edge.publish(Topics.event(tenant, "edge-1"), "{not json");
            edge.publish(Topics.event(tenant, "edge-1"), oversized);
            edge.send(hello("edge-2")); // the envelope claims another node than the topic
            edge.publish(Topics.event(tenant, "edge-1"), CODEC.encode(heartbeat("edge-1", 0))); // telemetry kind
            edge.publish(Topics.commandResponse(tenant, "edge-1", "req1", 200).replace("/200", "/ok"), "{}");
            edge.send(hello("edge-1"));

            Wait.until(
                    "five refusals and the valid hello",
                    () -> handler.rejected().size() == 5
                            && handler.messagesOf(tenant).size() == 1);
            assertThat(handler.rejected())
                    .extracting(r -> r.code())
                    .containsExactlyInAnyOrder(
                            "malformed-json", "too-large", "node-mismatch", "wrong-channel", "unknown-topic");
            assertThat(link.rejectedCounts())
                    .containsEntry("malformed-json", 1L)
                    .containsEntry("too-large", 1L)
                    .containsEntry("node-mismatch", 1L)
                    .containsEntry("wrong-channel", 1L)
                    .containsEntry("unknown-topic", 1L);
            assertThat(link.receivedCount()).isEqualTo(6);
            assertThat(link.acceptedCount()).isEqualTo(1);
            assertThat(link.state()).isEqualTo(LinkState.CONNECTED);
            assertThat(handler.messagesOf(tenant).getFirst().envelope().kind()).isEqualTo(MessageKind.HELLO);
        }

        @Test
        void handlerThatThrowsDoesNotStopTheLink() throws Exception {
            RecordingHandler handler =
                    new RecordingHandler().throwingOn(m -> m.envelope().kind() == MessageKind.HELLO);
            MqttEdgeLink link = startLink(handler);
            String tenant = newTenant();
            FakeNode edge = node(tenant, "edge-1");

            edge.send(hello("edge-1"));
            edge.send(heartbeat("edge-1", 1));

            Wait.until("hello and heartbeat", () -> handler.messagesOf(tenant).size() == 2);
            assertThat(link.handlerFailureCount()).isEqualTo(1);
            assertThat(link.state()).isEqualTo(LinkState.CONNECTED);
        }

        @Test
        void sendCommandReachesTheNodeWithTopicAndContentType() throws Exception {
            MqttEdgeLink link = startLink(new RecordingHandler());
            String tenant = newTenant();
            FakeNode edge = node(tenant, "edge-1");
            assertThat(edge.subscribe(Topics.commandRequestFilter(tenant, "edge-1")))
                    .isLessThan(0x80);

            // The wire carries milliseconds.
            Envelope ack = Envelope.of("edge-1", Instant.now().truncatedTo(ChronoUnit.MILLIS), new Ack(12));
            assertThat(link.sendCommand(tenant, ack)).isTrue();

            Wait.until("the ack at the node", () -> edge.received().size() == 1);
            FakeNode.Received received = edge.received().getFirst();
            assertThat(received.topic()).matches("command/" + tenant + "/edge-1/req/[0-9a-z]{10}/ack");
            assertThat(received.contentType()).contains(Envelope.CONTENT_TYPE);
            assertThat(received.qos()).isEqualTo(1);
            assertThat(CODEC.decode(received.payload())).isEqualTo(new DecodeResult.Decoded(ack));
            assertThat(link.commandsSentCount()).isEqualTo(1);
        }

        @Test
        void sendCommandReturnsFalseWhenTheLinkIsNotConnected() {
            MqttEdgeLink link = new MqttEdgeLink(broker.linkConfig(TestBroker.linkClientId("idle")), CODEC);
            Envelope ack = Envelope.of("edge-1", Instant.now(), new Ack(1));
            assertThat(link.sendCommand("t1", ack)).as("before start").isFalse();

            link.start(new RecordingHandler());
            link.close();

            assertThat(link.state()).isEqualTo(LinkState.CLOSED);
            assertThat(link.sendCommand("t1", ack)).as("after close").isFalse();
        }

        @Test
        void linkReconnectsByItselfAfterTheBrokerComesBack() throws Exception {
            RecordingHandler handler = new RecordingHandler();
            MqttEdgeLink link = startLink(handler);
            String tenant = newTenant();

            broker.crash();
            Wait.until("link to notice the broker is gone", () -> link.state() == LinkState.DISCONNECTED);
            assertThat(link.sendCommand(tenant, Envelope.of("edge-1", Instant.now(), new Ack(1))))
                    .isFalse();
            broker.start();
            Wait.until("link to reconnect", Duration.ofSeconds(20), () -> link.state() == LinkState.CONNECTED);

            List<LinkState> states = handler.states();
            int lost = states.indexOf(LinkState.DISCONNECTED);
            assertThat(lost).as("states %s", states).isPositive();
            assertThat(states.subList(lost, states.size())).contains(LinkState.CONNECTED);

            FakeNode edge = node(tenant, "edge-1");
            edge.send(hello("edge-1"));
            Wait.until(
                    "hello after the restart", () -> handler.messagesOf(tenant).size() == 1);
        }

        @Test
        void twoLinksSplitTheSharedSubscription() throws Exception {
            RecordingHandler first = new RecordingHandler();
            RecordingHandler second = new RecordingHandler();
            startLink(first);
            startLink(second);
            String tenant = newTenant();
            FakeNode edge = node(tenant, "edge-1");
            int count = 40;

            for (int i = 0; i < count; i++) {
                edge.send(heartbeat("edge-1", i));
            }

            Wait.until(
                    "all heartbeats at one link or the other",
                    () -> first.messagesOf(tenant).size()
                                    + second.messagesOf(tenant).size()
                            >= count);
            assertThat(first.messagesOf(tenant)).as("first link's share").isNotEmpty();
            assertThat(second.messagesOf(tenant)).as("second link's share").isNotEmpty();
            List<Long> depths = java.util.stream.Stream.concat(
                            first.messagesOf(tenant).stream(), second.messagesOf(tenant).stream())
                    .map(m -> ((Heartbeat) m.envelope().body()).outboxDepth())
                    .sorted()
                    .toList();
            assertThat(depths).as("each heartbeat exactly once").hasSize(count).doesNotHaveDuplicates();
        }

        @Test
        void closeStopsEveryThreadOfTheLink() {
            String clientId = TestBroker.linkClientId("threads");
            MqttEdgeLink link = new MqttEdgeLink(broker.linkConfig(clientId), CODEC);
            link.start(new RecordingHandler());
            assertThat(threadsOf(clientId)).isNotEmpty();

            long started = System.nanoTime();
            link.close();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            Wait.until("the link's threads to end", Duration.ofSeconds(5), () -> threadsOf(clientId)
                    .isEmpty());
        }

        private static List<String> threadsOf(String clientId) {
            return Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .map(Thread::getName)
                    .filter(name -> name.contains(clientId))
                    .toList();
        }
    }
}
