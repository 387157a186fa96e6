package io.edgefleet.edge.link;

import io.edgefleet.edge.config.EdgeConfig;
import io.edgefleet.edge.config.Secret;
import io.edgefleet.edge.store.Identity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the link needs, taken from the identity (who, where) and the settings (overrides, timing).
 * Derived once at start; not a second copy of {@link EdgeConfig} to be changed.
 *
 * @param brokerUrl {@code tcp://host:port} or {@code ssl://host:port}
 */
public record LinkSettings(
        String tenant,
        String node,
        String brokerUrl,
        String username,
        Secret password,
        Duration heartbeat,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration ackTimeout,
        int maxInflight,
        Optional<Path> trustStore,
        Optional<Secret> trustStorePassword) {

    public LinkSettings {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
    }

    public static LinkSettings of(EdgeConfig config, Identity identity) {
        String url = config.mqttUrl().map(URI::toString).orElse(identity.mqttUrl());
        int heartbeatSeconds = config.heartbeatSeconds().orElse(identity.heartbeatSeconds());
        return new LinkSettings(
                identity.tenant(),
                identity.node(),
                url,
                identity.username(),
                identity.password(),
                Duration.ofSeconds(heartbeatSeconds),
                config.reconnectMin(),
                config.reconnectMax(),
                config.ackTimeout(),
                config.maxInflight(),
                config.mqttTrustStore(),
                config.mqttTrustStorePassword());
    }

    /** MQTT client id, {@code edge.{tenant}.{node}}. */
    public String clientId() {
        return "edge." + tenant + "." + node;
    }

    public boolean tls() {
        return brokerUrl.toLowerCase(Locale.ROOT).startsWith("ssl://");
    }

    /** Keep-alive: twice the heartbeat, so that a silent but healthy link is never cut. */
    public int keepAliveSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(2, heartbeat.toSeconds() * 2));
    }
}
