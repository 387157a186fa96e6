package io.edgefleet.edge.device.telemetry;

import io.edgefleet.edge.config.EdgeConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The telemetry buffer's and sender's settings: bounds from {@link EdgeConfig}, the rest defaults
 * in code (tests shorten them).
 *
 * @param maxAge readings older than this are dropped (oldest first, counted)
 * @param maxRows at most this many readings are kept; the oldest go first (counted)
 * @param batchReadings readings per {@code telemetry-batch}; 1,000 readings of about 120 bytes stay
 *     well under the codec's 256 KiB message limit
 * @param window batches sent and not yet acknowledged, at most
 * @param ackTimeout unacknowledged batches are sent again after this long without an ack
 * @param period how often the sender looks for readings to send
 */
public record TelemetrySettings(
        Duration maxAge, long maxRows, int batchReadings, int window, Duration ackTimeout, Duration period) {
    public static final int DEFAULT_BATCH_READINGS = 1000;
    public static final int DEFAULT_WINDOW = 4;
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(1);

    public TelemetrySettings {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        Objects.requireNonNull(period, "period");
        if (maxRows < 1 || batchReadings < 1 || window < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("telemetry bounds, batch size and window must be positive");
        }
    }

    public static TelemetrySettings of(EdgeConfig config) {
        return new TelemetrySettings(
                config.telemetryMaxAge(),
                config.telemetryMaxRows(),
                DEFAULT_BATCH_READINGS,
                DEFAULT_WINDOW,
                config.ackTimeout(),
                DEFAULT_PERIOD);
    }

    public TelemetrySettings withBounds(Duration age, long rows) {
        return new TelemetrySettings(age, rows, batchReadings, window, ackTimeout, period);
    }
}
