package io.edgefleet.server.link.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the server's MQTT link reaches the broker.
 *
 * @param serverUri {@code tcp://host:port} or {@code ssl://host:port}
 * @param clientId unique per cluster member: two members with the same id would take each other's
 *     connection away in turn
 * @param username for brokers that require one (the embedded broker does)
 * @param password never printed by {@link #toString()}
 * @param maxInflight MQTT 5 receive maximum: how many unacknowledged QoS 1 messages the broker may
 *     send before it waits for the link
 * @param connectTimeout how long one connection attempt may take
 * @param trustStore for {@code ssl://}: the certificates to trust (PKCS12 or JKS, detected); the JDK's
 *     default trust store otherwise
 * @param trustStorePassword password of {@code trustStore}; never printed
 */
public record MqttLinkConfig(
        String serverUri,
        String clientId,
        Optional<String> username,
        Optional<String> password,
        int maxInflight,
        Duration connectTimeout,
        Optional<Path> trustStore,
        Optional<String> trustStorePassword) {

    /** Receive maximum when none is given: enough to keep a busy link full, small enough to bound memory. */
    public static final int DEFAULT_MAX_INFLIGHT = 100;

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public MqttLinkConfig {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        if (!serverUri.startsWith("tcp://") && !serverUri.startsWith("ssl://")) {
            throw new IllegalArgumentException("serverUri must start with tcp:// or ssl://: " + serverUri);
        }
        if (clientId.isBlank() || clientId.length() > 128) {
            throw new IllegalArgumentException("clientId must be 1 to 128 characters");
        }
        if (maxInflight < 1 || maxInflight > 65_535) {
            throw new IllegalArgumentException("maxInflight must be between 1 and 65535: " + maxInflight);
        }
        if (connectTimeout.isNegative() || connectTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
    }

    /** Anonymous, plain defaults: {@value #DEFAULT_MAX_INFLIGHT} in flight, 10 s connect timeout. */
    public static MqttLinkConfig defaults(String serverUri, String clientId) {
        return new MqttLinkConfig(
                serverUri,
                clientId,
                Optional.empty(),
                Optional.empty(),
                DEFAULT_MAX_INFLIGHT,
                DEFAULT_CONNECT_TIMEOUT,
                Optional.empty(),
                Optional.empty());
    }

    /** The same config with credentials. */
    public MqttLinkConfig withCredentials(String user, String secret) {
        return new MqttLinkConfig(
                serverUri,
                clientId,
                Optional.of(user),
                Optional.of(secret),
                maxInflight,
                connectTimeout,
                trustStore,
                trustStorePassword);
    }

    /** The same config with a trust store for {@code ssl://}. */
    public MqttLinkConfig withTrustStore(Path store, String storePassword) {
        return new MqttLinkConfig(
                serverUri,
                clientId,
                username,
                password,
                maxInflight,
                connectTimeout,
                Optional.of(store),
                Optional.of(storePassword));
    }

    public boolean tls() {
        return serverUri.startsWith("ssl://");
    }

    @Override
    public String toString() {
        return "MqttLinkConfig[serverUri=" + serverUri
                + ", clientId=" + clientId
                + ", username=" + username.orElse("(none)")
                + ", password=" + (password.isPresent() ? "***" : "(none)")
                + ", maxInflight=" + maxInflight
                + ", connectTimeout=" + connectTimeout
                + ", trustStore=" + trustStore.map(Path::toString).orElse("(JDK default)")
                + ", trustStorePassword=" + (trustStorePassword.isPresent() ? "***" : "(none)")
                + "]";
    }
}
