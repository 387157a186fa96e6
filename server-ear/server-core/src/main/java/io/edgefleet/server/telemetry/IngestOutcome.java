package io.edgefleet.server.telemetry;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What storing one telemetry batch did; {@link TelemetryTraffic} answers, counts and logs by it. */
public sealed interface IngestOutcome {

    /** The node does not exist (never enrolled, or deleted): nothing stored, no answer. */
    record UnknownNode() implements IngestOutcome {}

    /**
     * The batch was stored; acknowledge {@code upToBatch}.
     *
     * @param stored readings inserted
     * @param refused readings not kept, by reason
     * @param refusedDevices up to a few device names of refused readings, for the log
     * @param dropped readings the node said it dropped before this batch
     * @param reset the node's counter restarted at 1
     */
    record Stored(
            long upToBatch,
            int stored,
            Map<RefusalReason, Integer> refused,
            List<String> refusedDevices,
            long dropped,
            boolean reset)
            implements IngestOutcome {
        public Stored {
            refused = refused.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(refused));
            refusedDevices = List.copyOf(refusedDevices);
        }
    }

    /** Stored before: acknowledge {@code upToBatch} again, nothing changed. */
    record Resend(long upToBatch) implements IngestOutcome {}

    /** After a gap: nothing stored, not acknowledged. */
    record Gap(long expected, long received) implements IngestOutcome {}
}
