package io.edgefleet.protocol;

/**
 * Downstream command {@code ack}: the server has durably applied every reliable message of this
 * node up to and including {@code upToSeq}. The edge deletes those outbox entries, and only those.
 */
public record Ack(long upToSeq) implements MessageBody {
    public Ack {
        if (upToSeq < 0) {
            throw new IllegalArgumentException("upToSeq must not be negative");
        }
    }
}
