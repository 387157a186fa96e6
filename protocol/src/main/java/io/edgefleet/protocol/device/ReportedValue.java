package io.edgefleet.protocol.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A value read from a device.
 *
 * @param value present unless the quality is error
 * @param sourceTime when the device (or its server) produced the value
 * @param error why the value is stale or missing
 */
public record ReportedValue(
        String property, Optional<JsonNode> value, ValueQuality quality, Instant sourceTime, Optional<String> error) {
    public ReportedValue {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(value, "value");
        value = value.filter(v -> !v.isNull());
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(sourceTime, "sourceTime");
        Objects.requireNonNull(error, "error");
        if (value.isPresent() && !value.get().isValueNode()) {
            throw new IllegalArgumentException("a reported value is a JSON number, boolean or string");
        }
        if (value.isEmpty() && quality != ValueQuality.ERROR) {
            throw new IllegalArgumentException("only an error reading has no value");
        }
    }
}
