package io.edgefleet.edge.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.device.DesiredValue;
import io.edgefleet.protocol.device.EdgeDesired;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A desired value set at this edge (CLI, rule) that the cloud has not settled yet: decision 0005.
 * The pure rules live here and are unit-tested; {@link TwinTable} only stores the result.
 *
 * @param baseVersion the synced desired version the edge held for the property when the first of
 *     the collapsed changes was made (0 if none)
 * @param sent whether the current value is already queued upstream in a {@code twin-report}
 */
public record EdgeChange(String property, JsonNode value, long baseVersion, String by, Instant at, boolean sent) {
    public EdgeChange {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if (baseVersion < 0) {
            throw new IllegalArgumentException("baseVersion must not be negative");
        }
    }

    /**
     * A new edge change of a property. Several changes before the cloud settled the first collapse
     * to the last value while keeping the first's base, so the server accepts the last one exactly
     * when it would have accepted the first (0005: the cloud did not change the property meanwhile).
     *
     * @param held the synced desired value the edge holds for the property now
     */
    public static EdgeChange next(
            Optional<EdgeChange> pending,
            Optional<DesiredValue> held,
            String property,
            JsonNode value,
            String by,
            Instant at) {
        long base = pending.map(EdgeChange::baseVersion)
                .orElseGet(() -> held.map(DesiredValue::version).orElse(0L));
        return new EdgeChange(property, value, base, by, at, false);
    }

    /** A synced version above the base settles the change: the cloud accepted it or overrode it. */
    public boolean settledBy(long syncedVersion) {
        return syncedVersion > baseVersion;
    }

    /** The wire form in a {@code twin-report}. */
    public EdgeDesired toWire() {
        return new EdgeDesired(property, value, baseVersion, by, at);
    }

    /** The same change, queued upstream. */
    public EdgeChange markSent() {
        return new EdgeChange(property, value, baseVersion, by, at, true);
    }
}
