package io.edgefleet.protocol.device;

import io.edgefleet.protocol.Names;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The spec of one {@code Device} change in a {@code sync}: everything the node needs to run the
 * device without the cloud, its model's properties included.
 *
 * @param model the device model's name
 * @param protocol the driver's protocol ({@code modbus-tcp}, {@code opcua}, {@code simulated}, ...)
 * @param connection the driver's connection settings (secrets included: the node needs them)
 * @param visitors per property: where the driver finds it (register, node id, JSON pointer, ...)
 * @param collectCycleMs how often the node reads the device
 * @param reportCycleMs how often the node reports changed values upstream
 */
public record DesiredDevice(
        String name,
        long generation,
        String model,
        List<ModelProperty> properties,
        String protocol,
        Map<String, String> connection,
        Map<String, Map<String, String>> visitors,
        long collectCycleMs,
        long reportCycleMs) {
    /** The resource kind name in {@link io.edgefleet.protocol.ResourceChange#resource()}. */
    public static final String RESOURCE = "Device";

    public DesiredDevice {
        Names.require("device name", name);
        Names.require("device model name", model);
        properties = List.copyOf(Objects.requireNonNull(properties, "properties"));
        Objects.requireNonNull(protocol, "protocol");
        connection = Map.copyOf(Objects.requireNonNull(connection, "connection"));
        visitors = Map.copyOf(Objects.requireNonNull(visitors, "visitors"));
        if (generation < 1) {
            throw new IllegalArgumentException("generation must be at least 1");
        }
        if (collectCycleMs < 10 || reportCycleMs < 10) {
            throw new IllegalArgumentException("collect and report cycles must be at least 10 ms");
        }
    }
}
