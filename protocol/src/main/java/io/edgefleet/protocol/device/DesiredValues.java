package io.edgefleet.protocol.device;

import io.edgefleet.protocol.Names;
import java.util.Map;
import java.util.Objects;

/**
 * The spec of one {@code DeviceDesired} change in a {@code sync}: every desired value the cloud holds
 * for the device, per property (resource name = device name).
 */
public record DesiredValues(String device, Map<String, DesiredValue> values) {
    /** The resource kind name in {@link io.edgefleet.protocol.ResourceChange#resource()}. */
    public static final String RESOURCE = "DeviceDesired";

    public DesiredValues {
        Names.require("device name", device);
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
    }
}
