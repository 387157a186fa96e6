package io.edgefleet.server.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.device.ModelProperty;
import java.util.Optional;

/**
 * Whether a JSON value fits a model property: its type, its min and max, its symbols. The edge checks
 * the same before it writes; the server checks first so that people learn of a mistake at once.
 */
public final class ValueCheck {
    private ValueCheck() {}

    /** Empty when the value fits; else what is wrong, for a problem detail. */
    public static Optional<String> problem(ModelProperty property, JsonNode value) {
        String name = "property '" + property.name() + "'";
        return switch (property.type()) {
            case INT ->
                value.isIntegralNumber() && value.canConvertToLong()
                        ? range(property, value.doubleValue())
                        : Optional.of(name + " takes a whole number");
            case FLOAT, DOUBLE ->
                value.isNumber() ? range(property, value.doubleValue()) : Optional.of(name + " takes a number");
            case BOOL -> value.isBoolean() ? Optional.empty() : Optional.of(name + " takes true or false");
            case STRING -> value.isTextual() ? Optional.empty() : Optional.of(name + " takes a string");
            case ENUM ->
                value.isTextual() && property.symbols().contains(value.textValue())
                        ? Optional.empty()
                        : Optional.of(name + " takes one of " + property.symbols());
        };
    }

    private static Optional<String> range(ModelProperty property, double value) {
        if (property.min().isPresent() && value < property.min().get()) {
            return Optional.of("property '" + property.name() + "': " + value + " is below its min "
                    + property.min().get());
        }
        if (property.max().isPresent() && value > property.max().get()) {
            return Optional.of("property '" + property.name() + "': " + value + " is above its max "
                    + property.max().get());
        }
        return Optional.empty();
    }
}
