package io.edgefleet.driver.mqtt;

import com.fasterxml.jackson.core.JsonPointer;
import io.edgefleet.driver.ConfigCheck;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.PropertyBinding;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A device's MQTT settings, read in one pass with {@link ConfigCheck} so that every problem is
 * listed. {@link #toString()} never shows the password.
 */
record MqttSettings(
        String brokerUrl,
        String clientIdPrefix,
        Optional<String> username,
        Optional<String> password,
        int qos,
        Duration staleAfter,
        Duration firstStateWait,
        List<MqttProperty> properties) {

    static final String BROKER_URL = "broker-url";
    static final String CLIENT_ID_PREFIX = "client-id-prefix";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String STATE_TOPIC = "state-topic";
    static final String COMMAND_TOPIC = "command-topic";
    static final String QOS = "qos";
    static final String STALE_AFTER_MS = "stale-after-ms";
    static final String FIRST_STATE_WAIT_MS = "first-state-wait-ms";
    static final String JSON_POINTER = "json-pointer";
    static final String COMMAND_POINTER = "command-pointer";
    static final String COMMAND_TEMPLATE = "command-template";
    static final String VALUE_PLACEHOLDER = "${value}";

    private static final Duration MAX_WAIT = Duration.ofDays(1);

    @Override
    public String toString() {
        return "MqttSettings[brokerUrl=" + brokerUrl + ", username=" + username.orElse("(anonymous)") + ", password="
                + (password.isPresent() ? "***" : "(none)") + ", qos=" + qos + "]";
    }

    static MqttSettings read(ConfigCheck check, DeviceConnection connection) {
        ConfigCheck.Section config = check.config();
        config.allowOnly(Set.of(
                BROKER_URL,
                CLIENT_ID_PREFIX,
                USERNAME,
                PASSWORD,
                STATE_TOPIC,
                COMMAND_TOPIC,
                QOS,
                STALE_AFTER_MS,
                FIRST_STATE_WAIT_MS));
        String url = config.requiredText(BROKER_URL).orElse("").strip();
        if (!url.isEmpty()) {
            checkUrl(config, url);
        }
        String prefix = config.text(CLIENT_ID_PREFIX, "edgefleet").strip();
        Optional<String> username = config.text(USERNAME);
        Optional<String> password = config.text(PASSWORD);
        if (password.isPresent() && username.isEmpty()) {
            config.report(PASSWORD, "given without " + USERNAME);
        }
        Optional<String> stateTopic = config.text(STATE_TOPIC).map(String::strip);
        stateTopic.ifPresent(t -> checkTopic(config, STATE_TOPIC, t));
        Optional<String> commandTopic = config.text(COMMAND_TOPIC).map(String::strip);
        commandTopic.ifPresent(t -> checkTopic(config, COMMAND_TOPIC, t));
        int qos = (int) config.integer(QOS, 1, 0, 2);
        Duration staleAfter = config.millis(STALE_AFTER_MS, Duration.ZERO, MAX_WAIT);
        Duration firstWait = config.millis(FIRST_STATE_WAIT_MS, Duration.ofSeconds(1), Duration.ofMinutes(1));
        List<MqttProperty> properties = new ArrayList<>();
        for (PropertyBinding binding : connection.properties()) {
            readProperty(check, binding, stateTopic, commandTopic).ifPresent(properties::add);
        }
        return new MqttSettings(url, prefix, username, password, qos, staleAfter, firstWait, properties);
    }

    private static void checkUrl(ConfigCheck.Section config, String url) {
        try {
            URI uri = new URI(url);
            if (!Set.of("tcp", "ssl", "ws", "wss").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
                config.report(BROKER_URL, "expected tcp://host:port (or ssl://, ws://, wss://), got '" + url + "'");
            }
        } catch (URISyntaxException e) {
            config.report(BROKER_URL, "not a URL: " + e.getReason());
        }
    }

    private static void checkTopic(ConfigCheck.Section section, String key, String topic) {
        if (topic.contains("+") || topic.contains("#")) {
            section.report(key, "a device topic cannot contain wildcards, got '" + topic + "'");
        }
    }

    private static Optional<MqttProperty> readProperty(
            ConfigCheck check,
            PropertyBinding binding,
            Optional<String> defaultState,
            Optional<String> defaultCommand) {
        ConfigCheck.Section visitor = check.visitor(binding);
        visitor.allowOnly(Set.of(JSON_POINTER, STATE_TOPIC, COMMAND_TOPIC, COMMAND_POINTER, COMMAND_TEMPLATE));
        Optional<JsonPointer> pointer = pointer(visitor, JSON_POINTER, true);
        Optional<String> stateTopic =
                visitor.text(STATE_TOPIC).map(String::strip).or(() -> defaultState);
        if (stateTopic.isEmpty()) {
            visitor.report(STATE_TOPIC, "required here or as config." + STATE_TOPIC);
        }
        visitor.text(STATE_TOPIC).ifPresent(t -> checkTopic(visitor, STATE_TOPIC, t.strip()));
        Optional<String> commandTopic =
                visitor.text(COMMAND_TOPIC).map(String::strip).or(() -> defaultCommand);
        visitor.text(COMMAND_TOPIC).ifPresent(t -> checkTopic(visitor, COMMAND_TOPIC, t.strip()));
        if (binding.isWritable() && commandTopic.isEmpty()) {
            visitor.report(
                    COMMAND_TOPIC, "a READ_WRITE property needs a command topic, here or as config." + COMMAND_TOPIC);
        }
        Optional<String> template = visitor.text(COMMAND_TEMPLATE);
        Optional<JsonPointer> commandPointer = pointer(visitor, COMMAND_POINTER, false);
        if (template.isPresent() && commandPointer.isPresent()) {
            visitor.report(COMMAND_TEMPLATE, "give " + COMMAND_POINTER + " or " + COMMAND_TEMPLATE + ", not both");
        }
        if (template.isPresent() && !template.get().contains(VALUE_PLACEHOLDER)) {
            visitor.report(COMMAND_TEMPLATE, "must contain " + VALUE_PLACEHOLDER);
        }
        if (pointer.isEmpty() || stateTopic.isEmpty()) {
            return Optional.empty();
        }
        MqttProperty.CommandShape shape = template.<MqttProperty.CommandShape>map(
                        MqttProperty.CommandShape.Template::new)
                .orElseGet(() -> new MqttProperty.CommandShape.AtPointer(commandPointer.orElse(pointer.get())));
        return Optional.of(new MqttProperty(binding, stateTopic.get(), pointer.get(), commandTopic, shape));
    }

    private static Optional<JsonPointer> pointer(ConfigCheck.Section visitor, String key, boolean required) {
        Optional<String> text = required ? visitor.requiredText(key) : visitor.text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get().strip();
        if (!value.startsWith("/")) {
            visitor.report(key, "a JSON pointer starts with '/' (RFC 6901), got '" + value + "'");
            return Optional.empty();
        }
        try {
            return Optional.of(JsonPointer.compile(value));
        } catch (IllegalArgumentException e) {
            visitor.report(key, "not a JSON pointer: " + e.getMessage());
            return Optional.empty();
        }
    }
}
