package io.edgefleet.edge.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.driver.Conversion;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.Values;
import io.edgefleet.protocol.device.DesiredDevice;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/**
 * Records a desired value set at the edge, after checking it against the device's model (property
 * exists, ReadWrite, type, range, symbols), as an {@link EdgeChange} per decision 0005. The one path
 * for the {@code set} command and rule actions; works on a connection inside the caller's
 * transaction, so the CLI can use it without a running daemon.
 */
public final class EdgeDesiredWriter {
    private EdgeDesiredWriter() {}

    /** Sets a value given as text (the command line), parsed as the property's type. */
    public static SetOutcome setText(Connection c, String device, String property, String text, String by, Instant at) {
        return check(c, device, property)
                .map(binding -> switch (Values.parse(binding, text)) {
                    case Conversion.Converted converted ->
                        record(c, device, property, JsonValues.toJson(converted.value()), by, at);
                    case Conversion.Failed failed ->
                        (SetOutcome) new SetOutcome.Refused(failed.code(), failed.reason());
                })
                .orElseGet(() -> refusal(c, device, property));
    }

    /** Sets a JSON value (a rule's action), converted to the property's type without loss. */
    public static SetOutcome set(Connection c, String device, String property, JsonNode value, String by, Instant at) {
        return check(c, device, property)
                .map(binding -> switch (JsonValues.toTyped(binding, value)) {
                    case Conversion.Converted converted ->
                        record(c, device, property, JsonValues.toJson(converted.value()), by, at);
                    case Conversion.Failed failed ->
                        (SetOutcome) new SetOutcome.Refused(failed.code(), failed.reason());
                })
                .orElseGet(() -> refusal(c, device, property));
    }

    private static Optional<PropertyBinding> check(Connection c, String device, String property) {
        return DeviceTable.desired(c, device)
                .flatMap(d -> DeviceConnections.binding(d, property))
                .filter(PropertyBinding::isWritable);
    }

    private static SetOutcome refusal(Connection c, String device, String property) {
        Optional<DesiredDevice> desired = DeviceTable.desired(c, device);
        if (desired.isEmpty()) {
            return new SetOutcome.Refused("unknown-device", "this node has no device '" + device + "'");
        }
        if (DeviceConnections.binding(desired.get(), property).isEmpty()) {
            return new SetOutcome.Refused(
                    "unknown-property",
                    "device '" + device + "' (model " + desired.get().model() + ") has no property '" + property + "'");
        }
        return new SetOutcome.Refused(
                "read-only",
                "property '" + property + "' of device '" + device + "' is ReadOnly in model "
                        + desired.get().model() + ": it cannot be given a desired value");
    }

    private static SetOutcome record(
            Connection c, String device, String property, JsonNode value, String by, Instant at) {
        Optional<EdgeChange> pending =
                Optional.ofNullable(TwinTable.edgeChanges(c, device).get(property));
        EdgeChange change = EdgeChange.next(
                pending, Optional.ofNullable(TwinTable.synced(c, device).get(property)), property, value, by, at);
        TwinTable.putEdgeChange(c, device, change);
        return new SetOutcome.Recorded(change);
    }
}
