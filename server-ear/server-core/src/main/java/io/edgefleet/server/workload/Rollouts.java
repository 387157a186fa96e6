package io.edgefleet.server.workload;

import static io.edgefleet.server.workload.Assignments.number;
import static io.edgefleet.server.workload.Assignments.rows;

import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rolling updates: hands a workload's current generation to the nodes that still run an older one,
 * a few at a time. A step holds the workload's row lock, so steps of one workload never overlap
 * whichever cluster member runs them, and any member may step any workload at any time.
 *
 * <p>Budget: at most {@code maxUnavailable} updated nodes may be without a Running instance of the
 * current generation. Nodes whose instance is unavailable anyway (node offline, instance not
 * Running) are updated at once, without using the budget, as a Kubernetes DaemonSet does.
 */
@ApplicationScoped
@Transactional
public class Rollouts {

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    Assignments assignments;

    @Inject
    Event<DesiredStateChanged> desiredStateChanged;

    /** One step of the workload's rollout, if it has one under way; returns the nodes updated. */
    public List<Long> step(TenantRef tenant, String workload) {
        Optional<WorkloadEntity> found = em.createQuery(
                        "SELECT w FROM WorkloadEntity w WHERE w.tenantId = :tenant AND w.name = :name",
                        WorkloadEntity.class)
                .setParameter("tenant", tenant.id())
                .setParameter("name", workload)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
        return found.map(entity -> stepLocked(tenant, entity, Optional.empty())).orElse(List.of());
    }

    /**
     * A step for a workload whose row the caller holds locked; {@code version} is the tenant version
     * the caller already advanced to, if it did (the step then uses it instead of advancing again).
     */
    List<Long> stepLocked(TenantRef tenant, WorkloadEntity workload, Optional<Long> version) {
        long current = workload.generation();
        List<Long> behindAvailable = new ArrayList<>();
        List<Long> behindUnavailable = new ArrayList<>();
        int inProgress = 0;
        for (Object[] row : rows(em.createNativeQuery("SELECT a.node_id, a.generation, n.phase, i.phase, i.generation"
                        + " FROM workload_assignment a JOIN node n ON n.id = a.node_id"
                        + " LEFT JOIN workload_instance i ON i.node_id = a.node_id AND i.workload_name = a.workload_name"
                        + " WHERE a.tenant_id = ?1 AND a.workload_name = ?2 AND a.removed = FALSE ORDER BY n.name")
                .setParameter(1, tenant.id())
                .setParameter(2, workload.name()))) {
            long nodeId = number(row[0]);
            long assigned = number(row[1]);
            boolean available = "Online".equals(String.valueOf(row[2]))
                    && "Running".equals(row[3])
                    && row[4] != null
                    && number(row[4]) == assigned;
            if (assigned == current) {
                inProgress += available ? 0 : 1;
            } else if (available) {
                behindAvailable.add(nodeId);
            } else {
                behindUnavailable.add(nodeId);
            }
        }
        int budget = Math.max(0, workload.maxUnavailable() - inProgress);
        List<Long> chosen = new ArrayList<>(behindUnavailable);
        chosen.addAll(behindAvailable.subList(0, Math.min(budget, behindAvailable.size())));
        if (chosen.isEmpty()) {
            return List.of();
        }
        long stamp = version.orElseGet(() -> tenants.advance(tenant));
        assignments.advance(workload.name(), chosen, current, stamp);
        desiredStateChanged.fire(new DesiredStateChanged(tenant, java.util.Set.copyOf(chosen)));
        return chosen;
    }

    /** Workloads of all tenants with nodes still on an older generation: (tenant id, workload name). */
    public List<Object[]> underWay() {
        return rows(em.createNativeQuery("SELECT DISTINCT w.tenant_id, w.name FROM workload w"
                + " JOIN workload_assignment a ON a.tenant_id = w.tenant_id AND a.workload_name = w.name"
                + " WHERE a.removed = FALSE AND a.generation < w.generation"));
    }
}
