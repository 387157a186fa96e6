package io.edgefleet.edge.device;

import java.util.Objects;

/** What became of a desired value set at the edge ({@code set} command, rule action). */
public sealed interface SetOutcome {

    /** Stored as an edge change; the device manager writes it within a collect cycle. */
    record Recorded(EdgeChange change) implements SetOutcome {
        public Recorded {
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * Not stored.
     *
     * @param code {@code unknown-device}, {@code unknown-property}, {@code read-only}, {@code
     *     wrong-type}, {@code invalid-format} or {@code out-of-range}
     */
    record Refused(String code, String reason) implements SetOutcome {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
