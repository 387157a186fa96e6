package io.edgefleet.server.node;

/**
 * The rule for reliable upstream messages (docs/decisions/0001, decision 3): a node's messages apply
 * strictly in sequence. The next one applies; an earlier one is a duplicate (acknowledged again, no
 * effect); a later one is out of order (ignored and not acknowledged, so the edge resends from its
 * first unacknowledged message).
 */
public final class SequenceRule {
    private SequenceRule() {}

    /** What to do with a message. */
    public sealed interface Decision {
        /** {@code seq} is the next one: apply it and advance the cursor to it. */
        record Apply(long seq) implements Decision {}

        /** Already applied: acknowledge {@code lastApplied} again. */
        record Duplicate(long lastApplied) implements Decision {}

        /** A gap before it: ignore; the edge resends {@code expected} first. */
        record OutOfOrder(long expected) implements Decision {}
    }

    public static Decision decide(long lastApplied, long seq) {
        if (seq < 1 || lastApplied < 0) {
            throw new IllegalArgumentException("seq must be positive and lastApplied not negative");
        }
        if (seq == lastApplied + 1) {
            return new Decision.Apply(seq);
        }
        if (seq <= lastApplied) {
            return new Decision.Duplicate(lastApplied);
        }
        return new Decision.OutOfOrder(lastApplied + 1);
    }
}
