package io.edgefleet.server.event;

import io.edgefleet.server.resource.ChangeLog;
import io.edgefleet.server.resource.Columns;
import io.edgefleet.server.resource.SpecRows;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records and lists events. An event takes the next tenant resourceVersion as its id and is written
 * twice in one transaction: to {@code event} (queried by filters, kept for the retention) and to the
 * change log as kind {@value #KIND} (streamed by {@code /watch/events}, resumable like every watch).
 */
@ApplicationScoped
@Transactional
public class Events {
    /** The change log's {@code resource_kind} of events. */
    public static final String KIND = "Event";

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    ChangeLog changeLog;

    /** Records {@code event} in the caller's transaction, or in its own when there is none. */
    public FleetEvent record(TenantRef tenant, NewEvent event, Instant now) {
        long id = tenants.advance(tenant);
        em.createNativeQuery("INSERT INTO event (tenant_id, id, occurred_at, type, reason, involved_kind,"
                        + " involved_name, node_name, message, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, tenant.id())
                .setParameter(2, id)
                .setParameter(3, now)
                .setParameter(4, event.type().wireName())
                .setParameter(5, event.reason())
                .setParameter(6, event.involvedKind())
                .setParameter(7, event.involvedName())
                .setParameter(8, event.node().orElse(null))
                .setParameter(9, event.message())
                .setParameter(10, event.actor())
                .executeUpdate();
        FleetEvent recorded = FleetEvent.of(id, now, event);
        changeLog.append(
                tenant,
                id,
                KIND,
                event.involvedName(),
                ChangeLog.Operation.ADDED,
                SpecRows.write(recorded),
                event.actor(),
                now);
        return recorded;
    }

    /** A page of the tenant's events, newest first. */
    public EventList list(TenantRef tenant, EventQuery query) {
        long version = tenants.currentVersion(tenant);
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, type, reason, involved_kind, involved_name,"
                + " node_name, message, actor FROM event WHERE tenant_id = ?1");
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenant.id());
        query.node().ifPresent(v -> condition(sql, parameters, "node_name", v));
        query.involvedKind().ifPresent(v -> condition(sql, parameters, "involved_kind", v));
        query.involvedName().ifPresent(v -> condition(sql, parameters, "involved_name", v));
        query.type().ifPresent(v -> condition(sql, parameters, "type", v.wireName()));
        query.reason().ifPresent(v -> condition(sql, parameters, "reason", v));
        query.before().ifPresent(v -> {
            parameters.add(v);
            sql.append(" AND id < ?").append(parameters.size());
        });
        sql.append(" ORDER BY id DESC");
        Query select = em.createNativeQuery(sql.toString()).setMaxResults(query.limit() + 1);
        for (int i = 0; i < parameters.size(); i++) {
            select.setParameter(i + 1, parameters.get(i));
        }
        List<FleetEvent> events = new ArrayList<>();
        for (Object row : select.getResultList()) {
            events.add(event((Object[]) row));
        }
        boolean more = events.size() > query.limit();
        List<FleetEvent> page = more ? events.subList(0, query.limit()) : events;
        return new EventList(page, version, more ? Optional.of(page.getLast().id()) : Optional.empty());
    }

    /** Deletes up to {@code max} events older than {@code cutoff}; returns how many. */
    public int purge(Instant cutoff, int max) {
        // DELETE ... LIMIT: MariaDB/MySQL, and H2 in MySQL mode, as for readings.
        return em.createNativeQuery("DELETE FROM event WHERE occurred_at < ?1 LIMIT ?2")
                .setParameter(1, cutoff)
                .setParameter(2, max)
                .executeUpdate();
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String column, Object value) {
        parameters.add(value);
        sql.append(" AND ").append(column).append(" = ?").append(parameters.size());
    }

    private static FleetEvent event(Object[] row) {
        return new FleetEvent(
                Columns.number(row[0]),
                Columns.instant(row[1]).orElseThrow(),
                EventType.fromWireName((String) row[2]).orElse(EventType.NORMAL),
                (String) row[3],
                (String) row[4],
                (String) row[5],
                Optional.ofNullable((String) row[6]),
                (String) row[7],
                (String) row[8]);
    }
}
