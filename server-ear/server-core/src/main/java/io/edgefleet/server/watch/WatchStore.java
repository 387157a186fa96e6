package io.edgefleet.server.watch;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.resource.Columns;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The reads of the watch API: the tenant's position, change-log rows after a version, reported instances. */
@ApplicationScoped
@Transactional
public class WatchStore {
    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    public Position position(TenantRef tenant) {
        List<Object[]> rows =
                rows(em.createNativeQuery("SELECT resource_version, compacted_version FROM tenant WHERE id = ?1")
                        .setParameter(1, tenant.id()));
        if (rows.isEmpty()) {
            throw FleetException.notFound("tenant '" + tenant.name() + "'");
        }
        return new Position(Columns.number(rows.getFirst()[0]), Columns.number(rows.getFirst()[1]));
    }

    /** Up to {@code limit} change-log rows of the tenant with a version above {@code after}, in order. */
    public List<WatchEvent.Change> changesAfter(long tenantId, long after, Optional<String> kind, int limit) {
        Query query = em.createNativeQuery("SELECT resource_version, resource_kind, name, operation, object_json"
                        + " FROM change_log WHERE tenant_id = ?1 AND resource_version > ?2"
                        + (kind.isPresent() ? " AND resource_kind = ?3" : "")
                        + " ORDER BY resource_version")
                .setParameter(1, tenantId)
                .setParameter(2, after)
                .setMaxResults(limit);
        kind.ifPresent(k -> query.setParameter(3, k));
        List<WatchEvent.Change> changes = new ArrayList<>();
        for (Object[] row : rows(query)) {
            changes.add(new WatchEvent.Change(
                    Columns.number(row[0]),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    Columns.text(row[4]).orElse("")));
        }
        return changes;
    }

    /** The newest {@code reported_at} of the tenant's instances, if any was reported. */
    public Optional<Instant> latestReport(long tenantId) {
        Object value = em.createNativeQuery("SELECT MAX(reported_at) FROM workload_instance WHERE tenant_id = ?1")
                .setParameter(1, tenantId)
                .getSingleResult();
        return Columns.instant(value);
    }

    /** Up to {@code limit} instances reported at or after {@code from}, oldest report first. */
    List<ReportedInstance> instancesReportedFrom(long tenantId, Instant from, int limit) {
        Query query = em.createNativeQuery("SELECT i.node_id, i.reported_at, i.workload_name, n.name, i.generation,"
                        + " i.phase, i.restarts, i.last_exit_code, i.message, i.since"
                        + " FROM workload_instance i JOIN node n ON n.id = i.node_id"
                        + " WHERE i.tenant_id = ?1 AND i.reported_at >= ?2 ORDER BY i.reported_at")
                .setParameter(1, tenantId)
                .setParameter(2, from)
                .setMaxResults(limit);
        List<ReportedInstance> instances = new ArrayList<>();
        for (Object[] row : rows(query)) {
            Instant reportedAt = Columns.instant(row[1]).orElseThrow();
            instances.add(new ReportedInstance(
                    Columns.number(row[0]),
                    reportedAt,
                    new WatchEvent.InstanceChange(
                            (String) row[2],
                            (String) row[3],
                            Columns.number(row[4]),
                            (String) row[5],
                            (int) Columns.number(row[6]),
                            Optional.ofNullable(row[7]).map(v -> (int) Columns.number(v)),
                            Columns.text(row[8]).orElse(""),
                            Columns.instant(row[9]).orElse(reportedAt))));
        }
        return instances;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }
}
