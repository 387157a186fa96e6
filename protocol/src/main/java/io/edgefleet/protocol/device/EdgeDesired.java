package io.edgefleet.protocol.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A desired value set at the edge (local API, local bus or a rule), possibly while offline.
 *
 * @param baseVersion the desired version the edge held for the property when it set this value; the
 *     server accepts the value only if its own desired version is still that one (docs: twin conflict rule)
 */
public record EdgeDesired(String property, JsonNode value, long baseVersion, String by, Instant at) {
    public EdgeDesired {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(value, "value");
        if (!value.isValueNode() || value.isNull()) {
            throw new IllegalArgumentException("a desired value is a JSON number, boolean or string");
        }
        if (baseVersion < 0) {
            throw new IllegalArgumentException("baseVersion must not be negative");
        }
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
