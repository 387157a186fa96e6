package io.edgefleet.server.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.LabelSelector;
import io.edgefleet.protocol.ProtocolException;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.resource.ChangeLog;
import io.edgefleet.server.resource.ContinueToken;
import io.edgefleet.server.resource.IfMatch;
import io.edgefleet.server.resource.ListMeta;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node resource as people and integrations see it: read, list, relabel, delete. */
@ApplicationScoped
@Transactional
public class Nodes {
    private static final Logger LOG = LoggerFactory.getLogger(Nodes.class);

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    Event<NodeLabelsChanged> labelsChanged;

    @Inject
    NodeChanges changes;

    public Node get(TenantRef tenant, String name) {
        return Node.of(find(tenant, name, LockModeType.NONE), tenant.name());
    }

    /**
     * A page of nodes in name order.
     *
     * @param selector a Kubernetes-style label selector; blank selects all
     * @param continueToken the previous page's {@code continue}, empty for the first page
     */
    public NodeList list(TenantRef tenant, String selector, int limit, Optional<String> continueToken) {
        SelectorQuery condition;
        try {
            condition = SelectorQuery.of(LabelSelector.parse(selector));
        } catch (ProtocolException e) {
            throw Problem.from(e);
        }
        Optional<String> after = ContinueToken.parse(continueToken);
        long version = tenants.currentVersion(tenant);
        String jpql = "SELECT n FROM NodeEntity n WHERE n.tenantId = :tenant"
                + (after.isPresent() ? " AND n.name > :after" : "")
                + " AND " + condition.condition()
                + " ORDER BY n.name";
        TypedQuery<NodeEntity> query = em.createQuery(jpql, NodeEntity.class)
                .setParameter("tenant", tenant.id())
                .setMaxResults(limit + 1);
        after.ifPresent(a -> query.setParameter("after", a));
        condition.parameters().forEach(query::setParameter);
        List<NodeEntity> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<NodeEntity> page = more ? rows.subList(0, limit) : rows;
        Optional<String> next =
                more ? Optional.of(ContinueToken.after(page.get(page.size() - 1).name())) : Optional.empty();
        return new NodeList(page.stream().map(n -> Node.of(n, tenant.name())).toList(), new ListMeta(version, next));
    }

    /** Applies a JSON Merge Patch that may change {@code metadata.labels} only. */
    public Node patch(TenantRef tenant, String name, JsonNode mergePatch, Optional<String> ifMatch, String caller) {
        LabelPatch patch = LabelPatch.parse(mergePatch);
        NodeEntity node = find(tenant, name, LockModeType.PESSIMISTIC_WRITE);
        IfMatch.require(ifMatch, node.resourceVersion());
        Map<String, String> labels = patch.applyTo(node.labels());
        if (!labels.equals(node.labels())) {
            node.replaceLabels(labels);
            long version = tenants.advance(tenant);
            Instant now = Instant.now();
            node.changed(version, now);
            em.flush();
            changes.log(tenant, node, ChangeLog.Operation.MODIFIED, version, caller, now);
            labelsChanged.fire(new NodeLabelsChanged(tenant, node.id(), labels, version));
        }
        return Node.of(node, tenant.name());
    }

    /** Deletes the node and revokes its credentials; its MQTT messages are dropped from now on. */
    public void delete(TenantRef tenant, String name, Optional<String> ifMatch, String caller) {
        NodeEntity node = find(tenant, name, LockModeType.PESSIMISTIC_WRITE);
        IfMatch.require(ifMatch, node.resourceVersion());
        em.createQuery("DELETE FROM NodeCredentialEntity c WHERE c.nodeId = :id")
                .setParameter("id", node.id())
                .executeUpdate();
        changes.log(tenant, node, ChangeLog.Operation.DELETED, tenants.advance(tenant), caller, Instant.now());
        em.remove(node);
        LOG.info("EF1020 node {} deleted in tenant {}; its credentials are revoked", name, tenant.name());
    }

    private NodeEntity find(TenantRef tenant, String name, LockModeType lock) {
        return em.createQuery(
                        "SELECT n FROM NodeEntity n WHERE n.tenantId = :tenant AND n.name = :name", NodeEntity.class)
                .setParameter("tenant", tenant.id())
                .setParameter("name", name)
                .setLockMode(lock)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> FleetException.notFound("node '" + name + "'"));
    }
}
