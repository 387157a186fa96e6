package io.edgefleet.server.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.LabelSelector;
import io.edgefleet.protocol.Labels;
import io.edgefleet.protocol.Names;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.ProtocolException;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.problem.ProblemCode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the workload JSON people send and writes the forms stored in the database. Omitted template
 * fields get their defaults (restart Always, no probes, no limits, 10 s stop grace); unknown fields
 * and invalid values are refused with a detail that names the field.
 */
final class WorkloadJson {
    static final ObjectMapper MAPPER = ProtocolCodec.newMapper(4 * 1024 * 1024)
            .copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private static final Set<String> TOP = Set.of("metadata", "spec", "status", "apiVersion", "kind");
    private static final Set<String> METADATA =
            Set.of("name", "labels", "tenant", "resourceVersion", "generation", "createdAt", "updatedAt");
    private static final Set<String> SPEC = Set.of("selector", "template", "rollout");

    private WorkloadJson() {}

    /** A workload body as sent to POST or PUT. */
    record Parsed(String name, Map<String, String> labels, WorkloadSpec spec) {}

    static Parsed parse(JsonNode body) {
        requireObject(body, "the body");
        allowOnly(body, TOP, "");
        JsonNode metadata = body.path("metadata");
        requireObject(metadata, "metadata");
        allowOnly(metadata, METADATA, "metadata.");
        String name = text(metadata.get("name"), "metadata.name");
        try {
            Names.require("workload name", name);
        } catch (ProtocolException e) {
            throw Problem.from(e);
        }
        Map<String, String> labels = labels(metadata.get("labels"));
        JsonNode spec = body.path("spec");
        requireObject(spec, "spec");
        return new Parsed(name, labels, spec(spec));
    }

    static WorkloadSpec spec(JsonNode spec) {
        allowOnly(spec, SPEC, "spec.");
        String selector = spec.hasNonNull("selector") ? text(spec.get("selector"), "spec.selector") : "";
        try {
            LabelSelector.parse(selector);
        } catch (ProtocolException e) {
            throw Problem.from(e);
        }
        JsonNode template = spec.get("template");
        requireObject(template == null ? JsonNodeFactory.instance.missingNode() : template, "spec.template");
        RolloutPolicy rollout = RolloutPolicy.DEFAULT;
        JsonNode rolloutNode = spec.get("rollout");
        if (rolloutNode != null && !rolloutNode.isNull()) {
            requireObject(rolloutNode, "spec.rollout");
            allowOnly(rolloutNode, Set.of("maxUnavailable"), "spec.rollout.");
            JsonNode max = rolloutNode.get("maxUnavailable");
            if (max != null && !max.isNull()) {
                if (!max.canConvertToExactIntegral() || !max.isIntegralNumber()) {
                    throw invalid("spec.rollout.maxUnavailable must be a whole number");
                }
                rollout = build(() -> new RolloutPolicy(max.intValue()));
            }
        }
        return new WorkloadSpec(selector, template(template), rollout);
    }

    static WorkloadTemplate template(JsonNode template) {
        ObjectNode filled = template.deepCopy();
        putDefault(filled, "runtime", "process");
        if (!filled.hasNonNull("artifact")) {
            filled.putNull("artifact");
        }
        putDefaultArray(filled, "command");
        putDefaultArray(filled, "args");
        if (!filled.hasNonNull("env")) {
            filled.putObject("env");
        }
        putDefault(filled, "restartPolicy", "Always");
        for (String probe : new String[] {"livenessProbe", "readinessProbe"}) {
            JsonNode node = filled.get(probe);
            if (node == null || node.isNull()) {
                filled.putNull(probe);
            } else if (node instanceof ObjectNode probeNode) {
                putDefaultArray(probeNode, "command");
                putDefaultInt(probeNode, "port", 0);
                putDefault(probeNode, "path", "/");
                putDefaultInt(probeNode, "initialDelaySeconds", 0);
                putDefaultInt(probeNode, "periodSeconds", 10);
                putDefaultInt(probeNode, "timeoutSeconds", 1);
                putDefaultInt(probeNode, "failureThreshold", 3);
            }
        }
        if (!filled.hasNonNull("limits")) {
            ObjectNode limits = filled.putObject("limits");
            limits.put("memoryMb", 0);
            limits.put("cpuMillis", 0);
        } else if (filled.get("limits") instanceof ObjectNode limits) {
            putDefaultInt(limits, "memoryMb", 0);
            putDefaultInt(limits, "cpuMillis", 0);
        }
        putDefaultInt(filled, "stopGraceSeconds", 10);
        if (filled.get("artifact") instanceof ObjectNode artifact) {
            putDefaultInt(artifact, "sizeBytes", 0);
            if (!artifact.hasNonNull("name")) {
                artifact.put("name", "artifact");
            }
        }
        try {
            return MAPPER.treeToValue(filled, WorkloadTemplate.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw invalid("spec.template: " + rootMessage(e), e);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    static WorkloadTemplate readTemplate(String json) {
        try {
            return MAPPER.readValue(json, WorkloadTemplate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored workload template cannot be read", e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> readLabels(String json) {
        try {
            return MAPPER.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored workload labels cannot be read", e);
        }
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return labels;
        }
        requireObject(node, "metadata.labels");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            labels.put(label.getKey(), text(label.getValue(), "metadata.labels." + label.getKey()));
        }
        try {
            return Labels.requireValid(labels);
        } catch (ProtocolException e) {
            throw Problem.from(e);
        }
    }

    private static <T> T build(java.util.function.Supplier<T> factory) {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), e);
        }
    }

    private static void putDefault(ObjectNode node, String field, String value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }

    private static void putDefaultInt(ObjectNode node, String field, int value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }

    private static void putDefaultArray(ObjectNode node, String field) {
        if (!node.hasNonNull(field)) {
            node.putArray(field);
        }
    }

    private static void requireObject(JsonNode node, String what) {
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

    private static String text(JsonNode node, String what) {
        if (node == null || !node.isTextual()) {
            throw new FleetException(ProblemCode.INVALID_TYPE, what + " must be a string");
        }
        return node.textValue();
    }

    static FleetException invalid(String detail) {
        return new FleetException(ProblemCode.INVALID_WORKLOAD, detail);
    }

    static FleetException invalid(String detail, Throwable cause) {
        return new FleetException(ProblemCode.INVALID_WORKLOAD, detail, cause);
    }

    private static String rootMessage(Throwable e) {
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
