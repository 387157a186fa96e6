package io.edgefleet.server.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.ResourceChange;
import io.edgefleet.protocol.Sync;
import io.edgefleet.protocol.workload.DesiredWorkload;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the next {@code sync} batch for a node (DESIGN section 3, down): its assignment rows above
 * the version it applied, or, when that version is older than the tenant's compaction point, a
 * snapshot of what it must run. A batch stays below the message size limit by ending early, always
 * between two versions; the node's answer then asks for the rest.
 */
@ApplicationScoped
@Transactional
public class DesiredState {
    /** Room for the envelope around the changes, below the codec's message limit. */
    static final int BATCH_BYTES = ProtocolCodec.DEFAULT_MAX_MESSAGE_BYTES - 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DesiredState.class);
    private static final ObjectMapper MAPPER = ProtocolCodec.newMapper(4 * 1024 * 1024);

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    Tenants tenants;

    /** Where a node stands: its id and the version it last reported as applied. */
    public record NodeCursor(long nodeId, String name, long appliedVersion) {}

    public Optional<NodeCursor> cursor(TenantRef tenant, String node) {
        List<?> rows = em.createNativeQuery("SELECT id, applied_version FROM node WHERE tenant_id = ?1 AND name = ?2")
                .setParameter(1, tenant.id())
                .setParameter(2, node)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new NodeCursor(((Number) row[0]).longValue(), node, ((Number) row[1]).longValue()))
                .findFirst();
    }

    public Optional<String> nodeName(long nodeId) {
        List<?> rows = em.createNativeQuery("SELECT name FROM node WHERE id = ?1")
                .setParameter(1, nodeId)
                .getResultList();
        return rows.stream().map(String.class::cast).findFirst();
    }

    /**
     * Online nodes with assignment rows above the version they applied, at most 1,000 per call. Nodes
     * merely behind the head (other nodes' changes advanced it) need nothing and are left alone.
     */
    public List<NodeCursor> behind(TenantRef tenant) {
        List<NodeCursor> cursors = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT n.id, n.name, n.applied_version FROM node n"
                        + " WHERE n.tenant_id = ?1 AND n.phase = 'Online' AND EXISTS (SELECT 1 FROM"
                        + " workload_assignment a WHERE a.node_id = n.id AND a.assigned_version > n.applied_version)"
                        + " OR n.tenant_id = ?1 AND n.phase = 'Online' AND EXISTS (SELECT 1 FROM resource_assignment r"
                        + " WHERE r.node_id = n.id AND r.assigned_version > n.applied_version)"
                        + " ORDER BY n.applied_version")
                .setParameter(1, tenant.id())
                .setMaxResults(1000)
                .getResultList()) {
            Object[] columns = (Object[]) row;
            cursors.add(new NodeCursor(
                    ((Number) columns[0]).longValue(), (String) columns[1], ((Number) columns[2]).longValue()));
        }
        return cursors;
    }

    /** The tenant's current resourceVersion. */
    public long head(TenantRef tenant) {
        return tenants.currentVersion(tenant);
    }

    /**
     * The batch that brings the node forward from {@code fromVersion}; empty when it is up to date.
     * The head is read before the rows: versions are committed in order (writers serialize on the
     * tenant row), so every row at or below the head is visible to the row query.
     */
    public Optional<Sync> next(TenantRef tenant, long nodeId, long fromVersion) {
        long head = tenants.currentVersion(tenant);
        long compacted = ((Number) em.createNativeQuery("SELECT compacted_version FROM tenant WHERE id = ?1")
                        .setParameter(1, tenant.id())
                        .getSingleResult())
                .longValue();
        boolean snapshot = fromVersion < compacted;
        if (!snapshot && fromVersion >= head) {
            return Optional.empty();
        }
        Query query = em.createNativeQuery("SELECT a.workload_name, a.generation, a.assigned_version, a.removed,"
                        + " r.template_json FROM workload_assignment a"
                        + " LEFT JOIN workload w ON w.tenant_id = a.tenant_id AND w.name = a.workload_name"
                        + " LEFT JOIN workload_revision r ON r.workload_id = w.id AND r.generation = a.generation"
                        + " WHERE a.node_id = ?1 AND "
                        + (snapshot ? "a.removed = FALSE" : "a.assigned_version > ?2")
                        + " ORDER BY a.assigned_version, a.workload_name")
                .setParameter(1, nodeId);
        if (!snapshot) {
            query.setParameter(2, fromVersion);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            int size = 256 + (columns[4] == null ? 0 : ((String) columns[4]).length());
            candidates.add(new Candidate(((Number) columns[2]).longValue(), size, change(columns)));
        }
        candidates.addAll(resourceCandidates(nodeId, snapshot, fromVersion));
        candidates.sort(Comparator.comparingLong(Candidate::version));
        List<ResourceChange> changes = new ArrayList<>();
        int bytes = 0;
        long lastVersion = snapshot ? 0 : fromVersion;
        boolean cut = false;
        for (Candidate candidate : candidates) {
            if (bytes + candidate.size() > BATCH_BYTES && candidate.version() != lastVersion && !changes.isEmpty()) {
                cut = true;
                break;
            }
            candidate.change().ifPresent(changes::add);
            bytes += candidate.size();
            lastVersion = candidate.version();
        }
        long to = cut ? lastVersion : Math.max(head, lastVersion);
        long from = snapshot ? 0 : fromVersion;
        return Optional.of(new Sync(from, Math.max(from, to), snapshot, changes));
    }

    /** A row that may go into the batch: its version, its size estimate and its change. */
    private record Candidate(long version, int size, Optional<ResourceChange> change) {}

    /** Devices, their desired values and rules of the node (decision 0004, {@code resource_assignment}). */
    private List<Candidate> resourceCandidates(long nodeId, boolean snapshot, long fromVersion) {
        Query query = em.createNativeQuery("SELECT resource_kind, name, assigned_version, removed, spec_json"
                        + " FROM resource_assignment WHERE node_id = ?1 AND "
                        + (snapshot ? "removed = FALSE" : "assigned_version > ?2")
                        + " ORDER BY assigned_version")
                .setParameter(1, nodeId);
        if (!snapshot) {
            query.setParameter(2, fromVersion);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            String kind = (String) columns[0];
            String name = (String) columns[1];
            long version = Columns.number(columns[2]);
            Optional<String> spec = Columns.text(columns[4]);
            if (Columns.bool(columns[3]) || spec.isEmpty()) {
                candidates.add(new Candidate(
                        version,
                        256,
                        Optional.of(new ResourceChange(
                                version, kind, name, ResourceChange.Operation.DELETE, Optional.empty()))));
                continue;
            }
            try {
                candidates.add(new Candidate(
                        version,
                        256 + spec.get().length(),
                        Optional.of(new ResourceChange(
                                version,
                                kind,
                                name,
                                ResourceChange.Operation.UPSERT,
                                Optional.of(MAPPER.readTree(spec.get()))))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored spec of " + kind + " " + name + " cannot be read", e);
            }
        }
        return candidates;
    }

    private static Optional<ResourceChange> change(Object[] columns) {
        String name = (String) columns[0];
        long generation = ((Number) columns[1]).longValue();
        long version = ((Number) columns[2]).longValue();
        boolean removed = columns[3] instanceof Boolean b ? b : ((Number) columns[3]).intValue() != 0;
        if (removed) {
            return Optional.of(new ResourceChange(
                    version, DesiredWorkload.RESOURCE, name, ResourceChange.Operation.DELETE, Optional.empty()));
        }
        if (columns[4] == null) {
            // Only when the workload was deleted after this row was read; its tombstone follows.
            LOG.debug("workload {} generation {} has no revision; skipped", name, generation);
            return Optional.empty();
        }
        try {
            ObjectNode spec = MAPPER.createObjectNode();
            spec.put("name", name);
            spec.put("generation", generation);
            JsonNode template = MAPPER.readTree((String) columns[4]);
            spec.set("template", template);
            return Optional.of(new ResourceChange(
                    version, DesiredWorkload.RESOURCE, name, ResourceChange.Operation.UPSERT, Optional.of(spec)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored template of workload " + name + " cannot be read", e);
        }
    }
}
