package io.edgefleet.server.workload;

import static io.edgefleet.server.workload.Assignments.number;
import static io.edgefleet.server.workload.Assignments.rows;

import io.edgefleet.protocol.LabelSelector;
import io.edgefleet.server.node.NodeLabelsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a node's assignments in step with its labels: when a node is enrolled or relabelled, it gets
 * the current generation of every workload whose selector now matches it and a tombstone for every
 * workload that no longer does, in the same transaction and at the same version.
 */
@ApplicationScoped
public class NodeWorkloads {

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    Assignments assignments;

    @Inject
    Event<DesiredStateChanged> desiredStateChanged;

    void onLabelsChanged(@Observes NodeLabelsChanged change) {
        Map<String, Long> live = assignments.liveOnNode(change.nodeId());
        boolean changed = false;
        for (Object[] row :
                rows(em.createNativeQuery("SELECT name, selector, generation FROM workload WHERE tenant_id = ?1")
                        .setParameter(1, change.tenant().id()))) {
            String workload = (String) row[0];
            boolean matches = LabelSelector.parse((String) row[1]).matches(change.labels());
            if (matches && !live.containsKey(workload)) {
                assignments.assign(
                        change.tenant(), workload, List.of(change.nodeId()), number(row[2]), change.version());
                changed = true;
            } else if (!matches && live.containsKey(workload)) {
                assignments.unassign(workload, List.of(change.nodeId()), change.version());
                changed = true;
            }
        }
        if (changed) {
            Set<Long> nodes = new HashSet<>();
            nodes.add(change.nodeId());
            desiredStateChanged.fire(new DesiredStateChanged(change.tenant(), nodes));
        }
    }
}
