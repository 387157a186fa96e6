package io.edgefleet.server.edge;

import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.server.link.LinkState;
import io.edgefleet.server.link.NodeAuthenticator;
import io.edgefleet.server.link.UpstreamHandler;
import io.edgefleet.server.link.broker.EmbeddedBroker;
import io.edgefleet.server.link.broker.EmbeddedBrokerConfig;
import io.edgefleet.server.link.mqtt.MqttEdgeLink;
import io.edgefleet.server.link.mqtt.MqttLinkConfig;
import io.edgefleet.server.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the edge link: the embedded Artemis broker (unless an external broker is
 * configured) and the MQTT link the server subscribes through. The embedded broker knows the server by
 * a user whose password is generated at every start and lives only in memory.
 */
@ApplicationScoped
public class EdgeLinkRunner implements CommandSender {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeLinkRunner.class);
    static final String SERVER_USER = "edgefleet-server";

    @Inject
    LinkSettings settings;

    @Inject
    EdgeEndpoint endpoint;

    private volatile EmbeddedBroker broker;
    private volatile MqttEdgeLink link;

    /**
     * Starts the broker (when embedded) and the link; returns when the first connection attempt ended.
     *
     * @param handler receives upstream traffic; a contextual proxy, since the link calls it on its own
     *     threads
     * @param authenticator checks edge credentials at the embedded broker; also a contextual proxy
     */
    public synchronized void start(UpstreamHandler handler, NodeAuthenticator authenticator) {
        String url;
        Optional<String> username;
        Optional<String> password;
        if (settings.embedded()) {
            String serverPassword = Secrets.newNodePassword();
            broker = EmbeddedBroker.start(
                    new EmbeddedBrokerConfig(
                            settings.brokerHost(),
                            settings.brokerPort(),
                            settings.brokerDataDir(),
                            SERVER_USER,
                            serverPassword),
                    authenticator);
            url = settings.url().orElse(settings.embeddedUrl(broker.port()));
            username = Optional.of(SERVER_USER);
            password = Optional.of(serverPassword);
        } else {
            url = settings.url().orElseThrow();
            username = settings.username();
            password = settings.password();
        }
        MqttLinkConfig defaults = MqttLinkConfig.defaults(url, "edgefleet-server-" + memberId());
        MqttLinkConfig config = new MqttLinkConfig(
                defaults.serverUri(),
                defaults.clientId(),
                username,
                password,
                defaults.maxInflight(),
                defaults.connectTimeout(),
                defaults.trustStore(),
                defaults.trustStorePassword());
        endpoint.set(settings.edgeUrl().orElse(url));
        MqttEdgeLink started = new MqttEdgeLink(config, new ProtocolCodec());
        link = started;
        started.start(handler);
        LOG.info("EF2052 edge link to {} started as {}: {}", url, config.clientId(), started.state());
    }

    @Override
    public boolean send(String tenant, Envelope command) {
        MqttEdgeLink current = link;
        return current != null && current.sendCommand(tenant, command);
    }

    @Override
    public boolean send(String tenant, Envelope command, String requestId) {
        MqttEdgeLink current = link;
        return current != null && current.sendCommand(tenant, command, requestId);
    }

    public LinkState state() {
        MqttEdgeLink current = link;
        return current == null ? LinkState.DISCONNECTED : current.state();
    }

    /** Closes the link first (no more traffic), then the broker. */
    public synchronized void stop() {
        MqttEdgeLink currentLink = link;
        link = null;
        if (currentLink != null) {
            try {
                currentLink.close();
            } catch (RuntimeException e) {
                LOG.warn("EF2053 closing the edge link failed: {}", e.toString());
            }
        }
        EmbeddedBroker currentBroker = broker;
        broker = null;
        if (currentBroker != null) {
            try {
                currentBroker.close();
            } catch (Exception e) {
                LOG.warn("EF2054 closing the embedded broker failed: {}", e.toString());
            }
        }
    }

    /** A random id per start, so that two cluster members (or a restart) never share a client id. */
    private static String memberId() {
        byte[] bytes = new byte[4];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
