package io.edgefleet.edge.store;

import io.edgefleet.edge.config.Secret;
import io.edgefleet.protocol.Names;
import java.time.Instant;
import java.util.Objects;

/**
 * Who this node is, as enrollment established it; stored once in the {@code identity} table. The
 * password is a {@link Secret}, so {@link #toString()} is safe to log.
 *
 * @param mqttUrl the broker URL the server gave at enrollment ({@code tcp://} or {@code ssl://})
 * @param username MQTT user name, {@code node@tenant}
 * @param heartbeatSeconds heartbeat interval the server asked for
 */
public record Identity(
        String tenant,
        String node,
        String mqttUrl,
        String username,
        Secret password,
        int heartbeatSeconds,
        Instant enrolledAt) {
    public Identity {
        Names.require("tenant", tenant);
        Names.require("node", node);
        Objects.requireNonNull(mqttUrl, "mqttUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        if (heartbeatSeconds < 1) {
            throw new IllegalArgumentException("heartbeatSeconds must be positive");
        }
    }
}
