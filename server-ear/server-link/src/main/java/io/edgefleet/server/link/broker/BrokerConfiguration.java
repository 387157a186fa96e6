package io.edgefleet.server.link.broker;

import io.edgefleet.server.link.LinkException;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/** The Artemis configuration of the embedded broker; every choice that differs from Artemis's default says why. */
final class BrokerConfiguration {

    static final String ACCEPTOR = "mqtt";

    /** How long a start waits for the data directory's lock before it gives up. */
    static final long LOCK_TIMEOUT_MILLIS = 5_000;

    private static final long MIN_GLOBAL_MAX_BYTES = 16L * 1024 * 1024;

    private BrokerConfiguration() {}

    static ConfigurationImpl build(EmbeddedBrokerConfig config, Path dataDir) {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setName("edgefleet-broker");
        configuration.setPersistenceEnabled(true);
        configuration.setJournalType(JournalType.NIO);
        configuration.setJournalDirectory(dataDir.resolve("journal").toString());
        configuration.setBindingsDirectory(dataDir.resolve("bindings").toString());
        configuration.setPagingDirectory(dataDir.resolve("paging").toString());
        configuration.setLargeMessagesDirectory(
                dataDir.resolve("large-messages").toString());
        configuration.setNodeManagerLockDirectory(dataDir.toString());
        // Artemis waits forever for the lock of a data directory another broker holds; an
        // application server must not hang at start for that.
        configuration.setJournalLockAcquisitionTimeout(LOCK_TIMEOUT_MILLIS);
        configuration.setJMXManagementEnabled(false);
        configuration.setSecurityEnabled(true);
        // Artemis's well-known default cluster credentials would grant full access: replace them
        // with a secret nobody knows (there is no cluster).
        configuration.setClusterUser("edgefleet-cluster-" + UUID.randomUUID());
        configuration.setClusterPassword(UUID.randomUUID().toString());
        // See BrokerSecurityManager: the client-id rule must be checked on every connection.
        configuration.setAuthenticationCacheSize(0);
        // The analyzer's policies can halt the JVM, which must never happen inside an app server.
        configuration.setCriticalAnalyzer(false);
        configuration.setGracefulShutdownEnabled(false);
        // Artemis's default holds up to half the heap in messages before paging to disk; the broker
        // shares the heap with the server's domain, so it gets an eighth.
        configuration.setGlobalMaxSize(
                Math.max(MIN_GLOBAL_MAX_BYTES, Runtime.getRuntime().maxMemory() / 8));
        // Without these, Artemis warns twice for every queue, i.e. for every MQTT subscription.
        AddressSettings everything = new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("edgefleet.dead-letters"))
                .setAutoCreateDeadLetterResources(true)
                .setExpiryAddress(SimpleString.of("edgefleet.expired"))
                .setAutoCreateExpiryResources(true);
        configuration.addAddressSetting("#", everything);
        try {
            // NIO rather than epoll: no native library to unpack, the same on every OS.
            configuration.addAcceptorConfiguration(
                    ACCEPTOR,
                    "tcp://" + hostForUri(config.host()) + ":" + config.port()
                            + "?protocols=MQTT&useEpoll=false&useKQueue=false");
        } catch (Exception e) {
            throw new LinkException(
                    "broker-config",
                    500,
                    "invalid broker address " + config.host(),
                    "use a host name or IP address",
                    e);
        }
        return configuration;
    }

    static String hostForUri(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
