package io.edgefleet.server.link.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.edgefleet.protocol.Ack;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.Topics;
import io.edgefleet.server.link.LinkException;
import io.edgefleet.server.link.testsupport.ArtemisBroker;
import io.edgefleet.server.link.testsupport.FakeNode;
import io.edgefleet.server.link.testsupport.TestBroker;
import io.edgefleet.testsupport.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Artemis broker: node logins, the per-node ACL and persistence, seen by real MQTT clients. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedBrokerIT {

    private static final ProtocolCodec CODEC = new ProtocolCodec();
    private static final AtomicInteger TENANTS = new AtomicInteger();

    private ArtemisBroker artemis;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    @BeforeAll
    void startBroker(@TempDir Path dataDir) {
        artemis = new ArtemisBroker(dataDir);
    }

    @AfterAll
    void stopBroker() {
        artemis.close();
    }

    @AfterEach
    void closeClients() throws Exception {
        while (!resources.isEmpty()) {
            resources.pop().close();
        }
    }

    private static String newTenant() {
        return "b" + TENANTS.incrementAndGet();
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.push(resource);
        return resource;
    }

    private FakeNode node(String tenant, String name) throws MqttException {
        return closeLater(artemis.node(tenant, name));
    }

    private FakeNode observer() throws MqttException {
        FakeNode observer = closeLater(artemis.privileged(TestBroker.linkClientId("observer")));
        assertThat(observer.subscribe("#")).isLessThan(0x80);
        return observer;
    }

    private FakeNode connectAs(String clientId, Optional<String> user, Optional<String> password) throws MqttException {
        return closeLater(FakeNode.connect(artemis.url(), clientId, "-", "-", user, password));
    }

    private static byte[] hello(String node) {
        return CODEC.encode(Envelope.of(node, Instant.now(), new Hello("0.1.0", 0, 0, Instant.now())));
    }

    /** Returns whether the broker acknowledged the publish; the callers check where it went. */
    private static boolean tryPublish(FakeNode node, String topic, byte[] payload) {
        try {
            node.publish(topic, payload);
            return true;
        } catch (MqttException e) {
            return false;
        }
    }

    private static int reasonCode(Throwable thrown) {
        assertThat(thrown).isInstanceOf(MqttException.class);
        return ((MqttException) thrown).getReasonCode();
    }

    @Test
    void brokerPicksAnEphemeralPortForPortZero() {
        assertThat(artemis.broker().port()).isPositive();
        assertThat(artemis.broker().url())
                .isEqualTo("tcp://127.0.0.1:" + artemis.broker().port());
    }

    @Test
    void nodeWithValidCredentialsConnectsAndPublishesToItsOwnTopics() throws Exception {
        FakeNode observer = observer();
        String tenant = newTenant();
        FakeNode edge = node(tenant, "edge-1");

        edge.publish(Topics.event(tenant, "edge-1"), hello("edge-1"));
        edge.publish(Topics.telemetry(tenant, "edge-1"), "{}");
        edge.publish(Topics.commandResponse(tenant, "edge-1", "abc123", 200), "{}");

        Wait.until("three messages at the observer", () -> observer.received().size() == 3);
        assertThat(observer.received())
                .extracting(FakeNode.Received::topic)
                .containsExactly(
                        "event/" + tenant + "/edge-1",
                        "telemetry/" + tenant + "/edge-1",
                        "command/" + tenant + "/edge-1/res/abc123/200");
    }

    @Test
    void wrongPasswordUnknownUserAndAnonymousAreRefused() {
        String tenant = newTenant();
        String user = artemis.authenticator().register(tenant, "edge-1", "right");
        String clientId = TestBroker.clientIdOf(tenant, "edge-1");

        Throwable wrongPassword = catchThrowable(() -> connectAs(clientId, Optional.of(user), Optional.of("wrong")));
        Throwable unknownUser = catchThrowable(() ->
                connectAs(TestBroker.clientIdOf(tenant, "ghost"), Optional.of("ghost@" + tenant), Optional.of("x")));
        Throwable anonymous = catchThrowable(() -> connectAs(clientId, Optional.empty(), Optional.empty()));
        Throwable wrongServerPassword = catchThrowable(() ->
                connectAs("server-x", Optional.of(ArtemisBroker.SERVER_USER), Optional.of("not-the-server-password")));

        assertThat(List.of(wrongPassword, unknownUser, anonymous, wrongServerPassword))
                .allSatisfy(thrown -> assertThat(reasonCode(thrown)).isBetween(0x80, 0xFF));
    }

    @Test
    void nodeMustConnectWithItsOwnClientId() throws Exception {
        String tenant = newTenant();
        FakeNode victim = node(tenant, "edge-2");
        String user = artemis.authenticator().register(tenant, "edge-1", "secret-1");

        Throwable takeover = catchThrowable(
                () -> connectAs(TestBroker.clientIdOf(tenant, "edge-2"), Optional.of(user), Optional.of("secret-1")));
        Throwable random = catchThrowable(() -> connectAs("anything", Optional.of(user), Optional.of("secret-1")));

        assertThat(reasonCode(takeover)).isBetween(0x80, 0xFF);
        assertThat(reasonCode(random)).isBetween(0x80, 0xFF);
        assertThat(victim.isConnected()).as("the other node keeps its session").isTrue();
    }

    @Test
    void nodeCannotPublishToAnotherNodesTopics() throws Exception {
        FakeNode observer = observer();
        String tenant = newTenant();
        FakeNode edge = node(tenant, "edge-1");
        List<String> forbidden = List.of(
                Topics.event(tenant, "edge-2"),
                Topics.telemetry(tenant, "edge-2"),
                Topics.event("other", "edge-1"),
                Topics.commandResponse(tenant, "edge-2", "r1", 200),
                Topics.commandRequest(tenant, "edge-2", "r1", "sync"),
                Topics.commandRequest(tenant, "edge-1", "r1", "sync"),
                "command/" + tenant + "/edge-1/res/*/200",
                "somewhere/else");

        for (String topic : forbidden) {
            if (!edge.isConnected()) {
                edge = node(tenant, "edge-1");
            }
            // Artemis answers an unauthorised QoS 1 publish with a failure PUBACK (or drops the
            // connection); either way the message must go nowhere.
            tryPublish(edge, topic, hello("edge-1"));
        }
        FakeNode sentinelSender = edge.isConnected() ? edge : node(tenant, "edge-1");
        sentinelSender.publish(Topics.event(tenant, "edge-1"), hello("edge-1"));

        Wait.until("the sentinel at the observer", () -> observer.received().stream()
                .anyMatch(r -> r.topic().equals(Topics.event(tenant, "edge-1"))));
        assertThat(observer.received())
                .extracting(FakeNode.Received::topic)
                .containsExactly(Topics.event(tenant, "edge-1"));
    }

    @Test
    void nodeCannotSubscribeToAnotherNodesCommandsNorToUpstreamTraffic() throws Exception {
        String tenant = newTenant();
        FakeNode spy = node(tenant, "edge-1");
        FakeNode target = node(tenant, "edge-2");
        assertThat(target.subscribe(Topics.commandRequestFilter(tenant, "edge-2")))
                .isLessThan(0x80);

        for (String filter : List.of(
                Topics.commandRequestFilter(tenant, "edge-2"),
                "command/+/+/req/#",
                "command/" + tenant + "/#",
                "event/#",
                "#")) {
            if (!spy.isConnected()) {
                spy = node(tenant, "edge-1");
            }
            FakeNode current = spy;
            Throwable thrown = catchThrowable(() -> assertThat(current.subscribe(filter))
                    .as("reason code for %s", filter)
                    .isGreaterThanOrEqualTo(0x80));
            if (thrown instanceof AssertionError error) {
                throw error;
            }
        }
        FakeNode server = closeLater(artemis.privileged(TestBroker.linkClientId("server")));
        server.publish(
                Topics.commandRequest(tenant, "edge-2", "r1", "ack"),
                CODEC.encode(Envelope.of("edge-2", Instant.now(), new Ack(1))));

        Wait.until("the command at its node", () -> target.received().size() == 1);
        assertThat(spy.received()).isEmpty();
    }

    @Test
    void queuedCommandForAnOfflineNodeSurvivesABrokerRestart() throws Exception {
        String tenant = newTenant();
        String user = artemis.authenticator().register(tenant, "edge-1", "secret-1");
        String clientId = TestBroker.clientIdOf(tenant, "edge-1");
        try (FakeNode first = FakeNode.connect(
                artemis.url(), clientId, tenant, "edge-1", Optional.of(user), Optional.of("secret-1"), false)) {
            assertThat(first.subscribe(Topics.commandRequestFilter(tenant, "edge-1")))
                    .isLessThan(0x80);
        }
        try (FakeNode server = artemis.privileged(TestBroker.linkClientId("server"))) {
            server.publish(
                    Topics.commandRequest(tenant, "edge-1", "r1", "ack"),
                    CODEC.encode(Envelope.of("edge-1", Instant.now(), new Ack(5))));
        }

        artemis.crash();
        artemis.start();

        FakeNode again = closeLater(FakeNode.connect(
                artemis.url(), clientId, tenant, "edge-1", Optional.of(user), Optional.of("secret-1"), false));
        Wait.until(
                "the queued command after the restart", () -> again.received().size() == 1);
        assertThat(again.received().getFirst().topic()).isEqualTo(Topics.commandRequest(tenant, "edge-1", "r1", "ack"));
    }

    @Test
    void secondBrokerOnTheSameDataDirectoryFailsInsteadOfWaitingForever() {
        EmbeddedBrokerConfig sameDir = artemis.broker().config().withPort(0);

        long started = System.nanoTime();
        assertThatThrownBy(() ->
                        EmbeddedBroker.start(sameDir, artemis.authenticator()).close())
                .isInstanceOf(LinkException.class)
                .satisfies(e -> assertThat(((LinkException) e).code()).isEqualTo("broker-start-failed"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(artemis.broker().port()).isPositive();
    }

    @Test
    void closeStopsTheBrokersThreads(@TempDir Path dataDir) {
        List<String> before = brokerThreads();
        EmbeddedBroker broker = EmbeddedBroker.start(
                new EmbeddedBrokerConfig("127.0.0.1", 0, dataDir, "srv", "pw"), artemis.authenticator());
        broker.close();

        Wait.until(
                "the broker's threads to end",
                Duration.ofSeconds(10),
                () -> brokerThreads().size() <= before.size());
    }

    private static List<String> brokerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.toLowerCase(java.util.Locale.ROOT).contains("activemq"))
                .toList();
    }
}
