package io.edgefleet.server.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.device.ModelProperty;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.resource.SpecRows;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A device model's spec: {@code description} and {@code properties}, each a {@link ModelProperty}.
 * Omitted fields take defaults: unit and description empty, no min or max, accessMode ReadOnly (a
 * property is written only where the model says so), symbols only for enums.
 */
final class ModelSpec {
    static final int MAX_PROPERTIES = 500;
    private static final Set<String> FIELDS = Set.of("description", "properties");
    private static final Set<String> PROPERTY_FIELDS =
            Set.of("name", "type", "unit", "min", "max", "symbols", "accessMode", "description");

    private ModelSpec() {}

    static ObjectNode check(ObjectNode spec) {
        for (Iterator<String> names = spec.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw new FleetException(ProblemCode.UNKNOWN_FIELD, "unknown field spec." + field);
            }
        }
        JsonNode properties = spec.get("properties");
        if (!(properties instanceof ArrayNode array) || array.isEmpty() || array.size() > MAX_PROPERTIES) {
            throw invalid("spec.properties must be an array of 1 to " + MAX_PROPERTIES + " properties");
        }
        ObjectNode checked = SpecRows.MAPPER.createObjectNode();
        checked.put("description", spec.path("description").asText(""));
        ArrayNode out = checked.putArray("properties");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            ModelProperty property = property(array.get(i), "spec.properties[" + i + "]");
            if (!seen.add(property.name())) {
                throw invalid("spec.properties: '" + property.name() + "' appears twice");
            }
            out.add(SpecRows.MAPPER.valueToTree(property));
        }
        return checked;
    }

    /** The properties of a checked spec. */
    static List<ModelProperty> properties(ObjectNode spec) {
        List<ModelProperty> properties = new ArrayList<>();
        for (JsonNode node : spec.path("properties")) {
            try {
                properties.add(SpecRows.MAPPER.treeToValue(node, ModelProperty.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored model property cannot be read", e);
            }
        }
        return properties;
    }

    static Optional<ModelProperty> property(ObjectNode spec, String name) {
        return properties(spec).stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static ModelProperty property(JsonNode node, String where) {
        if (!(node instanceof ObjectNode given)) {
            throw invalid(where + " must be an object");
        }
        for (Iterator<String> names = given.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!PROPERTY_FIELDS.contains(field)) {
                throw new FleetException(ProblemCode.UNKNOWN_FIELD, "unknown field " + where + "." + field);
            }
        }
        ObjectNode filled = given.deepCopy();
        if (!filled.hasNonNull("accessMode")) {
            filled.put("accessMode", "ReadOnly");
        }
        if (!filled.hasNonNull("symbols")) {
            filled.putArray("symbols");
        }
        // The wire mapper wants every record component: the optional ones are spelled out here.
        for (String optional : List.of("unit", "description")) {
            if (!filled.hasNonNull(optional)) {
                filled.put(optional, "");
            }
        }
        for (String optional : List.of("min", "max")) {
            if (!filled.has(optional)) {
                filled.putNull(optional);
            }
        }
        for (String bound : List.of("min", "max")) {
            if (filled.has(bound)
                    && !filled.get(bound).isNull()
                    && !filled.get(bound).isNumber()) {
                throw invalid(where + "." + bound + " must be a number");
            }
        }
        try {
            return SpecRows.MAPPER.treeToValue(filled, ModelProperty.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw invalid(where + ": " + rootMessage(e), e);
        }
    }

    static FleetException invalid(String detail) {
        return new FleetException(ProblemCode.INVALID_SPEC, detail);
    }

    static FleetException invalid(String detail, Throwable cause) {
        return new FleetException(ProblemCode.INVALID_SPEC, detail, cause);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int depth = 0; depth < 16 && root.getCause() != null; depth++) {
            root = root.getCause();
        }
        String message = root instanceof JsonProcessingException json ? json.getOriginalMessage() : root.getMessage();
        return message == null
                ? root.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
