package io.edgefleet.edge.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.driver.Conversion;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.WriteResult;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.protocol.device.DesiredValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desired values to one device, once per collect cycle: for each property with a {@link Target}
 * (pending edge change, else the synced value) not yet written in this session, write it
 * (ReadWrite only, converted with the SPI's {@code Values}) and read it back; the read-back readings
 * are what gets reported. A refused write keeps its reason in {@code twin_reported.write_error};
 * retryable refusals (timeout, not connected) are tried again next cycle, the others not until the
 * desired value changes (retrying the same value cannot help). A new session writes everything
 * again: a power-cycled device has lost its setpoints.
 */
final class DesiredWrites {
    private static final Logger LOG = LoggerFactory.getLogger(DesiredWrites.class);

    private final String device;
    private final DeviceConnection connection;
    private final EdgeStore store;
    private final Clock clock;
    /** Per property: the target key handled in this session (written, or refused for good). */
    private final Map<String, String> done = new HashMap<>();
    /** Per property: the value last written and read back in this session. */
    private final Map<String, JsonNode> written = new HashMap<>();

    private final Map<String, String> errors = new HashMap<>();
    /** Per property: the value it should hold, as read by the last {@link #apply}. */
    private Map<String, JsonNode> targets = Map.of();

    DesiredWrites(String device, DeviceConnection connection, EdgeStore store, Clock clock) {
        this.device = device;
        this.connection = connection;
        this.store = store;
        this.clock = clock;
    }

    /**
     * The device answers again after a lost connection, or through a new session: it may have
     * restarted and lost what was written (an OPC UA server, a PLC after a power cycle), so every
     * target is written again in the next {@link #apply}.
     */
    void connectionRestored() {
        done.clear();
        written.clear();
    }

    /** Writes what is due; returns the read-back readings. */
    List<Reading> apply(DriverSession session) {
        record Desired(Map<String, DesiredValue> synced, Map<String, EdgeChange> edge) {}
        Desired desired = store.inTransaction(tx ->
                new Desired(TwinTable.synced(tx.connection(), device), TwinTable.edgeChanges(tx.connection(), device)));
        TreeSet<String> properties = new TreeSet<>(desired.synced().keySet());
        properties.addAll(desired.edge().keySet());
        List<Reading> readBack = new ArrayList<>();
        Map<String, JsonNode> wanted = new TreeMap<>();
        for (String property : properties) {
            Optional<Target> target = Target.of(
                    property,
                    Optional.ofNullable(desired.synced().get(property)),
                    Optional.ofNullable(desired.edge().get(property)));
            target.ifPresent(t -> wanted.put(property, t.value()));
            if (target.isEmpty() || target.get().key().equals(done.get(property))) {
                continue;
            }
            readBack.addAll(write(session, target.get()));
        }
        targets = Collections.unmodifiableMap(wanted);
        return readBack;
    }

    /** The value each property should hold, as the last {@link #apply} found it (for the twin's delta). */
    Map<String, JsonNode> targets() {
        return targets;
    }

    private List<Reading> write(DriverSession session, Target target) {
        String property = target.property();
        JsonNode before = written.get(property);
        if (before != null && JsonValues.same(before, target.value())) {
            // 0005: the server accepted the edge's change and syncs it back: the device holds it already.
            done.put(property, target.key());
            return List.of();
        }
        Optional<PropertyBinding> binding = connection.property(property);
        if (binding.isEmpty()) {
            return refused(target, "unknown-property: the device model has no property '" + property + "'", false);
        }
        if (!binding.get().isWritable()) {
            return refused(
                    target,
                    "read-only: property '" + property + "' is ReadOnly; desired value " + target.value() + " (by "
                            + target.by() + ") not written",
                    false);
        }
        return switch (JsonValues.toTyped(binding.get(), target.value())) {
            case Conversion.Failed failed -> refused(target, failed.code() + ": " + failed.reason(), false);
            case Conversion.Converted converted ->
                switch (session.write(property, converted.value())) {
                    case WriteResult.Refused r -> refused(target, r.code() + ": " + r.reason(), r.isRetryable());
                    case WriteResult.Written w -> {
                        List<Reading> back = session.read(List.of(property));
                        done.put(property, target.key());
                        written.put(property, target.value());
                        clearError(property);
                        LOG.info(
                                "EF3704 wrote {}.{} = {} (by {}); read back {}",
                                device,
                                property,
                                target.value(),
                                target.by(),
                                back.getFirst().value().map(v -> v.asText()).orElse("no value"));
                        yield back;
                    }
                };
        };
    }

    private List<Reading> refused(Target target, String reason, boolean retry) {
        String property = target.property();
        if (!retry) {
            done.put(property, target.key());
        }
        if (!reason.equals(errors.get(property))) {
            errors.put(property, reason);
            LOG.warn(
                    "EF3705 desired value of {}.{} not written{}: {}",
                    device,
                    property,
                    retry ? " (retrying next collect cycle)" : "",
                    reason);
            saveError(property, reason);
        }
        return List.of();
    }

    /** Always stored: the error may come from an earlier session or daemon run. */
    private void clearError(String property) {
        errors.remove(property);
        saveError(property, "");
    }

    private void saveError(String property, String reason) {
        store.inTransaction(tx -> {
            TwinTable.putWriteError(tx.connection(), device, property, reason, clock.instant());
            return null;
        });
    }
}
