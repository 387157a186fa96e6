package io.edgefleet.server.node;

import io.edgefleet.protocol.ConditionStatus;
import io.edgefleet.protocol.EdgeEvent;
import io.edgefleet.protocol.NodeCondition;
import io.edgefleet.protocol.NodeEventReport;
import io.edgefleet.protocol.NodeStatusReport;
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
import java.util.List;
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

    /**
     * {@code node-status}, reliable: the machine's facts and its conditions, applied only as the next
     * message of the node's stream. A condition whose status changed becomes an event (Warning when a
     * pressure begins, Normal when it ends; a node's first report is news only for a pressure) and a
     * change-log row of the node, in the same transaction, so each is recorded once and the node's
     * watchers see the new conditions.
     */
    public TrafficOutcome statusReported(
            TenantRef tenant, String node, long seq, NodeStatusReport report, Instant now) {
        return traffic.reliable(tenant, node, seq, now, entity -> {
            entity.describe(report.agentVersion(), report.os(), report.arch(), report.hostname());
            entity.capacity(report.cpus(), report.memoryMb());
            List<NodeEntity.ConditionTransition> changed = entity.conditions(report.conditions());
            for (NodeEntity.ConditionTransition transition : changed) {
                NodeCondition condition = transition.now();
                boolean trouble = condition.status() == ConditionStatus.TRUE;
                if (transition.before().isEmpty() && !trouble) {
                    continue; // "enough disk space" on a node's first report says nothing new
                }
                events.record(
                        tenant,
                        new NewEvent(
                                trouble ? EventType.WARNING : EventType.NORMAL,
                                "NodeCondition",
                                "Node",
                                node,
                                Optional.of(node),
                                condition.type() + " is " + statusWord(condition.status()) + " (" + condition.reason()
                                        + "): " + condition.message(),
                                "node:" + node),
                        condition.lastTransitionTime());
            }
            if (!changed.isEmpty()) {
                changes.log(tenant, entity, ChangeLog.Operation.MODIFIED, tenants.advance(tenant), "node:" + node, now);
            }
        });
    }

    private static String statusWord(ConditionStatus status) {
        return switch (status) {
            case TRUE -> "True";
            case FALSE -> "False";
            case UNKNOWN -> "Unknown";
        };
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
