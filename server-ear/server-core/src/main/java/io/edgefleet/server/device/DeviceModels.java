package io.edgefleet.server.device;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.device.ModelProperty;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.resource.SpecKind;
import io.edgefleet.server.resource.SpecRow;
import io.edgefleet.server.resource.SpecRows;
import io.edgefleet.server.resource.SpecTable;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code DeviceModel} resource (DESIGN section 2): typed properties that devices of the model
 * have. A change reaches every node with a device of the model (its devices' sync rows carry the
 * model's properties); a model that devices use cannot be deleted.
 */
@ApplicationScoped
public class DeviceModels implements SpecKind {
    public static final SpecTable TABLE = new SpecTable("DeviceModel", "device_model", List.of());

    @Inject
    SpecRows rows;

    @Inject
    DeviceAssignments assignments;

    @Override
    public SpecTable table() {
        return TABLE;
    }

    @Override
    public Checked check(TenantRef tenant, String name, ObjectNode spec) {
        return new Checked(ModelSpec.check(spec), Map.of());
    }

    @Override
    public void changed(TenantRef tenant, Optional<SpecRow> before, Optional<SpecRow> after, long version) {
        if (after.isPresent()) {
            for (SpecRow device :
                    rows.where(Devices.TABLE, tenant, "model_name", after.get().name())) {
                assignments.writeDevice(tenant, device, after.get(), version);
            }
        }
    }

    @Override
    public void checkDeletable(TenantRef tenant, SpecRow row) {
        List<SpecRow> users = rows.where(Devices.TABLE, tenant, "model_name", row.name());
        if (!users.isEmpty()) {
            throw new FleetException(
                    ProblemCode.RESOURCE_IN_USE,
                    "device model '" + row.name() + "' is used by " + users.size() + " devices, e.g. '"
                            + users.getFirst().name() + "'");
        }
    }

    @Override
    public ObjectNode status(TenantRef tenant, SpecRow row) {
        ObjectNode status = SpecRows.MAPPER.createObjectNode();
        status.put("devices", rows.count(Devices.TABLE, tenant, "model_name", row.name()));
        return status;
    }

    /** A model that devices use (so it exists). */
    public SpecRow row(TenantRef tenant, String name) {
        return require(tenant, name);
    }

    public List<ModelProperty> properties(SpecRow model) {
        return ModelSpec.properties(model.spec());
    }

    /** The model, or 422 when a device names one that does not exist. */
    SpecRow require(TenantRef tenant, String name) {
        return rows.find(TABLE, tenant, name, false)
                .orElseThrow(() ->
                        new FleetException(ProblemCode.INVALID_SPEC, "spec.model: no device model '" + name + "'"));
    }
}
