package io.edgefleet.server.telemetry;

import io.edgefleet.protocol.device.TelemetryReading;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a reading of a batch may be stored: its device exists in the tenant and is bound to the
 * sending node, and the {@code reading} table can hold it. A reading the table cannot hold must be
 * refused here, never fail the insert: the whole batch would fail and the node resend it forever.
 */
public final class ReadingCheck {
    /** {@code TIMESTAMP} columns of MariaDB/MySQL hold 1970-01-01 00:00:01 to 2038-01-19 03:14:07 UTC. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:01Z");

    static final Instant LATEST = Instant.parse("2038-01-19T03:14:07Z");

    private static final int MAX_NAME = 63;

    private ReadingCheck() {}

    /**
     * Why the reading is refused, or empty when it may be stored.
     *
     * @param owner the node the reading's device is bound to; empty when the tenant has no such device
     * @param sender the node that sent the batch
     */
    public static Optional<RefusalReason> refusal(TelemetryReading reading, Optional<String> owner, String sender) {
        if (owner.isEmpty()) {
            return Optional.of(RefusalReason.UNKNOWN_DEVICE);
        }
        if (!owner.get().equals(sender)) {
            return Optional.of(RefusalReason.OTHER_NODE);
        }
        boolean valid = !reading.property().isEmpty()
                && reading.property().length() <= MAX_NAME
                && !reading.sourceTime().isBefore(EARLIEST)
                && !reading.sourceTime().isAfter(LATEST)
                && StoredValue.of(reading.value()).isPresent();
        return valid ? Optional.empty() : Optional.of(RefusalReason.INVALID);
    }

    /** Whether a device name can exist at all (the column holds 63 characters). */
    static boolean possibleName(String name) {
        return !name.isEmpty() && name.length() <= MAX_NAME;
    }
}
