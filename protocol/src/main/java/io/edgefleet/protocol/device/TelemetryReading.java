package io.edgefleet.protocol.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/** One reading in a telemetry batch. */
public record TelemetryReading(
        String device, String property, JsonNode value, ValueQuality quality, Instant sourceTime) {
    public TelemetryReading {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(sourceTime, "sourceTime");
    }
}
