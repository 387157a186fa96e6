package io.edgefleet.driver.mqtt;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.edgefleet.driver.Conversion;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.ValueConstraints;
import io.edgefleet.driver.Values;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JSON to property values and back. A JSON number reads into INT, FLOAT or DOUBLE when it converts
 * without loss ({@link Values#coerce}: {@code 3} into a DOUBLE is fine, {@code 3.5} into an INT is
 * not); booleans into BOOL; strings into STRING, or ENUM when the string is one of the symbols.
 * Anything else is a {@code wrong-type} failure naming what was found.
 */
final class JsonValues {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonValues() {}

    /** The payload as JSON, or why it is not. */
    static Parsed parse(byte[] payload) {
        try {
            JsonNode node = MAPPER.readTree(payload);
            if (node == null || node.isMissingNode()) {
                return new Parsed.NotJson("the payload is empty");
            }
            return new Parsed.Json(node);
        } catch (IOException e) {
            String text = new String(payload, StandardCharsets.UTF_8);
            String shown = text.length() <= 40 ? text : text.substring(0, 37) + "...";
            return new Parsed.NotJson("the payload is not JSON ('" + shown + "')");
        }
    }

    /** A state payload: JSON, or not. */
    sealed interface Parsed {
        record Json(JsonNode node) implements Parsed {}

        record NotJson(String reason) implements Parsed {}
    }

    /** The value at the property's pointer, in the property's type (constraints are not checked). */
    static Conversion read(MqttProperty property, JsonNode state) {
        PropertyBinding binding = property.binding();
        JsonNode node = state.at(property.pointer());
        if (node.isMissingNode()) {
            return new Conversion.Failed(
                    Conversion.Failed.WRONG_TYPE, "nothing at " + property.pointer() + " in the state");
        }
        Optional<TypedValue> natural = natural(node);
        if (natural.isEmpty()) {
            return new Conversion.Failed(
                    Conversion.Failed.WRONG_TYPE,
                    "expected " + binding.type() + " at " + property.pointer() + ", found JSON "
                            + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        PropertyBinding unconstrained = new PropertyBinding(
                binding.name(),
                binding.type(),
                binding.access(),
                binding.visitor(),
                new ValueConstraints(
                        Optional.empty(),
                        Optional.empty(),
                        binding.constraints().symbols()));
        return switch (Values.coerce(unconstrained, natural.get())) {
            case Conversion.Converted converted -> converted;
            case Conversion.Failed failed ->
                new Conversion.Failed(failed.code(), "at " + property.pointer() + ": " + failed.reason());
        };
    }

    private static Optional<TypedValue> natural(JsonNode node) {
        if (node.isBoolean()) {
            return Optional.of(new TypedValue.BoolValue(node.booleanValue()));
        }
        if (node.isTextual()) {
            return Optional.of(new TypedValue.StringValue(node.textValue()));
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Optional.of(new TypedValue.IntValue(node.longValue()));
        }
        if (node.isNumber() && Double.isFinite(node.doubleValue())) {
            return Optional.of(new TypedValue.DoubleValue(node.doubleValue()));
        }
        return Optional.empty();
    }

    /** The command payload that sets the property to {@code value}. */
    static byte[] command(MqttProperty property, TypedValue value) {
        JsonNode json = toJson(value);
        return switch (property.command()) {
            case MqttProperty.CommandShape.Template(String template) ->
                template.replace(MqttSettings.VALUE_PLACEHOLDER, json.toString())
                        .getBytes(StandardCharsets.UTF_8);
            case MqttProperty.CommandShape.AtPointer(JsonPointer pointer) -> {
                if (pointer.matches()) {
                    yield json.toString().getBytes(StandardCharsets.UTF_8);
                }
                ObjectNode root = JsonNodeFactory.instance.objectNode();
                ObjectNode parent = root;
                JsonPointer at = pointer;
                while (!at.tail().matches()) {
                    parent = parent.putObject(at.getMatchingProperty());
                    at = at.tail();
                }
                parent.set(at.getMatchingProperty(), json);
                yield root.toString().getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    static JsonNode toJson(TypedValue value) {
        return switch (value) {
            case TypedValue.IntValue(long v) -> LongNode.valueOf(v);
            case TypedValue.FloatValue(float v) -> DecimalNode.valueOf(new BigDecimal(Float.toString(v)));
            case TypedValue.DoubleValue(double v) -> DoubleNode.valueOf(v);
            case TypedValue.BoolValue(boolean v) -> BooleanNode.valueOf(v);
            case TypedValue.StringValue(String v) -> TextNode.valueOf(v);
            case TypedValue.EnumValue(String symbol) -> TextNode.valueOf(symbol);
        };
    }
}
