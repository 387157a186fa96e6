package io.edgefleet.edge.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.device.DesiredValue;
import java.util.Objects;
import java.util.Optional;

/**
 * The value a property should hold now: the pending edge change if there is one (0005: applied at
 * once, the plant must not wait for the cloud), else the synced desired value.
 *
 * @param key identifies this desired value; a property is written once per key and session
 */
public record Target(String property, JsonNode value, String key, String by) {
    public Target {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(by, "by");
    }

    /** What the property should hold, if anything: 0005's "the edge follows sync" in one place. */
    public static Optional<Target> of(String property, Optional<DesiredValue> synced, Optional<EdgeChange> pending) {
        if (pending.isPresent()) {
            EdgeChange edge = pending.get();
            return Optional.of(new Target(
                    property,
                    edge.value(),
                    "edge:" + edge.baseVersion() + ":" + edge.at().toEpochMilli() + ":" + edge.by() + ":"
                            + edge.value(),
                    edge.by()));
        }
        return synced.map(s -> new Target(property, s.value(), "cloud:" + s.version() + ":" + s.value(), s.by()));
    }
}
