package io.edgefleet.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lets an absent optional field read as empty, as docs/protocol.md promises ("optional", "{@code
 * field?}"), at every depth of a body. The codec's mapper refuses a missing constructor parameter
 * (so that a forgotten required field is refused, not defaulted), which also refused a missing {@code
 * Optional} one: a peer that omitted an optional field, or an older peer that never knew a field added
 * since, was refused. Before binding, every {@code Optional} component of a record that the JSON object
 * lacks is set to {@code null}, which binds as empty. Records inside lists, maps and optionals are
 * visited too.
 */
final class AbsentOptionals {
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return components(type);
        }
    };

    /**
     * @param optional whether the component is an {@code Optional}
     * @param nested the record type found inside the component (itself, or the element of a list, the
     *     value of a map, the content of an optional), or null
     * @param map whether the component is a map, whose values (not the object itself) are records
     */
    private record Component(String name, boolean optional, Class<?> nested, boolean map) {}

    private AbsentOptionals() {}

    /** Fills, in place, the absent optional fields of {@code node}, bound to {@code type}, and of what it holds. */
    static void fill(JsonNode node, Class<?> type) {
        if (!(node instanceof ObjectNode object) || !type.isRecord()) {
            return;
        }
        for (Component component : COMPONENTS.get(type)) {
            JsonNode value = object.get(component.name());
            if (value == null) {
                if (component.optional()) {
                    object.putNull(component.name());
                }
                continue;
            }
            if (component.nested() == null) {
                continue;
            }
            if (value.isArray() || (value.isObject() && component.map())) {
                value.forEach(element -> fill(element, component.nested()));
            } else {
                fill(value, component.nested());
            }
        }
    }

    private static List<Component> components(Class<?> type) {
        List<Component> components = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            boolean optional = c.getType() == Optional.class;
            components.add(new Component(
                    c.getName(), optional, nestedRecord(c.getGenericType()), Map.class.isAssignableFrom(c.getType())));
        }
        return List.copyOf(components);
    }

    /** The record type a component holds directly or inside a list, map or optional; null if none. */
    private static Class<?> nestedRecord(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.isRecord() ? plain : null;
        }
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            return nestedRecord(arguments[arguments.length - 1]);
        }
        return null;
    }
}
