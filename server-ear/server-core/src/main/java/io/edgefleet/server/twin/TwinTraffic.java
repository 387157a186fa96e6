package io.edgefleet.server.twin;

import io.edgefleet.protocol.TwinReport;
import io.edgefleet.protocol.device.DeviceState;
import io.edgefleet.protocol.device.EdgeDesired;
import io.edgefleet.protocol.device.ModelProperty;
import io.edgefleet.protocol.device.ReportedValue;
import io.edgefleet.server.device.DeviceModels;
import io.edgefleet.server.device.DeviceStateEvents;
import io.edgefleet.server.device.Devices;
import io.edgefleet.server.device.ValueCheck;
import io.edgefleet.server.edge.Throttle;
import io.edgefleet.server.node.NodeTraffic;
import io.edgefleet.server.node.TrafficOutcome;
import io.edgefleet.server.resource.ChangeLog;
import io.edgefleet.server.resource.SpecRow;
import io.edgefleet.server.resource.SpecRows;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code twin-report} from the edge: reported values, the device's state and edge-set desired values,
 * stored in the transaction that advances the node's reliable-stream cursor (each report counts
 * once). An edge-set desired value is accepted only on its base version (decision 0005); otherwise
 * the cloud's value stands and the refusal is counted and logged. A report about a device the tenant
 * lacks, or one wired to another node, is consumed and refused: resending it would not help.
 */
@ApplicationScoped
public class TwinTraffic {
    private static final Logger LOG = LoggerFactory.getLogger(TwinTraffic.class);
    private final Throttle warnings = new Throttle(Duration.ofMinutes(1), Clock.systemUTC());

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    NodeTraffic nodes;

    @Inject
    Devices devices;

    @Inject
    DeviceModels models;

    @Inject
    TwinRows twinRows;

    @Inject
    Twins twins;

    @Inject
    Tenants tenants;

    @Inject
    ChangeLog changeLog;

    @Inject
    DeviceStateEvents stateEvents;

    @Inject
    MetricRegistry registry;

    @Transactional
    public TrafficOutcome twinReport(TenantRef tenant, String node, long seq, TwinReport report, Instant now) {
        return nodes.reliable(tenant, node, seq, now, entity -> apply(tenant, node, report, now));
    }

    private void apply(TenantRef tenant, String node, TwinReport report, Instant now) {
        Optional<SpecRow> found = devices.find(tenant, report.device(), true);
        if (found.isEmpty() || !node.equals(found.get().extra("node_name"))) {
            count(
                    "edgefleet_twin_reports_refused",
                    "Twin reports refused",
                    "reason",
                    found.isEmpty() ? "unknown-device" : "other-node",
                    1);
            if (warnings.allow("device:" + node + "/" + report.device())) {
                LOG.warn(
                        "EF1403 node {} reported device {}, which {}; report dropped",
                        node,
                        report.device(),
                        found.isEmpty()
                                ? "does not exist"
                                : "is wired to node " + found.get().extra("node_name"));
            }
            return;
        }
        SpecRow device = found.get();
        report.state().ifPresent(state -> state(tenant, node, device, state, now));
        for (ReportedValue value : report.reported()) {
            twinRows.report(device.id(), value, now);
        }
        em.createNativeQuery("UPDATE device SET reported_at = ?2 WHERE id = ?1")
                .setParameter(1, device.id())
                .setParameter(2, now)
                .executeUpdate();
        count(
                "edgefleet_twin_reported_values",
                "Reported property values stored",
                "source",
                "edge",
                report.reported().size());
        if (!report.desired().isEmpty()) {
            edgeDesired(tenant, node, device, report.desired(), now);
        }
    }

    private void state(TenantRef tenant, String node, SpecRow device, DeviceState state, Instant now) {
        String phase = state == DeviceState.ONLINE ? "Online" : "Offline";
        int changed = em.createNativeQuery(
                        "UPDATE device SET state = ?2, state_since = ?3 WHERE id = ?1 AND state <> ?2")
                .setParameter(1, device.id())
                .setParameter(2, phase)
                .setParameter(3, now)
                .executeUpdate();
        if (changed > 0) {
            LOG.info("EF1404 device {} {}", device.name(), phase.toLowerCase(java.util.Locale.ROOT));
            stateEvents.changed(tenant, device, phase, node, now);
        }
    }

    /** Decision 0005: an edge value wins only if the cloud did not change the property since the edge last saw it. */
    private void edgeDesired(TenantRef tenant, String node, SpecRow device, List<EdgeDesired> desired, Instant now) {
        SpecRow model = models.row(tenant, device.extra("model_name"));
        List<ModelProperty> properties = models.properties(model);
        Map<String, TwinRows.Stored> current = twinRows.of(device.id());
        long version = 0;
        for (EdgeDesired change : desired) {
            Optional<ModelProperty> property = properties.stream()
                    .filter(p -> p.name().equals(change.property()))
                    .findFirst();
            long held = Optional.ofNullable(current.get(change.property()))
                    .map(TwinRows.Stored::desiredVersion)
                    .orElse(0L);
            Optional<String> refusal = property.isEmpty()
                    ? Optional.of("the model has no such property")
                    : ValueCheck.problem(property.get(), change.value());
            if (refusal.isEmpty() && held != change.baseVersion()) {
                refusal = Optional.of("the cloud changed it meanwhile (version " + held + ", the edge's base "
                        + change.baseVersion() + "): the cloud's value stands");
            }
            if (refusal.isPresent()) {
                count("edgefleet_twin_edge_desired", "Desired values set at the edge", "outcome", "refused", 1);
                LOG.warn(
                        "EF1402 edge desired value of {}.{} from node {} refused: {}",
                        device.name(),
                        change.property(),
                        node,
                        refusal.get());
                continue;
            }
            if (version == 0) {
                version = tenants.advance(tenant);
            }
            twinRows.desire(
                    device.id(), change.property(), Optional.of(change.value()), held + 1, change.by(), change.at());
            count("edgefleet_twin_edge_desired", "Desired values set at the edge", "outcome", "accepted", 1);
        }
        if (version > 0) {
            twins.desiredChanged(tenant, device, version);
            changeLog.append(
                    tenant,
                    version,
                    Twins.KIND,
                    device.name(),
                    ChangeLog.Operation.MODIFIED,
                    SpecRows.write(twins.view(tenant, device)),
                    "node:" + node,
                    now);
        }
    }

    private void count(String name, String description, String tag, String value, long amount) {
        if (amount > 0) {
            registry.counter(
                            Metadata.builder()
                                    .withName(name)
                                    .withDescription(description)
                                    .build(),
                            new Tag(tag, value))
                    .inc(amount);
        }
    }
}
