package io.edgefleet.server.link.testsupport;

import io.edgefleet.server.link.broker.EmbeddedBroker;
import io.edgefleet.server.link.broker.EmbeddedBrokerConfig;
import io.edgefleet.server.link.mqtt.MqttLinkConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.paho.mqttv5.common.MqttException;

/** The embedded broker from this module, with nodes registered on the fly. */
public final class ArtemisBroker implements TestBroker {
    public static final String SERVER_USER = "edgefleet-server";
    public static final String SERVER_PASSWORD = "server-secret-for-tests";

    private final TestNodeAuthenticator authenticator = new TestNodeAuthenticator();
    private EmbeddedBrokerConfig config;
    private EmbeddedBroker broker;

    public ArtemisBroker(Path dataDir) {
        this.config = new EmbeddedBrokerConfig("127.0.0.1", 0, dataDir, SERVER_USER, SERVER_PASSWORD);
        start();
    }

    public TestNodeAuthenticator authenticator() {
        return authenticator;
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public String url() {
        return broker.url();
    }

    @Override
    public String name() {
        return "artemis";
    }

    @Override
    public MqttLinkConfig linkConfig(String clientId) {
        return MqttLinkConfig.defaults(broker.url(), clientId).withCredentials(SERVER_USER, SERVER_PASSWORD);
    }

    /** Registers the node with password {@code secret-{node}} and connects it. */
    @Override
    public FakeNode node(String tenant, String node) throws MqttException {
        String username = authenticator.register(tenant, node, "secret-" + node);
        return FakeNode.connect(
                broker.url(),
                TestBroker.clientIdOf(tenant, node),
                tenant,
                node,
                Optional.of(username),
                Optional.of("secret-" + node));
    }

    /** A client with the server account: sees everything, may publish anywhere. */
    public FakeNode privileged(String clientId) throws MqttException {
        return FakeNode.connect(
                broker.url(), clientId, "-", "-", Optional.of(SERVER_USER), Optional.of(SERVER_PASSWORD));
    }

    @Override
    public void crash() {
        broker.close();
    }

    @Override
    public void start() {
        broker = EmbeddedBroker.start(config, authenticator);
        config = config.withPort(broker.port());
    }

    @Override
    public void close() {
        broker.close();
    }
}
