package io.edgefleet.server.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.Labels;
import io.edgefleet.protocol.Names;
import io.edgefleet.protocol.ProtocolException;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.problem.ProblemCode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body of a POST or PUT of a spec resource: {@code metadata} (name, labels; the read-only fields
 * are accepted and ignored, so a GET result can be sent back) and {@code spec}. {@code status} is the
 * system's and is ignored too.
 */
public record SpecDocument(String name, Map<String, String> labels, ObjectNode spec) {
    private static final Set<String> TOP = Set.of("metadata", "spec", "status", "apiVersion", "kind");
    private static final Set<String> METADATA =
            Set.of("name", "labels", "tenant", "resourceVersion", "generation", "createdAt", "updatedAt");

    public SpecDocument {
        labels = Map.copyOf(labels);
    }

    public static SpecDocument parse(JsonNode body, String what) {
        requireObject(body, "the body");
        allowOnly(body, TOP, "");
        JsonNode metadata = body.path("metadata");
        requireObject(metadata, "metadata");
        allowOnly(metadata, METADATA, "metadata.");
        JsonNode nameNode = metadata.get("name");
        if (nameNode == null || !nameNode.isTextual()) {
            throw new FleetException(ProblemCode.INVALID_TYPE, "metadata.name must be a string");
        }
        try {
            Names.require(what + " name", nameNode.textValue());
        } catch (ProtocolException e) {
            throw Problem.from(e);
        }
        JsonNode spec = body.get("spec");
        requireObject(spec, "spec");
        return new SpecDocument(nameNode.textValue(), labels(metadata.get("labels")), (ObjectNode) spec.deepCopy());
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return labels;
        }
        requireObject(node, "metadata.labels");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            if (!label.getValue().isTextual()) {
                throw new FleetException(
                        ProblemCode.INVALID_TYPE, "metadata.labels." + label.getKey() + " must be a string");
            }
            labels.put(label.getKey(), label.getValue().textValue());
        }
        try {
            return Labels.requireValid(labels);
        } catch (ProtocolException e) {
            throw Problem.from(e);
        }
    }

    static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new FleetException(ProblemCode.INVALID_TYPE, what + " must be a JSON object");
        }
    }

    private static void allowOnly(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new FleetException(ProblemCode.UNKNOWN_FIELD, "unknown field " + prefix + name);
            }
        }
    }
}
