package io.edgefleet.desktop.twin;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;

/**
 * Checks what a person typed against the model before anything is sent: ReadOnly properties are
 * refused, numbers must parse as their type and lie within min and max, booleans are true or false,
 * enums one of their symbols. The server checks the same again (its refusal is shown when the model
 * changed meanwhile); this check only spares a round trip and says what is wrong at once.
 */
public final class DesiredValueCheck {
    private DesiredValueCheck() {}

    public static DesiredCheck check(PropertyModel property, String typed) {
        if (!property.writable()) {
            return new DesiredCheck.Refused(property.name() + " is ReadOnly: the device reports it, it cannot be set");
        }
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty() && !"string".equals(property.type())) {
            return new DesiredCheck.Refused("enter a value for " + property.name() + " (" + property.describe() + ")");
        }
        return switch (property.type()) {
            case "int" -> whole(property, text);
            case "float", "double" -> decimal(property, text);
            case "bool" -> bool(property, text);
            case "enum" ->
                property.symbols().contains(text)
                        ? new DesiredCheck.Accepted(TextNode.valueOf(text))
                        : new DesiredCheck.Refused(
                                property.name() + " must be one of " + String.join(", ", property.symbols()));
            default -> new DesiredCheck.Accepted(TextNode.valueOf(typed == null ? "" : typed));
        };
    }

    private static DesiredCheck whole(PropertyModel property, String text) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return new DesiredCheck.Refused(property.name() + " takes a whole number, not '" + text + "'");
        }
        return inRange(property, value).orElse(new DesiredCheck.Accepted(LongNode.valueOf(value)));
    }

    private static DesiredCheck decimal(PropertyModel property, String text) {
        double value;
        try {
            value = Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            return new DesiredCheck.Refused(property.name() + " takes a number, not '" + text + "'");
        }
        if (!Double.isFinite(value)) {
            return new DesiredCheck.Refused(property.name() + " takes a finite number");
        }
        if ("float".equals(property.type()) && Math.abs(value) > Float.MAX_VALUE) {
            return new DesiredCheck.Refused(property.name() + " is a float: " + text + " is too large");
        }
        return inRange(property, value).orElse(new DesiredCheck.Accepted(DoubleNode.valueOf(value)));
    }

    private static java.util.Optional<DesiredCheck> inRange(PropertyModel property, double value) {
        String unit = property.unit().isEmpty() ? "" : " " + property.unit();
        if (property.min().isPresent() && value < property.min().get()) {
            return java.util.Optional.of(new DesiredCheck.Refused(
                    property.name() + " must be at least " + property.min().get() + unit));
        }
        if (property.max().isPresent() && value > property.max().get()) {
            return java.util.Optional.of(new DesiredCheck.Refused(
                    property.name() + " must be at most " + property.max().get() + unit));
        }
        return java.util.Optional.empty();
    }

    private static DesiredCheck bool(PropertyModel property, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1" -> new DesiredCheck.Accepted(BooleanNode.TRUE);
            case "false", "off", "0" -> new DesiredCheck.Accepted(BooleanNode.FALSE);
            default -> new DesiredCheck.Refused(property.name() + " takes true or false, not '" + text + "'");
        };
    }
}
