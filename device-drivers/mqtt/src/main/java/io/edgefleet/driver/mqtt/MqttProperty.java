package io.edgefleet.driver.mqtt;

import com.fasterxml.jackson.core.JsonPointer;
import io.edgefleet.driver.PropertyBinding;
import java.util.Optional;

/**
 * A device property carried in JSON over MQTT.
 *
 * @param binding the property
 * @param stateTopic where the device publishes the state holding it
 * @param pointer where in that state the value is (RFC 6901)
 * @param commandTopic where writes go; empty for properties that cannot be written
 * @param command how the command payload is built
 */
record MqttProperty(
        PropertyBinding binding,
        String stateTopic,
        JsonPointer pointer,
        Optional<String> commandTopic,
        CommandShape command) {

    String name() {
        return binding.name();
    }

    /** How a written value becomes a command payload. */
    sealed interface CommandShape {
        /** {@code {"a":{"b":value}}} for pointer {@code /a/b}. */
        record AtPointer(JsonPointer pointer) implements CommandShape {}

        /** The template text with {@code ${value}} replaced by the value as JSON. */
        record Template(String template) implements CommandShape {}
    }
}
