package io.edgefleet.edge.device.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.edge.device.JsonValues;
import io.edgefleet.protocol.device.DeviceState;
import io.edgefleet.protocol.device.ReportedValue;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local bus's payloads (UTF-8 JSON, except the plain-text state), pure functions so the
 * contract in docs/architecture/edge-daemon.md is tested without a broker.
 */
public final class BusPayloads {
    /** A set message is a handful of values; anything larger is a mistake, not a request. */
    public static final int MAX_SET_BYTES = 64 * 1024;

    private BusPayloads() {}

    /**
     * {@code {"value": 21.5, "quality": "good", "sourceTime": "2026-12-03T10:00:00.123Z"}}; an error
     * reading has no {@code value}, and {@code error} says why when the driver said so.
     */
    public static byte[] reported(ReportedValue reading) {
        ObjectNode json = JsonValues.MAPPER.createObjectNode();
        reading.value().ifPresent(v -> json.set("value", v));
        json.put("quality", reading.quality().name().toLowerCase(Locale.ROOT));
        json.put("sourceTime", reading.sourceTime().toString());
        reading.error().ifPresent(e -> json.put("error", e));
        return bytes(json);
    }

    /** {@code Online} or {@code Offline}, plain text: a workload can compare it without a JSON parser. */
    public static byte[] state(DeviceState state) {
        return (state == DeviceState.ONLINE ? "Online" : "Offline").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The properties whose desired value the device does not hold: a property with no reading yet,
     * an error reading, or a value that differs (numbers compared as numbers, so 42 equals 42.0).
     */
    public static Map<String, JsonNode> delta(Map<String, JsonNode> desired, Map<String, ReportedValue> reported) {
        Map<String, JsonNode> delta = new TreeMap<>();
        desired.forEach((property, want) -> {
            ReportedValue have = reported.get(property);
            boolean holds = have != null
                    && have.value().filter(v -> JsonValues.same(v, want)).isPresent();
            if (!holds) {
                delta.put(property, want);
            }
        });
        return delta;
    }

    /** {@code {"setpoint": 42}}, properties in name order; {@code {}} when the device is in sync. */
    public static byte[] delta(Map<String, JsonNode> delta) {
        ObjectNode json = JsonValues.MAPPER.createObjectNode();
        new TreeMap<>(delta).forEach(json::set);
        return bytes(json);
    }

    /** {@code {"property": "setpoint", "accepted": false, "code": "out-of-range", "reason": "…"}}. */
    public static byte[] result(SetResult result) {
        ObjectNode json = JsonValues.MAPPER.createObjectNode();
        result.property().ifPresent(p -> json.put("property", p));
        json.put("accepted", result.accepted());
        result.code().ifPresent(c -> json.put("code", c));
        result.reason().ifPresent(r -> json.put("reason", r));
        return bytes(json);
    }

    /** A set message: a JSON object {@code {"property": value, …}} of at least one property. */
    public static SetRequest setRequest(byte[] payload) {
        if (payload.length > MAX_SET_BYTES) {
            return new SetRequest.Malformed(
                    "the message has " + payload.length + " bytes; at most " + MAX_SET_BYTES + " are read");
        }
        JsonNode json;
        try {
            json = JsonValues.MAPPER.readTree(payload);
        } catch (java.io.IOException e) {
            return new SetRequest.Malformed("not JSON: " + oneLine(e));
        }
        if (json == null || !json.isObject()) {
            return new SetRequest.Malformed("expected a JSON object {\"property\": value, ...}");
        }
        if (json.isEmpty()) {
            return new SetRequest.Malformed("the object names no property");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        json.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
        return new SetRequest.Values(values);
    }

    private static String oneLine(java.io.IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return message == null
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse("");
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JsonValues.MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always encodes", e);
        }
    }
}
