package io.edgefleet.server.workload;

import io.edgefleet.protocol.LabelSelector;
import io.edgefleet.protocol.ProtocolException;
import io.edgefleet.server.node.SelectorQuery;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The {@code workload_assignment} rows: which generation of which workload each node must run.
 * Every write stamps the rows with the tenant's new resourceVersion, so a node's sync delta is simply
 * its rows above the version it applied. Deletions leave tombstones ({@code removed}) until compaction.
 * Bulk writes go in chunks, so a workload over 10,000 nodes is a few dozen statements.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Assignments {
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    /** Ids of the tenant's nodes whose labels match {@code selector}. */
    public List<Long> matchingNodes(TenantRef tenant, String selector) {
        SelectorQuery condition;
        try {
            condition = SelectorQuery.of(LabelSelector.parse(selector));
        } catch (ProtocolException e) {
            throw Problem.from(e);
        }
        TypedQuery<Long> query = em.createQuery(
                "SELECT n.id FROM NodeEntity n WHERE n.tenantId = :tenant AND " + condition.condition(), Long.class);
        query.setParameter("tenant", tenant.id());
        condition.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    /** node id → assigned generation, for the nodes that must run the workload (tombstones left out). */
    public Map<Long, Long> live(TenantRef tenant, String workload) {
        Map<Long, Long> rows = new HashMap<>();
        for (Object[] row : rows(em.createNativeQuery("SELECT node_id, generation FROM workload_assignment"
                        + " WHERE tenant_id = ?1 AND workload_name = ?2 AND removed = FALSE")
                .setParameter(1, tenant.id())
                .setParameter(2, workload))) {
            rows.put(number(row[0]), number(row[1]));
        }
        return rows;
    }

    /** workload name → assigned generation for one node (tombstones left out). */
    public Map<String, Long> liveOnNode(long nodeId) {
        Map<String, Long> rows = new HashMap<>();
        for (Object[] row : rows(em.createNativeQuery("SELECT workload_name, generation FROM workload_assignment"
                        + " WHERE node_id = ?1 AND removed = FALSE")
                .setParameter(1, nodeId))) {
            rows.put((String) row[0], number(row[1]));
        }
        return rows;
    }

    /** Makes the nodes run {@code generation} of the workload, replacing any row (or tombstone) they have. */
    public void assign(TenantRef tenant, String workload, Collection<Long> nodeIds, long generation, long version) {
        for (List<Long> chunk : chunks(nodeIds)) {
            bind(
                            em.createNativeQuery(
                                            "DELETE FROM workload_assignment WHERE workload_name = ?1 AND node_id IN "
                                                    + placeholders(chunk.size(), 2))
                                    .setParameter(1, workload),
                            chunk,
                            2)
                    .executeUpdate();
            StringJoiner values = new StringJoiner(", ");
            for (int i = 0; i < chunk.size(); i++) {
                values.add("(?1, ?" + (i + 5) + ", ?2, ?3, ?4, FALSE)");
            }
            Query insert = em.createNativeQuery("INSERT INTO workload_assignment"
                            + " (tenant_id, node_id, workload_name, generation, assigned_version, removed) VALUES "
                            + values)
                    .setParameter(1, tenant.id())
                    .setParameter(2, workload)
                    .setParameter(3, generation)
                    .setParameter(4, version);
            bind(insert, chunk, 5).executeUpdate();
        }
    }

    /** Turns the nodes' rows into tombstones: they stop the workload at their next sync. */
    public void unassign(String workload, Collection<Long> nodeIds, long version) {
        for (List<Long> chunk : chunks(nodeIds)) {
            bind(
                            em.createNativeQuery("UPDATE workload_assignment SET removed = TRUE, assigned_version = ?1"
                                            + " WHERE workload_name = ?2 AND removed = FALSE AND node_id IN "
                                            + placeholders(chunk.size(), 3))
                                    .setParameter(1, version)
                                    .setParameter(2, workload),
                            chunk,
                            3)
                    .executeUpdate();
        }
    }

    /** Hands a new generation to the nodes' live rows. */
    public void advance(String workload, Collection<Long> nodeIds, long generation, long version) {
        for (List<Long> chunk : chunks(nodeIds)) {
            bind(
                            em.createNativeQuery("UPDATE workload_assignment SET generation = ?1, assigned_version = ?2"
                                            + " WHERE workload_name = ?3 AND removed = FALSE AND node_id IN "
                                            + placeholders(chunk.size(), 4))
                                    .setParameter(1, generation)
                                    .setParameter(2, version)
                                    .setParameter(3, workload),
                            chunk,
                            4)
                    .executeUpdate();
        }
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    static Query bind(Query query, List<Long> ids, int firstIndex) {
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(firstIndex + i, ids.get(i));
        }
        return query;
    }

    static String placeholders(int count, int firstIndex) {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < count; i++) {
            joiner.add("?" + (firstIndex + i));
        }
        return joiner.toString();
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }
}
