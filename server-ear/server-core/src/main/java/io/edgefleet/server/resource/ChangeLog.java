package io.edgefleet.server.resource;

import io.edgefleet.server.tenant.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Appends to the tenant's {@code change_log}: one row per change of a resource's metadata or spec,
 * in the transaction of the change and at the version it advanced the tenant to. The watch API
 * replays these rows to clients that resume from a resourceVersion.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChangeLog {
    /** What happened to the resource, as watch events name it. */
    public enum Operation {
        ADDED,
        MODIFIED,
        DELETED
    }

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    Event<ResourceChanged> changed;

    public void append(
            TenantRef tenant,
            long version,
            String kind,
            String name,
            Operation operation,
            String objectJson,
            String changedBy,
            Instant now) {
        em.createNativeQuery("INSERT INTO change_log (tenant_id, resource_version, resource_kind, name, operation,"
                        + " object_json, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, tenant.id())
                .setParameter(2, version)
                .setParameter(3, kind)
                .setParameter(4, name)
                .setParameter(5, operation.name())
                .setParameter(6, objectJson)
                .setParameter(7, changedBy)
                .setParameter(8, now)
                .executeUpdate();
        changed.fire(new ResourceChanged(tenant, kind, name, operation, changedBy, now));
    }
}
