package io.edgefleet.server.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.Names;
import io.edgefleet.protocol.device.ModelProperty;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.resource.SpecRows;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A device's spec: the node it is wired to, its model, the driver's protocol with its connection
 * settings, per property a visitor (where the driver finds it: register, OPC UA node id, JSON
 * pointer, ...), and how often the node reads ({@code collectCycleMs}, default 1000) and reports
 * ({@code reportCycleMs}, default 5000). Connection and visitor values are strings (numbers and
 * booleans are taken as their text); the driver on the node checks their meaning.
 */
final class DeviceSpec {
    static final long DEFAULT_COLLECT_MS = 1000;
    static final long DEFAULT_REPORT_MS = 5000;
    private static final Pattern PROTOCOL = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Set<String> FIELDS =
            Set.of("node", "model", "protocol", "connection", "visitors", "collectCycleMs", "reportCycleMs");

    private DeviceSpec() {}

    /** Checks the spec against the device's model and fills in the defaults. */
    static ObjectNode check(ObjectNode spec, List<ModelProperty> model) {
        for (Iterator<String> names = spec.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw new FleetException(ProblemCode.UNKNOWN_FIELD, "unknown field spec." + field);
            }
        }
        ObjectNode checked = SpecRows.MAPPER.createObjectNode();
        checked.put("node", name(spec, "node"));
        checked.put("model", name(spec, "model"));
        String protocol = spec.path("protocol").asText("");
        if (!PROTOCOL.matcher(protocol).matches()) {
            throw ModelSpec.invalid("spec.protocol must name a driver: lower-case letters, digits and '-'"
                    + " (simulated, modbus-tcp, modbus-rtu, opcua, mqtt)");
        }
        checked.put("protocol", protocol);
        checked.set("connection", strings(spec.get("connection"), "spec.connection"));
        Set<String> known = model.stream().map(ModelProperty::name).collect(Collectors.toSet());
        ObjectNode visitors = checked.putObject("visitors");
        JsonNode given = spec.get("visitors");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                throw ModelSpec.invalid("spec.visitors must map property names to objects");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> visitor = it.next();
                if (!known.contains(visitor.getKey())) {
                    throw ModelSpec.invalid("spec.visitors." + visitor.getKey() + ": the model has no such property");
                }
                visitors.set(visitor.getKey(), strings(visitor.getValue(), "spec.visitors." + visitor.getKey()));
            }
        }
        checked.put("collectCycleMs", cycle(spec, "collectCycleMs", DEFAULT_COLLECT_MS));
        checked.put("reportCycleMs", cycle(spec, "reportCycleMs", DEFAULT_REPORT_MS));
        return checked;
    }

    private static String name(ObjectNode spec, String field) {
        JsonNode node = spec.get(field);
        if (node == null || !node.isTextual() || !Names.isValid(node.textValue())) {
            throw ModelSpec.invalid("spec." + field + " must be a name (1-63 lower-case letters, digits or '-')");
        }
        return node.textValue();
    }

    private static ObjectNode strings(JsonNode node, String where) {
        ObjectNode out = SpecRows.MAPPER.createObjectNode();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw ModelSpec.invalid(where + " must be an object of settings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw ModelSpec.invalid(where + "." + entry.getKey() + " must be a string, number or boolean");
            }
            out.put(entry.getKey(), value.asText());
        }
        return out;
    }

    private static long cycle(ObjectNode spec, String field, long fallback) {
        JsonNode node = spec.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || node.asLong() < 10 || node.asLong() > 86_400_000L) {
            throw ModelSpec.invalid("spec." + field + " must be a whole number of milliseconds, 10 to 86400000");
        }
        return node.asLong();
    }
}
