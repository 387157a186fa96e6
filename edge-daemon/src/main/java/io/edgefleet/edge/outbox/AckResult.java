package io.edgefleet.edge.outbox;

/** What an acknowledgement from the server did to the outbox. */
public sealed interface AckResult {

    /** Entries up to {@code upToSeq} were deleted. */
    record Acknowledged(long upToSeq, int deleted) implements AckResult {}

    /** Nothing new: the server had already acknowledged up to {@code lastAckedSeq}. */
    record Stale(long upToSeq, long lastAckedSeq) implements AckResult {}

    /**
     * The server has applied sequence numbers this node never assigned (its store was replaced):
     * the waiting entries were renumbered to follow {@code upToSeq}, so the server takes them as new
     * instead of dropping them as duplicates.
     */
    record Realigned(long upToSeq, long previousLastSeq, int renumbered) implements AckResult {}
}
