package io.edgefleet.server.device;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.device.DesiredDevice;
import io.edgefleet.protocol.device.DesiredRule;
import io.edgefleet.protocol.device.DesiredValues;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.resource.Columns;
import io.edgefleet.server.resource.SpecKind;
import io.edgefleet.server.resource.SpecRow;
import io.edgefleet.server.resource.SpecRows;
import io.edgefleet.server.resource.SpecTable;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Device} resource (DESIGN section 2): an instance of a model wired to one node. Its node
 * receives it (with the model's properties), its desired values and the rules on it through sync; a
 * device moved to another node leaves the old one in the same transaction. Status is what the node
 * reports: {@code Unknown} until the first report, then {@code Online} or {@code Offline}.
 */
@ApplicationScoped
public class Devices implements SpecKind {
    public static final SpecTable TABLE = new SpecTable("Device", "device", List.of("node_name", "model_name"));

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    SpecRows rows;

    @Inject
    DeviceModels models;

    @Inject
    DeviceAssignments assignments;

    @Override
    public SpecTable table() {
        return TABLE;
    }

    @Override
    public Checked check(TenantRef tenant, String name, ObjectNode spec) {
        String modelName = spec.path("model").asText("");
        SpecRow model = models.require(tenant, modelName);
        ObjectNode checked = DeviceSpec.check(spec, ModelSpec.properties(model.spec()));
        return new Checked(
                checked,
                Map.of(
                        "node_name",
                        checked.path("node").asText(),
                        "model_name",
                        checked.path("model").asText()));
    }

    @Override
    public void changed(TenantRef tenant, Optional<SpecRow> before, Optional<SpecRow> after, long version) {
        Optional<String> oldNode = before.map(d -> d.extra("node_name"));
        Optional<String> newNode = after.map(d -> d.extra("node_name"));
        String name = before.or(() -> after).orElseThrow().name();
        if (oldNode.isPresent() && !oldNode.equals(newNode)) {
            assignments.remove(tenant, oldNode.get(), DesiredDevice.RESOURCE, name, version);
            assignments.remove(tenant, oldNode.get(), DesiredValues.RESOURCE, name, version);
            for (SpecRow rule : rows.where(RuleSpecs.TABLE, tenant, "device_name", name)) {
                assignments.remove(tenant, oldNode.get(), DesiredRule.RESOURCE, rule.name(), version);
            }
        }
        if (after.isEmpty()) {
            return;
        }
        SpecRow device = after.get();
        assignments.writeDevice(tenant, device, models.require(tenant, device.extra("model_name")), version);
        if (!newNode.equals(oldNode)) {
            assignments.writeDesired(tenant, device, TwinValues.desired(em, device), version);
            for (SpecRow rule : rows.where(RuleSpecs.TABLE, tenant, "device_name", name)) {
                assignments.writeRule(tenant, newNode.orElseThrow(), RuleSpecs.desired(rule), version);
            }
        }
    }

    @Override
    public void checkDeletable(TenantRef tenant, SpecRow row) {
        List<SpecRow> rules = rows.where(RuleSpecs.TABLE, tenant, "device_name", row.name());
        if (!rules.isEmpty()) {
            throw new FleetException(
                    ProblemCode.RESOURCE_IN_USE,
                    "device '" + row.name() + "' has rules, e.g. '"
                            + rules.getFirst().name() + "'");
        }
    }

    @Override
    public ObjectNode status(TenantRef tenant, SpecRow row) {
        Object[] observed = (Object[])
                em.createNativeQuery("SELECT state, state_since, reported_at, twin_version FROM device WHERE id = ?1")
                        .setParameter(1, row.id())
                        .getSingleResult();
        ObjectNode status = SpecRows.MAPPER.createObjectNode();
        status.put("state", (String) observed[0]);
        status.put("stateSince", Columns.instant(observed[1]).orElseThrow().toString());
        Columns.instant(observed[2]).ifPresent(at -> status.put("lastReportAt", at.toString()));
        status.put("twinVersion", Columns.number(observed[3]));
        return status;
    }

    public Optional<SpecRow> find(TenantRef tenant, String name, boolean forUpdate) {
        return rows.find(TABLE, tenant, name, forUpdate);
    }

    /** The devices of {@code names} that exist, by name, in one query (locked in name order with {@code forUpdate}). */
    public Map<String, SpecRow> findAll(TenantRef tenant, java.util.Collection<String> names, boolean forUpdate) {
        return rows.findAll(TABLE, tenant, names, forUpdate);
    }

    /** The device, or 404. */
    public SpecRow require(TenantRef tenant, String name, boolean forUpdate) {
        return rows.find(TABLE, tenant, name, forUpdate)
                .orElseThrow(() -> FleetException.notFound("device '" + name + "'"));
    }
}
