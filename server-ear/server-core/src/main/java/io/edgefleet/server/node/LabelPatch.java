package io.edgefleet.server.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.Labels;
import io.edgefleet.protocol.ProtocolException;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.problem.ProblemCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A JSON Merge Patch (RFC 7396) of a node, restricted to {@code metadata.labels}: a string sets a
 * label, {@code null} removes it, {@code "labels": null} removes them all. Any other member is a 422
 * {@code field-not-patchable}, because status is the server's and names are identities.
 *
 * @param removeAll the patch replaced the labels with null
 * @param changes per key: the new value, or empty to remove the label
 */
public record LabelPatch(boolean removeAll, Map<String, Optional<String>> changes) {

    public LabelPatch {
        changes = Map.copyOf(changes);
    }

    public static LabelPatch parse(JsonNode patch) {
        if (!patch.isObject()) {
            // RFC 7396: a non-object patch replaces the whole resource.
            throw notPatchable("the whole node");
        }
        boolean removeAll = false;
        Map<String, Optional<String>> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (!member.getKey().equals("metadata")) {
                throw notPatchable(member.getKey());
            }
            JsonNode metadata = member.getValue();
            if (!metadata.isObject()) {
                throw notPatchable("metadata");
            }
            for (Map.Entry<String, JsonNode> field : metadata.properties()) {
                if (!field.getKey().equals("labels")) {
                    throw notPatchable("metadata." + field.getKey());
                }
                JsonNode labels = field.getValue();
                if (labels.isNull()) {
                    removeAll = true;
                } else if (labels.isObject()) {
                    readLabels(labels, changes);
                } else {
                    throw new FleetException(
                            ProblemCode.INVALID_TYPE, "metadata.labels must be an object of strings, or null");
                }
            }
        }
        return new LabelPatch(removeAll, changes);
    }

    private static void readLabels(JsonNode labels, Map<String, Optional<String>> changes) {
        for (Map.Entry<String, JsonNode> label : labels.properties()) {
            JsonNode value = label.getValue();
            if (value.isNull()) {
                changes.put(label.getKey(), Optional.empty());
            } else if (value.isTextual()) {
                changes.put(label.getKey(), Optional.of(value.textValue()));
            } else {
                throw new FleetException(
                        ProblemCode.INVALID_TYPE, "metadata.labels values must be strings (or null to remove a label)");
            }
        }
    }

    /** The labels after applying this patch to {@code current}; validated with {@link Labels}. */
    public Map<String, String> applyTo(Map<String, String> current) {
        Map<String, String> result = removeAll ? new TreeMap<>() : new TreeMap<>(current);
        changes.forEach((key, value) -> {
            if (value.isPresent()) {
                result.put(key, value.get());
            } else {
                result.remove(key);
            }
        });
        try {
            Labels.requireValid(result);
        } catch (ProtocolException e) {
            throw Problem.from(e);
        }
        return result;
    }

    private static FleetException notPatchable(String field) {
        return new FleetException(
                ProblemCode.FIELD_NOT_PATCHABLE, "'" + field + "' cannot be changed; only metadata.labels can");
    }
}
