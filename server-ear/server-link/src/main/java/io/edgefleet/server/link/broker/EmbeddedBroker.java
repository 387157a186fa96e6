package io.edgefleet.server.link.broker;

import io.edgefleet.server.link.LinkException;
import io.edgefleet.server.link.NodeAuthenticator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.activemq.artemis.core.protocol.mqtt.MQTTProtocolManagerFactory;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup MQTT broker: Apache ActiveMQ Artemis in this JVM with one MQTT acceptor, a
 * persistent journal (QoS 1 messages and persistent sessions survive a restart) and the per-node
 * ACL of {@link NodeAcl}. No JMX, no web console, no clustering; a server cluster uses an external
 * broker instead.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedBrokerConfig config;
    private final ActiveMQServer server;
    private final int port;

    private EmbeddedBroker(EmbeddedBrokerConfig config, ActiveMQServer server, int port) {
        this.config = config;
        this.server = server;
        this.port = port;
    }

    /**
     * Starts the broker and returns once it accepts connections.
     *
     * @throws LinkException {@code broker-data-dir} when the data directory cannot be created,
     *     {@code broker-start-failed} when Artemis does not start, {@code broker-port-unavailable}
     *     when the port cannot be bound
     */
    public static EmbeddedBroker start(EmbeddedBrokerConfig config, NodeAuthenticator authenticator) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(authenticator, "authenticator");
        Path dataDir = config.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new LinkException(
                    "broker-data-dir",
                    500,
                    "cannot create the broker's data directory " + dataDir,
                    "create it or point the broker's data directory at a writable place",
                    e);
        }
        ActiveMQServer server = new ActiveMQServerImpl(
                BrokerConfiguration.build(config, dataDir),
                new BrokerSecurityManager(config.serverUsername(), config.serverPassword(), authenticator));
        // Registered by hand rather than found with ServiceLoader, which depends on the class loader
        // an application server gives us.
        server.addProtocolManagerFactory(new MQTTProtocolManagerFactory());
        Exception failure = null;
        try {
            server.start();
        } catch (Exception e) {
            failure = e;
        }
        // Artemis reports some failures (e.g. the data directory's lock) only in its log and by not
        // becoming active.
        if (failure != null || !server.isActive()) {
            stopQuietly(server);
            throw new LinkException(
                    "broker-start-failed",
                    503,
                    "the embedded MQTT broker did not start" + (failure == null ? "" : ": " + failure),
                    "check the log above for Artemis's reason (AMQ…); is " + dataDir
                            + " used by another broker (its lock is awaited for "
                            + BrokerConfiguration.LOCK_TIMEOUT_MILLIS + " ms)?",
                    failure);
        }
        Acceptor acceptor = server.getRemotingService().getAcceptor(BrokerConfiguration.ACCEPTOR);
        if (acceptor == null || !acceptor.isStarted() || acceptor.getActualPort() <= 0) {
            stopQuietly(server);
            throw new LinkException(
                    "broker-port-unavailable",
                    503,
                    "the embedded MQTT broker cannot listen on " + config.host() + ":" + config.port(),
                    "another process probably uses that port: choose another one or stop it");
        }
        int actualPort = acceptor.getActualPort();
        LOG.info("EF2013 embedded MQTT broker listening on {}:{} with data in {}", config.host(), actualPort, dataDir);
        return new EmbeddedBroker(config, server, actualPort);
    }

    /** The port the broker listens on; the one it picked when the config said 0. */
    public int port() {
        return port;
    }

    /** Where a client in this JVM reaches the broker: {@code tcp://host:port}, loopback for wildcard hosts. */
    public String url() {
        String host = config.host();
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            host = "127.0.0.1";
        }
        return "tcp://" + BrokerConfiguration.hostForUri(host) + ":" + port;
    }

    public EmbeddedBrokerConfig config() {
        return config;
    }

    /** Stops the broker and all of its threads; messages in the journal stay for the next start. */
    @Override
    public void close() {
        if (stopQuietly(server)) {
            LOG.info("EF2014 embedded MQTT broker on port {} stopped", port);
        }
    }

    private static boolean stopQuietly(ActiveMQServer server) {
        try {
            server.stop();
            return true;
        } catch (Exception e) {
            LOG.warn("EF2015 embedded MQTT broker did not stop cleanly: {}", e.toString(), e);
            return false;
        }
    }

    @Override
    public String toString() {
        return "EmbeddedBroker[" + url() + ", dataDir=" + config.dataDir() + "]";
    }
}
