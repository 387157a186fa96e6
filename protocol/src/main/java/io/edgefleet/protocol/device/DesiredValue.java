package io.edgefleet.protocol.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A desired value of one property: what to write to the device.
 *
 * @param value a JSON number, boolean or string, of the property's type
 * @param version the property's desired version; each change in the cloud or at the edge advances it
 * @param by who set it ({@code user:alice}, {@code edge:line-3-pc}, {@code rule:fan-on})
 * @param at when it was set
 */
public record DesiredValue(JsonNode value, long version, String by, Instant at) {
    public DesiredValue {
        Objects.requireNonNull(value, "value");
        if (!value.isValueNode() || value.isNull()) {
            throw new IllegalArgumentException("a desired value is a JSON number, boolean or string");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
