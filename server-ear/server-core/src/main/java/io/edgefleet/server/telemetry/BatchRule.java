package io.edgefleet.server.telemetry;

/**
 * The rule for telemetry batches, which carry their own counter (not the reliable stream's seq): the
 * next batch is stored; an earlier one is a resend (acknowledged again, nothing stored); batch 1 after
 * a higher one means the node's telemetry buffer was reset (stored, the counter restarts); a later one
 * after a gap is ignored and not acknowledged, because the node resends in order.
 */
public final class BatchRule {
    private BatchRule() {}

    /** What to do with a batch. */
    public sealed interface Decision {
        /** Store it and set the node's counter to {@code batch}; {@code reset} when the counter restarts. */
        record Store(long batch, boolean reset) implements Decision {}

        /** Stored before: acknowledge {@code lastStored} again. */
        record Resend(long lastStored) implements Decision {}

        /** A gap before it: ignore; the node resends {@code expected} first. */
        record Gap(long expected) implements Decision {}
    }

    public static Decision decide(long lastStored, long batch) {
        if (batch < 1 || lastStored < 0) {
            throw new IllegalArgumentException("batch must be positive and lastStored not negative");
        }
        if (batch == lastStored + 1) {
            return new Decision.Store(batch, false);
        }
        if (batch == 1) {
            return lastStored == 1 ? new Decision.Resend(1) : new Decision.Store(1, true);
        }
        if (batch <= lastStored) {
            return new Decision.Resend(lastStored);
        }
        return new Decision.Gap(lastStored + 1);
    }
}
