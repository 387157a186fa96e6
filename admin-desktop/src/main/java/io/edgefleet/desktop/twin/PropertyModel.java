package io.edgefleet.desktop.twin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One typed property of a device model ({@code GET /api/v1/device-models/{name}}, spec.properties). */
public record PropertyModel(
        String name,
        String type,
        String unit,
        Optional<Double> min,
        Optional<Double> max,
        List<String> symbols,
        boolean writable,
        String description) {

    public PropertyModel {
        symbols = List.copyOf(symbols);
    }

    static PropertyModel parse(JsonNode json) {
        List<String> symbols = new ArrayList<>();
        json.path("symbols").forEach(s -> symbols.add(s.asText()));
        return new PropertyModel(
                json.path("name").asText(),
                json.path("type").asText("string"),
                json.path("unit").asText(""),
                json.path("min").isNumber() ? Optional.of(json.path("min").asDouble()) : Optional.empty(),
                json.path("max").isNumber() ? Optional.of(json.path("max").asDouble()) : Optional.empty(),
                symbols,
                "ReadWrite".equals(json.path("accessMode").asText("ReadOnly")),
                json.path("description").asText(""));
    }

    /** The device model's properties, in the model's order. */
    public static List<PropertyModel> parseModel(JsonNode model) {
        List<PropertyModel> properties = new ArrayList<>();
        model.path("spec").path("properties").forEach(p -> properties.add(parse(p)));
        return properties;
    }

    /** "double, 0 … 10 bar, ReadWrite" as the edit box explains it. */
    public String describe() {
        StringBuilder text = new StringBuilder(type);
        if (min.isPresent() || max.isPresent()) {
            text.append(", ").append(min.map(PropertyModel::number).orElse("−∞"));
            text.append(" … ").append(max.map(PropertyModel::number).orElse("∞"));
        }
        if (!unit.isEmpty()) {
            text.append(' ').append(unit);
        }
        if (!symbols.isEmpty()) {
            text.append(", one of ").append(String.join(", ", symbols));
        }
        return text.append(writable ? ", ReadWrite" : ", ReadOnly").toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
