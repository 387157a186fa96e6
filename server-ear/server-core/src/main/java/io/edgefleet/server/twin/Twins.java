package io.edgefleet.server.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.device.AccessMode;
import io.edgefleet.protocol.device.ModelProperty;
import io.edgefleet.server.device.DeviceAssignments;
import io.edgefleet.server.device.DeviceModels;
import io.edgefleet.server.device.Devices;
import io.edgefleet.server.device.TwinValues;
import io.edgefleet.server.device.ValueCheck;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.resource.ChangeLog;
import io.edgefleet.server.resource.Columns;
import io.edgefleet.server.resource.IfMatch;
import io.edgefleet.server.resource.SpecRow;
import io.edgefleet.server.resource.SpecRows;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's twin (DESIGN section 2): per model property the desired value (version, by, at), the
 * reported one (quality, source time) and whether they differ. Desired values are set with a JSON
 * Merge Patch of {@code desired}, checked against the model (ReadOnly, type, range) before anything is
 * stored; the twin's ETag is the tenant version of its last desired change.
 */
@ApplicationScoped
@Transactional
public class Twins {
    static final String KIND = "Twin";
    private static final Logger LOG = LoggerFactory.getLogger(Twins.class);

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    Devices devices;

    @Inject
    DeviceModels models;

    @Inject
    TwinRows twinRows;

    @Inject
    Tenants tenants;

    @Inject
    DeviceAssignments assignments;

    @Inject
    ChangeLog changeLog;

    public ObjectNode get(TenantRef tenant, String device) {
        return view(tenant, devices.require(tenant, device, false));
    }

    /**
     * Applies {@code {"desired": {"property": value | null}}}: each value must fit its ReadWrite
     * property; null clears a desired value. Every changed property's version goes up by one.
     */
    public ObjectNode patchDesired(
            TenantRef tenant, String deviceName, JsonNode patch, Optional<String> ifMatch, String caller) {
        SpecRow device = devices.require(tenant, deviceName, true);
        IfMatch.require(ifMatch, twinVersion(device));
        Map<String, Optional<JsonNode>> changes = changes(tenant, device, patch);
        Map<String, TwinRows.Stored> current = twinRows.of(device.id());
        Instant now = Instant.now();
        long version = tenants.advance(tenant);
        for (Map.Entry<String, Optional<JsonNode>> change : changes.entrySet()) {
            TwinRows.Stored stored = current.get(change.getKey());
            long next = (stored == null ? 0 : stored.desiredVersion()) + 1;
            twinRows.desire(device.id(), change.getKey(), change.getValue(), next, "user:" + caller, now);
        }
        desiredChanged(tenant, device, version);
        ObjectNode view = view(tenant, device);
        changeLog.append(
                tenant, version, KIND, device.name(), ChangeLog.Operation.MODIFIED, SpecRows.write(view), caller, now);
        LOG.info("EF1401 desired values of device {} set by {}: {}", device.name(), caller, changes.keySet());
        return view;
    }

    /** After desired values changed at {@code version}: the twin's ETag moves, the node gets them. */
    void desiredChanged(TenantRef tenant, SpecRow device, long version) {
        em.createNativeQuery("UPDATE device SET twin_version = ?2 WHERE id = ?1")
                .setParameter(1, device.id())
                .setParameter(2, version)
                .executeUpdate();
        assignments.writeDesired(tenant, device, TwinValues.desired(em, device), version);
    }

    ObjectNode view(TenantRef tenant, SpecRow device) {
        SpecRow model = models.row(tenant, device.extra("model_name"));
        Map<String, TwinRows.Stored> stored = twinRows.of(device.id());
        ObjectNode twin = SpecRows.MAPPER.createObjectNode();
        twin.put("device", device.name());
        twin.put("model", model.name());
        twin.put("twinVersion", twinVersion(device));
        for (ModelProperty property : models.properties(model)) {
            twin.withArray("properties")
                    .add(TwinView.property(property, Optional.ofNullable(stored.get(property.name()))));
        }
        return twin;
    }

    private Map<String, Optional<JsonNode>> changes(TenantRef tenant, SpecRow device, JsonNode patch) {
        if (!patch.isObject() || !patch.path("desired").isObject()) {
            throw new FleetException(ProblemCode.INVALID_TYPE, "send {\"desired\": {\"<property>\": <value or null>}}");
        }
        for (Iterator<String> fields = patch.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!"desired".equals(field)) {
                throw new FleetException(ProblemCode.FIELD_NOT_PATCHABLE, "only desired values can be patched");
            }
        }
        SpecRow model = models.row(tenant, device.extra("model_name"));
        List<ModelProperty> properties = models.properties(model);
        Map<String, Optional<JsonNode>> changes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.get("desired").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            ModelProperty property = properties.stream()
                    .filter(p -> p.name().equals(entry.getKey()))
                    .findFirst()
                    .orElseThrow(() -> new FleetException(
                            ProblemCode.UNKNOWN_PROPERTY,
                            "device model '" + model.name() + "' has no property '" + entry.getKey() + "'"));
            if (property.accessMode() == AccessMode.READ_ONLY) {
                throw new FleetException(
                        ProblemCode.READ_ONLY_PROPERTY,
                        "property '" + property.name() + "' is ReadOnly: it is only reported by the device");
            }
            if (entry.getValue().isNull()) {
                changes.put(property.name(), Optional.empty());
                continue;
            }
            ValueCheck.problem(property, entry.getValue()).ifPresent(problem -> {
                throw new FleetException(ProblemCode.INVALID_DESIRED_VALUE, problem);
            });
            changes.put(property.name(), Optional.of(entry.getValue()));
        }
        if (changes.isEmpty()) {
            throw new FleetException(ProblemCode.INVALID_REQUEST, "desired names no property");
        }
        return changes;
    }

    private long twinVersion(SpecRow device) {
        return Columns.number(em.createNativeQuery("SELECT twin_version FROM device WHERE id = ?1")
                .setParameter(1, device.id())
                .getSingleResult());
    }
}
