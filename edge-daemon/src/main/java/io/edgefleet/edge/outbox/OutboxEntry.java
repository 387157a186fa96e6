package io.edgefleet.edge.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One reliable upstream message waiting for the server's acknowledgement.
 *
 * @param seq the node's sequence number, gapless from 1
 * @param kind the message kind's wire name, e.g. {@code node-status}
 * @param payload the encoded envelope, exactly as it is (re)sent
 * @param createdAt when it was appended
 */
public record OutboxEntry(long seq, String kind, byte[] payload, Instant createdAt) {
    public OutboxEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "OutboxEntry[seq=" + seq + ", kind=" + kind + ", " + payload.length + " bytes, createdAt=" + createdAt
                + "]";
    }
}
