package io.edgefleet.protocol.device;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.Names;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule does when it fires (or clears): set a desired value of a device property on the same
 * node ({@code write-property}: written to the device and read back like any desired value, recorded
 * with {@code by = rule:<name>}), restart a workload ({@code restart-workload}) or only raise an event
 * ({@code raise-event}). Every firing raises an event with {@code message}.
 */
public record RuleAction(
        Type type,
        Optional<String> device,
        Optional<String> property,
        Optional<JsonNode> value,
        Optional<String> workload,
        String message) {

    /** The kinds of action. */
    public enum Type {
        @JsonProperty("write-property")
        WRITE_PROPERTY,
        @JsonProperty("restart-workload")
        RESTART_WORKLOAD,
        @JsonProperty("raise-event")
        RAISE_EVENT
    }

    public RuleAction {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(property, "property");
        value = Objects.requireNonNull(value, "value").filter(v -> !v.isNull());
        Objects.requireNonNull(workload, "workload");
        message = Objects.requireNonNullElse(message, "");
        switch (type) {
            case WRITE_PROPERTY -> {
                Names.require("action device", device.orElse(""));
                Names.require("action property", property.orElse(""));
                if (value.isEmpty() || !value.get().isValueNode()) {
                    throw new IllegalArgumentException("write-property needs a value (JSON number, boolean or string)");
                }
            }
            case RESTART_WORKLOAD -> Names.require("action workload", workload.orElse(""));
            case RAISE_EVENT -> {
                if (message.isBlank()) {
                    throw new IllegalArgumentException("raise-event needs a message");
                }
            }
        }
    }
}
