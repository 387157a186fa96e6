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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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

    /**
     * A twin message with its place in the node's reliable stream: the one device report of a {@code
     * twin-report}, or the several of a {@code twin-reports}, which all apply under the one seq.
     */
    public record Sequenced(long seq, List<TwinReport> reports) {
        public Sequenced {
            reports = List.copyOf(reports);
        }
    }

    @Transactional
    public TrafficOutcome twinReport(TenantRef tenant, String node, long seq, TwinReport report, Instant now) {
        return twinReports(tenant, node, List.of(new Sequenced(seq, List.of(report))), now)
                .getFirst();
    }

    /**
     * A node's queued twin messages in one transaction (decision records 0008, 0009): the stream
     * cursor decides each as if it came alone; the device reports of the ones that apply are stored
     * in order with one device look-up and multi-row upserts, so the outcome equals applying them one
     * by one.
     */
    @Transactional
    public List<TrafficOutcome> twinReports(TenantRef tenant, String node, List<Sequenced> reports, Instant now) {
        List<TwinReport> applied = new ArrayList<>(reports.size());
        List<TrafficOutcome> outcomes = nodes.reliableAll(
                tenant,
                node,
                reports.stream().map(Sequenced::seq).toList(),
                now,
                (entity, index) -> applied.addAll(reports.get(index).reports()));
        apply(tenant, node, applied, now);
        return outcomes;
    }

    private void apply(TenantRef tenant, String node, List<TwinReport> reports, Instant now) {
        if (reports.isEmpty()) {
            return;
        }
        // Locked as one report alone locked its device: first the device rows (in name order), then
        // its twin rows, the order in which a desired value set through REST takes them.
        Map<String, SpecRow> found = devices.findAll(
                tenant, reports.stream().map(TwinReport::device).collect(Collectors.toCollection(TreeSet::new)), true);
        Pending pending = new Pending();
        long stored = 0;
        for (TwinReport report : reports) {
            SpecRow device = found.get(report.device());
            if (device == null || !node.equals(device.extra("node_name"))) {
                refused(node, report, Optional.ofNullable(device));
                continue;
            }
            report.state().ifPresent(state -> state(tenant, node, device, state, now));
            for (ReportedValue value : report.reported()) {
                pending.values.add(new TwinRows.Reported(device.id(), value));
            }
            pending.deviceIds.add(device.id());
            stored += report.reported().size();
            if (!report.desired().isEmpty()) {
                // The change log's view of the twin shows what this report stored, as it did one by one.
                pending.flush(now);
                edgeDesired(tenant, node, device, report.desired(), now);
            }
        }
        pending.flush(now);
        count("edgefleet_twin_reported_values", "Reported property values stored", "source", "edge", stored);
    }

    /** Reported values (and the devices they belong to) not written yet. */
    private final class Pending {
        final List<TwinRows.Reported> values = new ArrayList<>();
        final Set<Long> deviceIds = new LinkedHashSet<>();

        void flush(Instant now) {
            twinRows.reportAll(values, now);
            if (!deviceIds.isEmpty()) {
                em.createNativeQuery("UPDATE device SET reported_at = ?2 WHERE id IN (?1)")
                        .setParameter(1, List.copyOf(deviceIds))
                        .setParameter(2, now)
                        .executeUpdate();
            }
            values.clear();
            deviceIds.clear();
        }
    }

    private void refused(String node, TwinReport report, Optional<SpecRow> found) {
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
