package io.edgefleet.server.device;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.device.DesiredDevice;
import io.edgefleet.protocol.device.DesiredRule;
import io.edgefleet.protocol.device.DesiredValues;
import io.edgefleet.server.node.NodeLabelsChanged;
import io.edgefleet.server.resource.Columns;
import io.edgefleet.server.resource.SpecRow;
import io.edgefleet.server.resource.SpecRows;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.workload.DesiredStateChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sync rows of devices, their desired values and rules (table {@code resource_assignment}, the
 * device side of decision 0004): one row per node and resource with the spec to send, rewritten in
 * the transaction of every change that alters what the node must hold, at that change's version.
 * A device's node need not exist yet: its rows are written when the node enrolls.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeviceAssignments {
    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    SpecRows rows;

    @Inject
    Event<DesiredStateChanged> desiredStateChanged;

    /** The node's id, if it is enrolled. */
    public Optional<Long> nodeId(TenantRef tenant, String node) {
        List<?> ids = em.createNativeQuery("SELECT id FROM node WHERE tenant_id = ?1 AND name = ?2")
                .setParameter(1, tenant.id())
                .setParameter(2, node)
                .getResultList();
        return ids.stream().map(Columns::number).findFirst();
    }

    /** The device's {@code Device} row on its node, carrying its model's properties. */
    public void writeDevice(TenantRef tenant, SpecRow device, SpecRow model, long version) {
        ObjectNode spec = device.spec();
        DesiredDevice desired = new DesiredDevice(
                device.name(),
                version,
                model.name(),
                ModelSpec.properties(model.spec()),
                spec.path("protocol").asText(),
                SpecRows.MAPPER.convertValue(spec.path("connection"), DeviceSettings.STRINGS),
                SpecRows.MAPPER.convertValue(spec.path("visitors"), DeviceSettings.VISITORS),
                spec.path("collectCycleMs").asLong(),
                spec.path("reportCycleMs").asLong());
        write(tenant, node(device), DesiredDevice.RESOURCE, device.name(), version, desired);
    }

    /** The device's {@code DeviceDesired} row: every desired value the cloud holds for it. */
    public void writeDesired(TenantRef tenant, SpecRow device, DesiredValues values, long version) {
        write(tenant, node(device), DesiredValues.RESOURCE, device.name(), version, values);
    }

    public void writeRule(TenantRef tenant, String node, DesiredRule rule, long version) {
        write(tenant, node, DesiredRule.RESOURCE, rule.name(), version, rule);
    }

    /** A tombstone: the node forgets the resource at its next sync. */
    public void remove(TenantRef tenant, String node, String kind, String name, long version) {
        nodeId(tenant, node).ifPresent(id -> {
            int changed = em.createNativeQuery("UPDATE resource_assignment SET removed = TRUE, spec_json = NULL,"
                            + " assigned_version = ?4 WHERE node_id = ?1 AND resource_kind = ?2 AND name = ?3"
                            + " AND removed = FALSE")
                    .setParameter(1, id)
                    .setParameter(2, kind)
                    .setParameter(3, name)
                    .setParameter(4, version)
                    .executeUpdate();
            if (changed > 0) {
                desiredStateChanged.fire(new DesiredStateChanged(tenant, Set.of(id)));
            }
        });
    }

    /**
     * A node enrolled (or was relabelled): it gets the rows of the devices wired to it that it has
     * none of yet, with their desired values and rules.
     */
    void onNodeChanged(@Observes NodeLabelsChanged change) {
        TenantRef tenant = change.tenant();
        String node = (String) em.createNativeQuery("SELECT name FROM node WHERE id = ?1")
                .setParameter(1, change.nodeId())
                .getSingleResult();
        for (SpecRow device : rows.where(Devices.TABLE, tenant, "node_name", node)) {
            if (!has(change.nodeId(), DesiredDevice.RESOURCE, device.name())) {
                rows.find(DeviceModels.TABLE, tenant, device.extra("model_name"), false)
                        .ifPresent(model -> writeDevice(tenant, device, model, change.version()));
                writeDesired(tenant, device, TwinValues.desired(em, device), change.version());
                for (SpecRow rule : rows.where(RuleSpecs.TABLE, tenant, "device_name", device.name())) {
                    writeRule(tenant, node, RuleSpecs.desired(rule), change.version());
                }
            }
        }
    }

    private boolean has(long nodeId, String kind, String name) {
        return !em.createNativeQuery("SELECT 1 FROM resource_assignment WHERE node_id = ?1 AND resource_kind = ?2"
                        + " AND name = ?3 AND removed = FALSE")
                .setParameter(1, nodeId)
                .setParameter(2, kind)
                .setParameter(3, name)
                .getResultList()
                .isEmpty();
    }

    private void write(TenantRef tenant, String node, String kind, String name, long version, Object spec) {
        Optional<Long> nodeId = nodeId(tenant, node);
        if (nodeId.isEmpty()) {
            return;
        }
        String json = SpecRows.write(spec);
        int updated = em.createNativeQuery("UPDATE resource_assignment SET assigned_version = ?4, removed = FALSE,"
                        + " spec_json = ?5 WHERE node_id = ?1 AND resource_kind = ?2 AND name = ?3")
                .setParameter(1, nodeId.get())
                .setParameter(2, kind)
                .setParameter(3, name)
                .setParameter(4, version)
                .setParameter(5, json)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO resource_assignment (tenant_id, node_id, resource_kind, name,"
                            + " assigned_version, removed, spec_json) VALUES (?1, ?2, ?3, ?4, ?5, FALSE, ?6)")
                    .setParameter(1, tenant.id())
                    .setParameter(2, nodeId.get())
                    .setParameter(3, kind)
                    .setParameter(4, name)
                    .setParameter(5, version)
                    .setParameter(6, json)
                    .executeUpdate();
        }
        desiredStateChanged.fire(new DesiredStateChanged(tenant, Set.of(nodeId.get())));
    }

    private static String node(SpecRow device) {
        return device.extra("node_name");
    }
}
