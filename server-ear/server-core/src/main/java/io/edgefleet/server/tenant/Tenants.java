package io.edgefleet.server.tenant;

import io.edgefleet.server.problem.FleetException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenants and their resourceVersion counter. {@link #advance} is the only writer of the counter: it
 * locks the tenant row, so changes of one tenant are totally ordered by version.
 */
@ApplicationScoped
@Transactional
public class Tenants {
    public static final String DEFAULT = "default";

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    // Tenants are never renamed or deleted, so name -> id is cacheable for the life of the server.
    private final Map<String, TenantRef> byName = new ConcurrentHashMap<>();

    public Optional<TenantRef> find(String name) {
        TenantRef cached = byName.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TenantRef> found = em.createQuery(
                        "SELECT t FROM TenantEntity t WHERE t.name = :name", TenantEntity.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst()
                .map(TenantEntity::ref);
        found.ifPresent(ref -> byName.put(name, ref));
        return found;
    }

    public TenantRef byId(long id) {
        TenantEntity entity = em.find(TenantEntity.class, id);
        if (entity == null) {
            throw FleetException.notFound("tenant " + id);
        }
        return entity.ref();
    }

    public TenantRef require(String name) {
        return find(name).orElseThrow(() -> FleetException.notFound("tenant '" + name + "'"));
    }

    /**
     * Advances the tenant's resourceVersion inside the caller's transaction and returns the new value.
     * Lock order everywhere: the changed resource's row first, then the tenant row.
     *
     * <p>One UPDATE that locks and increments, then a read of the row this transaction now holds: a
     * tenant entity the transaction loaded earlier (through {@link #byId}) keeps the counter it read,
     * and locking an entity already managed does not refresh it, so incrementing the entity could hand
     * out a version a concurrent transaction already took.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long advance(TenantRef tenant) {
        int updated = em.createNativeQuery("UPDATE tenant SET resource_version = resource_version + 1 WHERE id = ?1")
                .setParameter(1, tenant.id())
                .executeUpdate();
        if (updated == 0) {
            throw FleetException.notFound("tenant '" + tenant.name() + "'");
        }
        return ((Number) em.createNativeQuery("SELECT resource_version FROM tenant WHERE id = ?1")
                        .setParameter(1, tenant.id())
                        .getSingleResult())
                .longValue();
    }

    /** The tenant's current resourceVersion (no lock: a snapshot for lists and sync). */
    public long currentVersion(TenantRef tenant) {
        return em.createQuery("SELECT t.resourceVersion FROM TenantEntity t WHERE t.id = :id", Long.class)
                .setParameter("id", tenant.id())
                .getSingleResult();
    }
}
