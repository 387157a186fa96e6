package io.edgefleet.server.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log compaction: change-log rows and assignment tombstones older than the retention go, and the
 * tenant's {@code compacted_version} rises to the newest version removed. A node or watch client
 * older than that gets a snapshot (or 410 Gone) instead of a delta. Idempotent conditional
 * statements, so every cluster member may run it.
 */
@ApplicationScoped
@Transactional
public class Compaction {
    private static final Logger LOG = LoggerFactory.getLogger(Compaction.class);

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    /** Compacts every tenant up to the newest change older than {@code retention}; returns rows removed. */
    public int compact(Duration retention, Instant now) {
        Instant cutoff = now.minus(retention);
        int removed = 0;
        List<?> tenants = em.createNativeQuery("SELECT tenant_id, MAX(resource_version) FROM change_log"
                        + " WHERE changed_at < ?1 GROUP BY tenant_id")
                .setParameter(1, cutoff)
                .getResultList();
        for (Object row : tenants) {
            Object[] columns = (Object[]) row;
            long tenant = ((Number) columns[0]).longValue();
            long upTo = ((Number) columns[1]).longValue();
            int before = removed;
            removed += em.createNativeQuery("DELETE FROM change_log WHERE tenant_id = ?1 AND resource_version <= ?2")
                    .setParameter(1, tenant)
                    .setParameter(2, upTo)
                    .executeUpdate();
            removed += em.createNativeQuery("DELETE FROM workload_assignment WHERE tenant_id = ?1"
                            + " AND removed = TRUE AND assigned_version <= ?2")
                    .setParameter(1, tenant)
                    .setParameter(2, upTo)
                    .executeUpdate();
            removed += em.createNativeQuery("DELETE FROM resource_assignment WHERE tenant_id = ?1"
                            + " AND removed = TRUE AND assigned_version <= ?2")
                    .setParameter(1, tenant)
                    .setParameter(2, upTo)
                    .executeUpdate();
            em.createNativeQuery("UPDATE tenant SET compacted_version = ?2 WHERE id = ?1 AND compacted_version < ?2")
                    .setParameter(1, tenant)
                    .setParameter(2, upTo)
                    .executeUpdate();
            if (removed > before) {
                LOG.info(
                        "EF1120 change log of tenant id {} compacted up to version {}: {} rows removed",
                        tenant,
                        upTo,
                        removed - before);
            }
        }
        return removed;
    }
}
