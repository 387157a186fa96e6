package io.edgefleet.protocol;

/**
 * Upstream on the telemetry topic at QoS 0, every heartbeat interval: renews the node's lease.
 * Kept tiny on purpose; a lost heartbeat costs nothing because the lease spans several intervals.
 *
 * @param outboxDepth how many reliable messages wait in the node's outbox, so that operators see a
 *     backlog before it matters
 */
public record Heartbeat(long outboxDepth) implements MessageBody {
    public Heartbeat {
        if (outboxDepth < 0) {
            throw new IllegalArgumentException("outboxDepth must not be negative");
        }
    }
}
