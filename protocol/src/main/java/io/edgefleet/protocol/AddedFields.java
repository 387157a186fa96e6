package io.edgefleet.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Body fields added after protocol version 1 went out, with what an older peer means by leaving them
 * out. Decoding fills them in before binding (binding refuses a missing field), so a server upgraded
 * first still takes the messages of edges not upgraded yet. A field whose absence cannot mean anything
 * sensible needs a new protocol version instead.
 */
final class AddedFields {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final Map<MessageKind, Map<String, Supplier<JsonNode>>> DEFAULTS =
            Map.of(MessageKind.NODE_STATUS, Map.of("conditions", JSON::arrayNode));

    private AddedFields() {}

    static void fillIn(MessageKind kind, ObjectNode body) {
        DEFAULTS.getOrDefault(kind, Map.of()).forEach((field, value) -> {
            if (!body.has(field)) {
                body.set(field, value.get());
            }
        });
    }
}
