package io.edgefleet.edge.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.ResourceChange;
import io.edgefleet.protocol.Sync;
import io.edgefleet.protocol.device.AccessMode;
import io.edgefleet.protocol.device.DesiredDevice;
import io.edgefleet.protocol.device.DesiredRule;
import io.edgefleet.protocol.device.DesiredValue;
import io.edgefleet.protocol.device.DesiredValues;
import io.edgefleet.protocol.device.ModelProperty;
import io.edgefleet.protocol.device.ValueType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Devices, desired values, rules and sync changes for the device tests. */
public final class DeviceFixtures {
    private DeviceFixtures() {}

    /**
     * A simulated boiler: {@code temperature} (double, ReadOnly, constant), {@code fan} (bool,
     * ReadWrite, starts false), {@code setpoint} (double 0..100, ReadWrite), {@code mode} (enum).
     */
    public static DesiredDevice boiler(String name, long generation, double temperature) {
        return boiler(name, generation, temperature, Map.of(), 100, 100);
    }

    public static DesiredDevice boiler(
            String name,
            long generation,
            double temperature,
            Map<String, String> connection,
            long collectMs,
            long reportMs) {
        List<ModelProperty> properties = List.of(
                property("temperature", ValueType.DOUBLE, AccessMode.READ_ONLY, Optional.empty(), List.of()),
                property("fan", ValueType.BOOL, AccessMode.READ_WRITE, Optional.empty(), List.of()),
                property("setpoint", ValueType.DOUBLE, AccessMode.READ_WRITE, Optional.of(100.0), List.of()),
                property("mode", ValueType.ENUM, AccessMode.READ_WRITE, Optional.empty(), List.of("auto", "manual")));
        Map<String, Map<String, String>> visitors = new HashMap<>();
        visitors.put("temperature", Map.of("generator", "constant", "value", Double.toString(temperature)));
        visitors.put("fan", Map.of("generator", "constant"));
        visitors.put("setpoint", Map.of("generator", "constant", "value", "20"));
        return new DesiredDevice(
                name, generation, "boiler", properties, "simulated", connection, visitors, collectMs, reportMs);
    }

    /** A simulated meter whose one property, {@code count} (int), rises at every collect (every 50 ms). */
    public static DesiredDevice meter(String name, long reportMs) {
        return new DesiredDevice(
                name,
                1,
                "meter",
                List.of(property("count", ValueType.INT, AccessMode.READ_ONLY, Optional.empty(), List.of())),
                "simulated",
                Map.of(),
                Map.of("count", Map.of("generator", "counter")),
                50,
                reportMs);
    }

    private static ModelProperty property(
            String name, ValueType type, AccessMode access, Optional<Double> max, List<String> symbols) {
        return new ModelProperty(name, type, "", max.map(m -> 0.0), max, symbols, access, "");
    }

    /** A numeric or boolean property with a unit and an optional 0..max range, for the driver tests. */
    public static ModelProperty property(
            String name, ValueType type, String unit, AccessMode access, Optional<Double> max) {
        return new ModelProperty(name, type, unit, max.map(m -> 0.0), max, List.of(), access, "");
    }

    public static ResourceChange upsert(long version, DesiredDevice device) {
        return change(version, DesiredDevice.RESOURCE, device.name(), JsonValues.MAPPER.valueToTree(device));
    }

    public static ResourceChange upsert(long version, DesiredRule rule) {
        return change(version, DesiredRule.RESOURCE, rule.name(), JsonValues.MAPPER.valueToTree(rule));
    }

    public static ResourceChange desired(long version, String device, Map<String, DesiredValue> values) {
        return change(
                version,
                DesiredValues.RESOURCE,
                device,
                JsonValues.MAPPER.valueToTree(new DesiredValues(device, values)));
    }

    public static DesiredValue value(JsonNode value, long version) {
        return new DesiredValue(value, version, "user:alice", Instant.parse("2026-12-03T10:00:00Z"));
    }

    public static ResourceChange delete(long version, String resource, String name) {
        return new ResourceChange(version, resource, name, ResourceChange.Operation.DELETE, Optional.empty());
    }

    private static ResourceChange change(long version, String resource, String name, JsonNode spec) {
        return new ResourceChange(version, resource, name, ResourceChange.Operation.UPSERT, Optional.of(spec));
    }

    public static Sync delta(long from, long to, ResourceChange... changes) {
        return new Sync(from, to, false, List.of(changes));
    }
}
