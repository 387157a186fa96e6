package io.edgefleet.edge.device.bus;

import io.edgefleet.edge.config.EdgeConfig;
import io.edgefleet.edge.config.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the local bus needs, taken from the settings once at start.
 *
 * @param url the broker on this PC, {@code tcp://host:port}
 * @param clientId {@code edgefleet-edge-<node>}: one daemon per node, so one session per broker
 * @param maxTopics retained topics kept at most (devices × (properties + 2)); beyond that new topics are dropped
 * @param maxAnswers set answers waiting at most while the broker is slow or gone; the oldest go first
 * @param maxInbound set messages waiting at most to be applied; beyond that they are dropped
 */
public record BusSettings(
        String url,
        BusTopics topics,
        String clientId,
        Optional<String> username,
        Optional<Secret> password,
        Duration reconnectMin,
        Duration reconnectMax,
        int maxTopics,
        int maxAnswers,
        int maxInbound) {
    public static final int DEFAULT_MAX_TOPICS = 20_000;
    public static final int DEFAULT_MAX_ANSWERS = 1_000;
    public static final int DEFAULT_MAX_INBOUND = 256;

    public BusSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        if (maxTopics < 1 || maxAnswers < 1 || maxInbound < 1) {
            throw new IllegalArgumentException("bus bounds must be positive");
        }
    }

    /** The bus settings when {@code local-bus-url} is set; empty (no local bus) otherwise. */
    public static Optional<BusSettings> of(EdgeConfig config, String node) {
        return config.localBusUrl()
                .map(url -> new BusSettings(
                        url.toString(),
                        new BusTopics(config.localBusPrefix()),
                        "edgefleet-edge-" + node,
                        config.localBusUsername(),
                        config.localBusPassword(),
                        config.reconnectMin(),
                        config.reconnectMax(),
                        DEFAULT_MAX_TOPICS,
                        DEFAULT_MAX_ANSWERS,
                        DEFAULT_MAX_INBOUND));
    }
}
