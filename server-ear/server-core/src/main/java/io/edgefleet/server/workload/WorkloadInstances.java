package io.edgefleet.server.workload;

import static io.edgefleet.server.workload.Assignments.number;
import static io.edgefleet.server.workload.Assignments.rows;

import io.edgefleet.protocol.workload.InstancePhase;
import io.edgefleet.protocol.workload.InstanceStatus;
import io.edgefleet.server.event.EventType;
import io.edgefleet.server.event.Events;
import io.edgefleet.server.event.NewEvent;
import io.edgefleet.server.resource.ContinueToken;
import io.edgefleet.server.resource.ListMeta;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code workload_instance} rows: the latest state each node reported for each of its
 * workloads, and the rollout counts derived from them.
 */
@ApplicationScoped
@Transactional
public class WorkloadInstances {

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    Events events;

    /**
     * Stores what a node reported, inside the caller's transaction (which holds the node's row lock,
     * so two reports of one node never race). Instances of workloads the tenant no longer has are
     * ignored. Returns the names of the workloads whose instances were stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> record(
            TenantRef tenant, long nodeId, String nodeName, List<InstanceStatus> reported, Instant now) {
        Set<String> known = new HashSet<>();
        for (Object name : em.createNativeQuery("SELECT name FROM workload WHERE tenant_id = ?1")
                .setParameter(1, tenant.id())
                .getResultList()) {
            known.add((String) name);
        }
        Map<String, String> before = phasesOn(nodeId);
        Set<String> stored = new HashSet<>();
        for (InstanceStatus status : reported) {
            if (!known.contains(status.workload())) {
                continue;
            }
            if (status.phase() == InstancePhase.FAILED && !"Failed".equals(before.get(status.workload()))) {
                failed(tenant, nodeName, status, now);
            }
            int updated = bindStatus(
                            em.createNativeQuery("UPDATE workload_instance SET generation = ?3, phase = ?4,"
                                    + " restarts = ?5, last_exit_code = ?6, message = ?7, since = ?8, reported_at = ?9"
                                    + " WHERE node_id = ?1 AND workload_name = ?2"),
                            nodeId,
                            status,
                            now)
                    .executeUpdate();
            if (updated == 0) {
                bindStatus(
                                em.createNativeQuery("INSERT INTO workload_instance (node_id, workload_name,"
                                        + " generation, phase, restarts, last_exit_code, message, since,"
                                        + " reported_at, tenant_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
                                nodeId,
                                status,
                                now)
                        .setParameter(10, tenant.id())
                        .executeUpdate();
            }
            stored.add(status.workload());
        }
        return stored;
    }

    private Map<String, String> phasesOn(long nodeId) {
        Map<String, String> phases = new HashMap<>();
        for (Object[] row :
                rows(em.createNativeQuery("SELECT workload_name, phase FROM workload_instance WHERE node_id = ?1")
                        .setParameter(1, nodeId))) {
            phases.put((String) row[0], (String) row[1]);
        }
        return phases;
    }

    private void failed(TenantRef tenant, String node, InstanceStatus status, Instant now) {
        String exit = status.lastExitCode().map(code -> ", exit code " + code).orElse("");
        String message = "workload " + status.workload() + " failed on node " + node + exit
                + (status.message().isBlank() ? "" : ": " + status.message());
        events.record(
                tenant,
                NewEvent.system(EventType.WARNING, "WorkloadFailed", "Workload", status.workload(), node, message),
                now);
    }

    private static Query bindStatus(Query query, long nodeId, InstanceStatus status, Instant now) {
        return query.setParameter(1, nodeId)
                .setParameter(2, status.workload())
                .setParameter(3, status.generation())
                .setParameter(4, phaseName(status.phase()))
                .setParameter(5, status.restarts())
                .setParameter(6, status.lastExitCode().orElse(null))
                .setParameter(7, status.message())
                .setParameter(8, status.since())
                .setParameter(9, now);
    }

    /** Rollout counts of one workload at its current {@code generation}. */
    public WorkloadStatus status(TenantRef tenant, String workload, long generation) {
        Object[] row = rows(em.createNativeQuery("SELECT COUNT(*),"
                                + " COALESCE(SUM(CASE WHEN a.generation = ?3 THEN 1 ELSE 0 END), 0),"
                                + " COALESCE(SUM(CASE WHEN a.generation = ?3 AND i.generation = ?3"
                                + " AND i.phase = 'Running' THEN 1 ELSE 0 END), 0),"
                                + " COALESCE(SUM(CASE WHEN i.phase = 'Failed' THEN 1 ELSE 0 END), 0)"
                                + " FROM workload_assignment a LEFT JOIN workload_instance i"
                                + " ON i.node_id = a.node_id AND i.workload_name = a.workload_name"
                                + " WHERE a.tenant_id = ?1 AND a.workload_name = ?2 AND a.removed = FALSE")
                        .setParameter(1, tenant.id())
                        .setParameter(2, workload)
                        .setParameter(3, generation))
                .getFirst();
        int desired = (int) number(row[0]);
        int updated = (int) number(row[1]);
        int available = (int) number(row[2]);
        int failed = (int) number(row[3]);
        return new WorkloadStatus(
                generation, desired, updated, available, failed, updated == desired && available == desired);
    }

    /** A page of the workload's instances, one per node that must run it, in node-name order. */
    public InstanceList list(TenantRef tenant, String workload, long version, int limit, Optional<String> after) {
        Query query = em.createNativeQuery("SELECT n.name, n.phase, a.generation, i.generation, i.phase,"
                        + " i.restarts, i.last_exit_code, i.message, i.since, i.reported_at"
                        + " FROM workload_assignment a JOIN node n ON n.id = a.node_id"
                        + " LEFT JOIN workload_instance i ON i.node_id = a.node_id AND i.workload_name = a.workload_name"
                        + " WHERE a.tenant_id = ?1 AND a.workload_name = ?2 AND a.removed = FALSE"
                        + (after.isPresent() ? " AND n.name > ?3" : "")
                        + " ORDER BY n.name")
                .setParameter(1, tenant.id())
                .setParameter(2, workload)
                .setMaxResults(limit + 1);
        after.ifPresent(a -> query.setParameter(3, a));
        List<Instance> items = new ArrayList<>();
        for (Object[] row : rows(query)) {
            items.add(new Instance(
                    (String) row[0],
                    row[1].toString(),
                    number(row[2]),
                    row[3] == null ? 0 : number(row[3]),
                    row[4] == null ? InstancePhase.PENDING : phase((String) row[4]),
                    row[5] == null ? 0 : (int) number(row[5]),
                    Optional.ofNullable(row[6]).map(v -> (int) number(v)),
                    row[7] == null ? "" : (String) row[7],
                    instant(row[8]),
                    instant(row[9])));
        }
        boolean more = items.size() > limit;
        List<Instance> page = more ? items.subList(0, limit) : items;
        Optional<String> next =
                more ? Optional.of(ContinueToken.after(page.getLast().node())) : Optional.empty();
        return new InstanceList(page, new ListMeta(version, next));
    }

    /** Every workload assigned to the node, with its reported instance, in workload-name order. */
    public NodeInstance.OnNode onNode(TenantRef tenant, String node) {
        List<NodeInstance> items = new ArrayList<>();
        for (Object[] row : rows(em.createNativeQuery("SELECT a.workload_name, a.generation, i.generation, i.phase,"
                        + " i.restarts, i.last_exit_code, i.message, i.since, i.reported_at"
                        + " FROM workload_assignment a JOIN node n ON n.id = a.node_id"
                        + " LEFT JOIN workload_instance i ON i.node_id = a.node_id AND i.workload_name = a.workload_name"
                        + " WHERE a.tenant_id = ?1 AND n.name = ?2 AND a.removed = FALSE ORDER BY a.workload_name")
                .setParameter(1, tenant.id())
                .setParameter(2, node))) {
            items.add(new NodeInstance(
                    (String) row[0],
                    number(row[1]),
                    row[2] == null ? 0 : number(row[2]),
                    row[3] == null ? InstancePhase.PENDING : phase((String) row[3]),
                    row[4] == null ? 0 : (int) number(row[4]),
                    Optional.ofNullable(row[5]).map(v -> (int) number(v)),
                    row[6] == null ? "" : (String) row[6],
                    instant(row[7]),
                    instant(row[8])));
        }
        return new NodeInstance.OnNode(node, items);
    }

    /** Forgets the instances of a deleted workload. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(TenantRef tenant, String workload) {
        em.createNativeQuery("DELETE FROM workload_instance WHERE tenant_id = ?1 AND workload_name = ?2")
                .setParameter(1, tenant.id())
                .setParameter(2, workload)
                .executeUpdate();
    }

    /** How phases are stored and shown: their API names, e.g. {@code Running}. */
    static String phaseName(InstancePhase phase) {
        String name = phase.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    static InstancePhase phase(String stored) {
        return InstancePhase.valueOf(stored.toUpperCase(Locale.ROOT));
    }

    private static Optional<Instant> instant(Object value) {
        return switch (value) {
            case null -> Optional.empty();
            case Timestamp timestamp -> Optional.of(timestamp.toInstant());
            case Instant instant -> Optional.of(instant);
            case java.time.LocalDateTime local -> Optional.of(local.toInstant(java.time.ZoneOffset.UTC));
            case java.time.OffsetDateTime offset -> Optional.of(offset.toInstant());
            default -> Optional.empty();
        };
    }
}
