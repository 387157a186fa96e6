package io.edgefleet.server.node;

import io.edgefleet.protocol.EdgeEvent;
import io.edgefleet.protocol.NodeEventReport;
import io.edgefleet.server.event.EventType;
import io.edgefleet.server.event.Events;
import io.edgefleet.server.event.NewEvent;
import io.edgefleet.server.resource.ChangeLog;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Events about nodes. A phase change becomes a {@code NodeOnline} or {@code NodeOffline} event and a
 * change-log row with the node, so watchers of nodes and of events both learn of it; it is recorded
 * after the transaction that changed the phase committed, in its own, so the hot paths of edge traffic
 * never wait on the tenant row for it. Events the node reports ({@code node-event}) are recorded in
 * the transaction that advances its reliable stream, so each is recorded once.
 */
@ApplicationScoped
@Transactional
public class NodeEvents {
    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    NodeChanges changes;

    @Inject
    Events events;

    @Inject
    NodeTraffic traffic;

    /** {@code node-event}, reliable: each event recorded as the node describes it, at its own time. */
    public TrafficOutcome reported(TenantRef tenant, String node, long seq, NodeEventReport report, Instant now) {
        return traffic.reliable(tenant, node, seq, now, entity -> {
            for (EdgeEvent event : report.events()) {
                events.record(
                        tenant,
                        new NewEvent(
                                EventType.fromWireName(event.type()).orElse(EventType.NORMAL),
                                event.reason(),
                                event.involvedKind(),
                                event.involvedName(),
                                Optional.of(node),
                                event.message(),
                                "node:" + node),
                        event.at());
            }
        });
    }

    public void cameOnline(TenantRef tenant, String node, Instant now) {
        changed(tenant, node, now, EventType.NORMAL, "NodeOnline", "node " + node + " is online");
    }

    public void wentOffline(TenantRef tenant, String node, Instant lastSeen, Instant now) {
        changed(
                tenant,
                node,
                now,
                EventType.WARNING,
                "NodeOffline",
                "node " + node + " is offline: nothing heard since " + lastSeen);
    }

    private void changed(TenantRef tenant, String name, Instant now, EventType type, String reason, String message) {
        Optional<NodeEntity> node = em.createQuery(
                        "SELECT n FROM NodeEntity n WHERE n.tenantId = :tenant AND n.name = :name", NodeEntity.class)
                .setParameter("tenant", tenant.id())
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
        if (node.isEmpty()) {
            return; // deleted meanwhile: its deletion was the last word
        }
        changes.log(tenant, node.get(), ChangeLog.Operation.MODIFIED, tenants.advance(tenant), "system", now);
        events.record(tenant, NewEvent.system(type, reason, "Node", name, name, message), now);
    }
}
