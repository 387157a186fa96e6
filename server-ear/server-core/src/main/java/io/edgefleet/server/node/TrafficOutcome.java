package io.edgefleet.server.node;

/** What applying one upstream message to a node did; the edge layer answers and counts by it. */
public sealed interface TrafficOutcome {

    /** The node does not exist (never enrolled, or deleted): the message was dropped. */
    record UnknownNode() implements TrafficOutcome {}

    /**
     * A session message (hello, sync-result) was recorded.
     *
     * @param lastAppliedSeq the node's reliable-stream cursor, for the ack that answers hello
     * @param tenantVersion the tenant's resourceVersion, for the sync that answers hello
     */
    record Recorded(long lastAppliedSeq, long tenantVersion, boolean cameOnline) implements TrafficOutcome {}

    /** A reliable message applied; acknowledge {@code upToSeq}. */
    record Applied(long upToSeq, boolean cameOnline) implements TrafficOutcome {}

    /** A reliable message seen before; acknowledge {@code upToSeq} again, nothing changed. */
    record Duplicate(long upToSeq, boolean cameOnline) implements TrafficOutcome {}

    /** A reliable message after a gap; not applied, not acknowledged. */
    record OutOfOrder(long expectedSeq, long receivedSeq, boolean cameOnline) implements TrafficOutcome {}
}
