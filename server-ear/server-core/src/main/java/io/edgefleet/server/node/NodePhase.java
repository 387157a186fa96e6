package io.edgefleet.server.node;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/** Where a node stands: enrolled but never seen, connected within its lease, or silent past it. */
public enum NodePhase {
    PENDING("Pending"),
    ONLINE("Online"),
    OFFLINE("Offline");

    private final String wireName;

    NodePhase(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the API and the database: {@code Pending}, {@code Online}, {@code Offline}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static NodePhase fromWireName(String name) {
        return Arrays.stream(values())
                .filter(p -> p.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown phase " + name));
    }

    /** Stores the wire name, so that SQL written by hand reads {@code phase = 'Online'}. */
    @Converter
    public static class DbConverter implements AttributeConverter<NodePhase, String> {
        @Override
        public String convertToDatabaseColumn(NodePhase phase) {
            return phase == null ? null : phase.wireName();
        }

        @Override
        public NodePhase convertToEntityAttribute(String value) {
            return value == null ? null : fromWireName(value);
        }
    }
}
