package io.edgefleet.server.topology;

import io.edgefleet.server.resource.Columns;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the {@link Topology} of a tenant: nodes, their labels, device counts by node and state. */
@ApplicationScoped
@Transactional
public class TopologyReader {
    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    Tenants tenants;

    public Topology read(TenantRef tenant) {
        long version = tenants.currentVersion(tenant);
        Map<Long, Map<String, String>> labels = new HashMap<>();
        for (Object[] row :
                rows(em.createNativeQuery("SELECT node_id, label_key, label_value FROM node_label WHERE tenant_id = ?1")
                        .setParameter(1, tenant.id()))) {
            labels.computeIfAbsent(Columns.number(row[0]), id -> new HashMap<>())
                    .put((String) row[1], (String) row[2]);
        }
        Map<String, Topology.DeviceCounts> devices = new HashMap<>();
        for (Object[] row : rows(em.createNativeQuery(
                        "SELECT node_name, state, COUNT(*) FROM device WHERE tenant_id = ?1 GROUP BY node_name, state")
                .setParameter(1, tenant.id()))) {
            String node = (String) row[0];
            devices.put(
                    node,
                    devices.getOrDefault(node, Topology.DeviceCounts.NONE)
                            .plus((String) row[1], Columns.number(row[2])));
        }
        Map<String, List<Topology.SiteNode>> sites = new TreeMap<>();
        for (Object[] row : rows(
                em.createNativeQuery("SELECT id, name, phase, last_seen FROM node WHERE tenant_id = ?1 ORDER BY name")
                        .setParameter(1, tenant.id()))) {
            Map<String, String> nodeLabels = labels.getOrDefault(Columns.number(row[0]), Map.of());
            String name = (String) row[1];
            sites.computeIfAbsent(nodeLabels.getOrDefault(Topology.SITE_LABEL, ""), s -> new ArrayList<>())
                    .add(new Topology.SiteNode(
                            name,
                            (String) row[2],
                            Columns.instant(row[3]),
                            nodeLabels,
                            devices.getOrDefault(name, Topology.DeviceCounts.NONE)));
        }
        List<Topology.Site> result = new ArrayList<>();
        sites.forEach((site, nodes) -> result.add(new Topology.Site(site, nodes)));
        return new Topology(tenant.name(), version, result);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }
}
