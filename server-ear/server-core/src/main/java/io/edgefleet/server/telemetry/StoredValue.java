package io.edgefleet.server.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A reading's value as the {@code reading} table keeps it: {@code number} (numbers, and booleans as 1
 * or 0) for downsampling, {@code json} the value's JSON text as reported.
 */
public record StoredValue(OptionalDouble number, String json) {
    /** The longest JSON text {@code reading.value_text} holds. */
    public static final int MAX_JSON_CHARS = 4096;

    /** The stored form of a reported value; empty for values the history cannot hold (null, objects, arrays, too long). */
    public static Optional<StoredValue> of(JsonNode value) {
        if (!value.isValueNode() || value.isNull() || value.isBinary()) {
            return Optional.empty();
        }
        String json = value.toString();
        if (json.length() > MAX_JSON_CHARS) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            double number = value.doubleValue();
            return Double.isFinite(number)
                    ? Optional.of(new StoredValue(OptionalDouble.of(number), json))
                    : Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(new StoredValue(OptionalDouble.of(value.booleanValue() ? 1 : 0), json));
        }
        return value.isTextual() ? Optional.of(new StoredValue(OptionalDouble.empty(), json)) : Optional.empty();
    }
}
