package io.edgefleet.protocol;

import io.edgefleet.protocol.device.TelemetryReading;
import java.util.List;
import java.util.Objects;

/**
 * Upstream on the telemetry channel: readings kept in the node's bounded telemetry buffer (by age and
 * size, oldest dropped first). {@code batch} numbers the node's batches; the server answers with a
 * {@link TelemetryAck} and the node then forgets the acknowledged ones. {@code droppedSinceLast} counts
 * readings the node had to drop since the previous batch, so every drop is visible at the server.
 */
public record TelemetryBatch(long batch, long droppedSinceLast, List<TelemetryReading> readings)
        implements MessageBody {
    public TelemetryBatch {
        readings = List.copyOf(Objects.requireNonNull(readings, "readings"));
        if (batch < 1 || droppedSinceLast < 0) {
            throw new IllegalArgumentException("batch must be positive and droppedSinceLast not negative");
        }
    }
}
