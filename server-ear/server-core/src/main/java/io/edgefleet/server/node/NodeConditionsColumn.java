package io.edgefleet.server.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.protocol.NodeCondition;
import io.edgefleet.protocol.ProtocolCodec;
import java.util.List;

/**
 * The {@code node.conditions_json} column: the conditions as the edge reported them, in the protocol's
 * JSON. The edge sends at most 16 short ones (256-character messages), so they fit the column.
 */
final class NodeConditionsColumn {
    private static final ObjectMapper MAPPER = ProtocolCodec.newMapper(64 * 1024);
    private static final TypeReference<List<NodeCondition>> LIST = new TypeReference<>() {};

    private NodeConditionsColumn() {}

    static String write(List<NodeCondition> conditions) {
        try {
            return MAPPER.writeValueAsString(conditions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("node conditions cannot be written as JSON", e);
        }
    }

    static List<NodeCondition> read(String json) {
        try {
            return List.copyOf(MAPPER.readValue(json, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("node.conditions_json holds no conditions: " + e.getOriginalMessage(), e);
        }
    }
}
