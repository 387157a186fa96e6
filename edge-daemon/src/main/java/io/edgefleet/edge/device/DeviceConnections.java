package io.edgefleet.edge.device;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.ValueConstraints;
import io.edgefleet.protocol.device.DesiredDevice;
import io.edgefleet.protocol.device.ModelProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link DesiredDevice} (the wire spec, model included) as the driver SPI's {@link
 * DeviceConnection}: one {@link PropertyBinding} per model property, in model order, with its
 * visitor, type, access mode and range. Pure; whether the result makes sense is the driver's
 * {@code validate}.
 */
public final class DeviceConnections {
    private DeviceConnections() {}

    public static DeviceConnection of(DesiredDevice device) {
        List<PropertyBinding> properties = device.properties().stream()
                .map(p -> binding(p, device.visitors().getOrDefault(p.name(), Map.of())))
                .toList();
        return new DeviceConnection(device.name(), device.protocol(), device.connection(), properties);
    }

    /** One model property as the driver sees it; a property without a visitor gets an empty one. */
    public static PropertyBinding binding(ModelProperty property, Map<String, String> visitor) {
        return new PropertyBinding(property.name(), type(property), access(property), visitor, constraints(property));
    }

    /** The binding of {@code name} in {@code device}, if the model has such a property. */
    public static Optional<PropertyBinding> binding(DesiredDevice device, String name) {
        return device.properties().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .map(p -> binding(p, device.visitors().getOrDefault(name, Map.of())));
    }

    static PropertyType type(ModelProperty property) {
        return switch (property.type()) {
            case INT -> PropertyType.INT;
            case FLOAT -> PropertyType.FLOAT;
            case DOUBLE -> PropertyType.DOUBLE;
            case BOOL -> PropertyType.BOOL;
            case STRING -> PropertyType.STRING;
            case ENUM -> PropertyType.ENUM;
        };
    }

    static AccessMode access(ModelProperty property) {
        return switch (property.accessMode()) {
            case READ_ONLY -> AccessMode.READ_ONLY;
            case READ_WRITE -> AccessMode.READ_WRITE;
        };
    }

    static ValueConstraints constraints(ModelProperty property) {
        return new ValueConstraints(
                property.min().map(BigDecimal::valueOf), property.max().map(BigDecimal::valueOf), property.symbols());
    }
}
