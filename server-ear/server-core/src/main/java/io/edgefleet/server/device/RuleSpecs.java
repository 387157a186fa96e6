package io.edgefleet.server.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.device.AccessMode;
import io.edgefleet.protocol.device.DesiredRule;
import io.edgefleet.protocol.device.ModelProperty;
import io.edgefleet.protocol.device.RuleAction;
import io.edgefleet.protocol.device.RuleComparison;
import io.edgefleet.protocol.device.ValueType;
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
 * The {@code Rule} resource (DESIGN section 2): an edge-local fallback, evaluated on the node of the
 * condition's device with or without the cloud. Checked here against the models so that a rule that
 * could never act (a ReadOnly target, a value out of range, a device on another node) is refused when
 * it is written, not discovered when the plant needs it.
 */
@ApplicationScoped
public class RuleSpecs implements SpecKind {
    public static final SpecTable TABLE = new SpecTable("Rule", "rule", List.of("device_name"));

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
        DesiredRule rule = parse(name, 1, spec);
        SpecRow device = device(tenant, rule.when().device(), "spec.when.device");
        ModelProperty watched = property(tenant, device, rule.when().property(), "spec.when.property");
        if (rule.when().comparison() != RuleComparison.EQUALS
                && !List.of(ValueType.INT, ValueType.FLOAT, ValueType.DOUBLE).contains(watched.type())) {
            throw ModelSpec.invalid("spec.when: above and below need a number property; '" + watched.name() + "' is "
                    + watched.type().name().toLowerCase(java.util.Locale.ROOT));
        }
        checkAction(tenant, device, rule.then(), "spec.then");
        rule.onClear().ifPresent(action -> checkAction(tenant, device, action, "spec.onClear"));
        ObjectNode checked = SpecRows.MAPPER.valueToTree(rule);
        checked.remove("name");
        checked.remove("generation");
        return new Checked(checked, Map.of("device_name", rule.when().device()));
    }

    @Override
    public void changed(TenantRef tenant, Optional<SpecRow> before, Optional<SpecRow> after, long version) {
        Optional<String> oldNode = before.flatMap(r -> nodeOf(tenant, r.extra("device_name")));
        Optional<String> newNode = after.flatMap(r -> nodeOf(tenant, r.extra("device_name")));
        String name = before.or(() -> after).orElseThrow().name();
        if (oldNode.isPresent() && !oldNode.equals(newNode)) {
            assignments.remove(tenant, oldNode.get(), DesiredRule.RESOURCE, name, version);
        }
        if (after.isPresent() && newNode.isPresent()) {
            assignments.writeRule(tenant, newNode.get(), desired(after.get()), version);
        }
    }

    @Override
    public ObjectNode status(TenantRef tenant, SpecRow row) {
        ObjectNode status = SpecRows.MAPPER.createObjectNode();
        nodeOf(tenant, row.extra("device_name")).ifPresent(node -> status.put("node", node));
        return status;
    }

    /** The rule as its node receives it. */
    static DesiredRule desired(SpecRow rule) {
        return parse(rule.name(), rule.generation(), rule.spec());
    }

    private static DesiredRule parse(String name, long generation, ObjectNode spec) {
        ObjectNode full = spec.deepCopy();
        full.put("name", name);
        full.put("generation", generation);
        // The wire mapper wants every record component: the optional ones are spelled out here.
        if (!full.has("onClear")) {
            full.putNull("onClear");
        }
        for (String action : List.of("then", "onClear")) {
            if (full.get(action) instanceof ObjectNode given) {
                for (String optional : List.of("device", "property", "value", "workload")) {
                    if (!given.has(optional)) {
                        given.putNull(optional);
                    }
                }
                if (!given.hasNonNull("message")) {
                    given.put("message", "");
                }
            }
        }
        try {
            return SpecRows.MAPPER.treeToValue(full, DesiredRule.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ModelSpec.invalid("spec: " + ModelSpec.rootMessage(e), e);
        }
    }

    private void checkAction(TenantRef tenant, SpecRow conditionDevice, RuleAction action, String where) {
        if (action.type() != RuleAction.Type.WRITE_PROPERTY) {
            return;
        }
        SpecRow target = device(tenant, action.device().orElseThrow(), where + ".device");
        if (!target.extra("node_name").equals(conditionDevice.extra("node_name"))) {
            throw ModelSpec.invalid(where + ".device: '" + target.name() + "' is on node '"
                    + target.extra("node_name") + "', the condition's device on '"
                    + conditionDevice.extra("node_name") + "': a rule acts on its own node only");
        }
        ModelProperty property = property(tenant, target, action.property().orElseThrow(), where + ".property");
        if (property.accessMode() == AccessMode.READ_ONLY) {
            throw new FleetException(
                    ProblemCode.READ_ONLY_PROPERTY, where + ": property '" + property.name() + "' is ReadOnly");
        }
        ValueCheck.problem(property, action.value().orElseThrow()).ifPresent(problem -> {
            throw new FleetException(ProblemCode.INVALID_DESIRED_VALUE, where + ".value: " + problem);
        });
    }

    private SpecRow device(TenantRef tenant, String name, String where) {
        return rows.find(Devices.TABLE, tenant, name, false)
                .orElseThrow(() -> ModelSpec.invalid(where + ": no device '" + name + "'"));
    }

    private ModelProperty property(TenantRef tenant, SpecRow device, String name, String where) {
        SpecRow model = models.require(tenant, device.extra("model_name"));
        return ModelSpec.property(model.spec(), name)
                .orElseThrow(() -> new FleetException(
                        ProblemCode.UNKNOWN_PROPERTY,
                        where + ": device model '" + model.name() + "' has no property '" + name + "'"));
    }

    private Optional<String> nodeOf(TenantRef tenant, String device) {
        return rows.find(Devices.TABLE, tenant, device, false).map(d -> d.extra("node_name"));
    }
}
