package io.edgefleet.protocol.device;

import io.edgefleet.protocol.Names;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One typed property of a device model.
 *
 * @param min lower bound for int, float and double values, if any
 * @param max upper bound for int, float and double values, if any
 * @param symbols the allowed values of an enum property (empty for other types)
 */
public record ModelProperty(
        String name,
        ValueType type,
        String unit,
        Optional<Double> min,
        Optional<Double> max,
        List<String> symbols,
        AccessMode accessMode,
        String description) {
    public ModelProperty {
        Names.require("property name", name);
        Objects.requireNonNull(type, "type");
        unit = Objects.requireNonNullElse(unit, "");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        symbols = List.copyOf(Objects.requireNonNull(symbols, "symbols"));
        Objects.requireNonNull(accessMode, "accessMode");
        description = Objects.requireNonNullElse(description, "");
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            throw new IllegalArgumentException("property " + name + ": min is above max");
        }
        if ((type == ValueType.ENUM) == symbols.isEmpty()) {
            throw new IllegalArgumentException("property " + name + ": an enum lists its symbols, other types none");
        }
    }
}
