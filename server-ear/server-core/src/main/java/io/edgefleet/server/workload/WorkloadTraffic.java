package io.edgefleet.server.workload;

import io.edgefleet.protocol.WorkloadStatusReport;
import io.edgefleet.server.node.NodeTraffic;
import io.edgefleet.server.node.TrafficOutcome;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code workload-status} from the edge: stored in the transaction that advances the node's
 * reliable-stream cursor, so each report counts exactly once.
 */
@ApplicationScoped
public class WorkloadTraffic {

    @Inject
    NodeTraffic nodes;

    @Inject
    WorkloadInstances instances;

    /** The outcome for the sequence rule, and the workloads whose instances changed. */
    public record Outcome(TrafficOutcome traffic, Set<String> workloads) {}

    @Transactional
    public Outcome workloadStatus(TenantRef tenant, String node, long seq, WorkloadStatusReport report, Instant now) {
        Set<String> workloads = new HashSet<>();
        TrafficOutcome outcome = nodes.reliable(
                tenant,
                node,
                seq,
                now,
                entity -> workloads.addAll(instances.record(tenant, entity.id(), node, report.instances(), now)));
        return new Outcome(outcome, workloads);
    }
}
