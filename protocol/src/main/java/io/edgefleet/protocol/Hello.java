package io.edgefleet.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * Upstream, first message after every (re)connect. The server answers with an {@link Ack} carrying
 * the last sequence it has applied, and with a {@link Sync} carrying what changed after {@code
 * appliedVersion}.
 *
 * @param agentVersion version of the edge daemon
 * @param appliedVersion the last desired-state resourceVersion the node has committed locally
 * @param lastSeq the highest outbox sequence number the node has assigned so far
 * @param bootedAt when the daemon process started
 */
public record Hello(String agentVersion, long appliedVersion, long lastSeq, Instant bootedAt) implements MessageBody {
    public Hello {
        Objects.requireNonNull(agentVersion, "agentVersion");
        Objects.requireNonNull(bootedAt, "bootedAt");
        if (appliedVersion < 0 || lastSeq < 0) {
            throw new IllegalArgumentException("appliedVersion and lastSeq must not be negative");
        }
    }
}
