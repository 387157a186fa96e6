package io.edgefleet.server.link.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The embedded broker: where it listens, where it keeps its data, and the one account with full
 * access, which the server's own link uses.
 *
 * @param host interface to listen on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port MQTT port; 0 picks a free one (see {@link EmbeddedBroker#port()})
 * @param dataDir journal, bindings, paging and large messages live below it; one broker per directory
 * @param serverUsername must not contain {@code @}, which marks node accounts
 * @param serverPassword never printed by {@link #toString()}
 */
public record EmbeddedBrokerConfig(String host, int port, Path dataDir, String serverUsername, String serverPassword) {

    public EmbeddedBrokerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(serverUsername, "serverUsername");
        Objects.requireNonNull(serverPassword, "serverPassword");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (serverUsername.isBlank() || serverUsername.contains("@")) {
            throw new IllegalArgumentException("serverUsername must not be blank nor contain '@' (node accounts do)");
        }
        if (serverPassword.isEmpty()) {
            throw new IllegalArgumentException("serverPassword must not be empty");
        }
    }

    /** The same config on another port, e.g. to restart on the port a first start picked. */
    public EmbeddedBrokerConfig withPort(int newPort) {
        return new EmbeddedBrokerConfig(host, newPort, dataDir, serverUsername, serverPassword);
    }

    @Override
    public String toString() {
        return "EmbeddedBrokerConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", serverUsername="
                + serverUsername + ", serverPassword=***]";
    }
}
