package io.edgefleet.server.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.workload.ArtifactRef;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.resource.ChangeLog;
import io.edgefleet.server.resource.ContinueToken;
import io.edgefleet.server.resource.IfMatch;
import io.edgefleet.server.resource.ListMeta;
import io.edgefleet.server.resource.MergePatch;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workloads of a tenant (DESIGN section 2): create, read, replace, merge-patch and delete, each
 * change in one transaction that advances the tenant's resourceVersion, records the change in the
 * change log and updates the per-node assignments that sync carries to the edge.
 */
@ApplicationScoped
@Transactional
public class Workloads {
    static final String KIND = "Workload";
    private static final Logger LOG = LoggerFactory.getLogger(Workloads.class);

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    Assignments assignments;

    @Inject
    Rollouts rollouts;

    @Inject
    WorkloadInstances instances;

    @Inject
    ChangeLog changeLog;

    @Inject
    ArtifactResolver artifacts;

    @Inject
    Event<DesiredStateChanged> desiredStateChanged;

    public Workload create(TenantRef tenant, JsonNode body, String caller) {
        WorkloadJson.Parsed parsed = WorkloadJson.parse(body);
        if (find(tenant, parsed.name(), LockModeType.NONE).isPresent()) {
            throw new FleetException(ProblemCode.WORKLOAD_EXISTS, "workload '" + parsed.name() + "' exists");
        }
        WorkloadSpec spec = artifacts.resolve(tenant, parsed.spec());
        Instant now = Instant.now();
        long version = tenants.advance(tenant);
        WorkloadEntity entity = new WorkloadEntity(tenant.id(), parsed.name(), version, now);
        entity.labels(WorkloadJson.write(parsed.labels()));
        String template = WorkloadJson.write(spec.template());
        entity.spec(
                spec.selector(),
                spec.rollout().maxUnavailable(),
                template,
                spec.template().artifact().map(ArtifactRef::sha256));
        em.persist(entity);
        em.flush();
        saveRevision(entity, template);
        List<Long> nodes = assignments.matchingNodes(tenant, spec.selector());
        assignments.assign(tenant, entity.name(), nodes, entity.generation(), version);
        Workload created = view(tenant, entity);
        log(tenant, created, ChangeLog.Operation.ADDED, caller, now);
        desiredStateChanged.fire(new DesiredStateChanged(tenant, new HashSet<>(nodes)));
        LOG.info(
                "EF1101 workload {} created by {}: {} nodes match '{}'",
                entity.name(),
                caller,
                nodes.size(),
                spec.selector());
        return created;
    }

    public Workload get(TenantRef tenant, String name) {
        return view(tenant, require(tenant, name, LockModeType.NONE));
    }

    public WorkloadList list(TenantRef tenant, int limit, Optional<String> continueToken) {
        Optional<String> after = ContinueToken.parse(continueToken);
        long version = tenants.currentVersion(tenant);
        TypedQuery<WorkloadEntity> query = em.createQuery(
                        "SELECT w FROM WorkloadEntity w WHERE w.tenantId = :tenant"
                                + (after.isPresent() ? " AND w.name > :after" : "")
                                + " ORDER BY w.name",
                        WorkloadEntity.class)
                .setParameter("tenant", tenant.id())
                .setMaxResults(limit + 1);
        after.ifPresent(a -> query.setParameter("after", a));
        List<WorkloadEntity> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<WorkloadEntity> page = more ? rows.subList(0, limit) : rows;
        Optional<String> next =
                more ? Optional.of(ContinueToken.after(page.getLast().name())) : Optional.empty();
        return new WorkloadList(page.stream().map(w -> view(tenant, w)).toList(), new ListMeta(version, next));
    }

    public InstanceList instances(TenantRef tenant, String name, int limit, Optional<String> continueToken) {
        require(tenant, name, LockModeType.NONE);
        return instances.list(tenant, name, tenants.currentVersion(tenant), limit, ContinueToken.parse(continueToken));
    }

    /** PUT: replaces labels and spec; the name in the body must be the one in the path. */
    public Workload replace(TenantRef tenant, String name, JsonNode body, Optional<String> ifMatch, String caller) {
        WorkloadJson.Parsed parsed = WorkloadJson.parse(body);
        if (!parsed.name().equals(name)) {
            throw new FleetException(
                    ProblemCode.INVALID_REQUEST, "metadata.name '" + parsed.name() + "' differs from the path");
        }
        WorkloadEntity entity = require(tenant, name, LockModeType.PESSIMISTIC_WRITE);
        IfMatch.require(ifMatch, entity.resourceVersion());
        return change(tenant, entity, parsed.labels(), parsed.spec(), caller);
    }

    /** PATCH: a JSON Merge Patch of {@code metadata.labels} and {@code spec}. */
    public Workload patch(TenantRef tenant, String name, JsonNode mergePatch, Optional<String> ifMatch, String caller) {
        WorkloadEntity entity = require(tenant, name, LockModeType.PESSIMISTIC_WRITE);
        IfMatch.require(ifMatch, entity.resourceVersion());
        Workload current = view(tenant, entity);
        ObjectNode document = WorkloadJson.MAPPER.createObjectNode();
        ObjectNode metadata = document.putObject("metadata");
        metadata.put("name", name);
        metadata.set(
                "labels", WorkloadJson.MAPPER.valueToTree(current.metadata().labels()));
        document.set("spec", WorkloadJson.MAPPER.valueToTree(current.spec()));
        JsonNode patched = ArtifactResolver.forgetStaleSize(MergePatch.apply(document, mergePatch), mergePatch);
        if (!name.equals(patched.path("metadata").path("name").asText())) {
            throw new FleetException(ProblemCode.FIELD_NOT_PATCHABLE, "metadata.name cannot be changed");
        }
        WorkloadJson.Parsed parsed = WorkloadJson.parse(patched);
        return change(tenant, entity, parsed.labels(), parsed.spec(), caller);
    }

    public void delete(TenantRef tenant, String name, Optional<String> ifMatch, String caller) {
        WorkloadEntity entity = require(tenant, name, LockModeType.PESSIMISTIC_WRITE);
        IfMatch.require(ifMatch, entity.resourceVersion());
        Instant now = Instant.now();
        Workload last = view(tenant, entity);
        long version = tenants.advance(tenant);
        Set<Long> nodes = assignments.live(tenant, name).keySet();
        assignments.unassign(name, nodes, version);
        instances.forget(tenant, name);
        em.remove(entity);
        changeLog.append(
                tenant, version, KIND, name, ChangeLog.Operation.DELETED, WorkloadJson.write(last), caller, now);
        desiredStateChanged.fire(new DesiredStateChanged(tenant, nodes));
        LOG.info("EF1103 workload {} deleted by {}; {} nodes stop it", name, caller, nodes.size());
    }

    private Workload change(
            TenantRef tenant, WorkloadEntity entity, Map<String, String> labels, WorkloadSpec asked, String caller) {
        WorkloadSpec spec = artifacts.resolve(tenant, asked);
        String labelsJson = WorkloadJson.write(labels);
        String template = WorkloadJson.write(spec.template());
        String oldTemplate = entity.templateJson();
        String oldSelector = entity.selector();
        boolean labelsChanged = !labelsJson.equals(entity.labelsJson());
        boolean specChanged = entity.spec(
                spec.selector(),
                spec.rollout().maxUnavailable(),
                template,
                spec.template().artifact().map(ArtifactRef::sha256));
        if (!labelsChanged && !specChanged) {
            return view(tenant, entity);
        }
        Instant now = Instant.now();
        long version = tenants.advance(tenant);
        entity.changed(version, now);
        entity.labels(labelsJson);
        Set<Long> touched = new HashSet<>();
        if (specChanged) {
            saveRevision(entity, template);
            touched.addAll(reassign(tenant, entity, version, !template.equals(oldTemplate)));
            LOG.info(
                    "EF1102 workload {} changed by {}: generation {}{}",
                    entity.name(),
                    caller,
                    entity.generation(),
                    oldSelector.equals(spec.selector()) ? "" : ", selector '" + spec.selector() + "'");
        }
        em.flush();
        Workload changed = view(tenant, entity);
        log(tenant, changed, ChangeLog.Operation.MODIFIED, caller, now);
        desiredStateChanged.fire(new DesiredStateChanged(tenant, touched));
        return changed;
    }

    /**
     * After a spec change: nodes that stopped matching get tombstones, nodes that started matching
     * get the new generation, and the others get it now (template unchanged: nothing restarts) or
     * through the rollout (template changed).
     */
    private Set<Long> reassign(TenantRef tenant, WorkloadEntity entity, long version, boolean templateChanged) {
        Map<Long, Long> live = assignments.live(tenant, entity.name());
        Set<Long> matching = new HashSet<>(assignments.matchingNodes(tenant, entity.selector()));
        Set<Long> gone = new HashSet<>(live.keySet());
        gone.removeAll(matching);
        Set<Long> added = new HashSet<>(matching);
        added.removeAll(live.keySet());
        Set<Long> kept = new HashSet<>(matching);
        kept.retainAll(live.keySet());
        assignments.unassign(entity.name(), gone, version);
        assignments.assign(tenant, entity.name(), added, entity.generation(), version);
        Set<Long> touched = new HashSet<>(gone);
        touched.addAll(added);
        if (templateChanged) {
            em.flush();
            touched.addAll(rollouts.stepLocked(tenant, entity, Optional.of(version)));
        } else {
            assignments.advance(entity.name(), kept, entity.generation(), version);
            touched.addAll(kept);
        }
        return touched;
    }

    private void saveRevision(WorkloadEntity entity, String template) {
        em.createNativeQuery(
                        "INSERT INTO workload_revision (workload_id, generation, template_json) VALUES (?1, ?2, ?3)")
                .setParameter(1, entity.id())
                .setParameter(2, entity.generation())
                .setParameter(3, template)
                .executeUpdate();
    }

    private void log(TenantRef tenant, Workload workload, ChangeLog.Operation operation, String caller, Instant now) {
        changeLog.append(
                tenant,
                workload.metadata().resourceVersion(),
                KIND,
                workload.metadata().name(),
                operation,
                WorkloadJson.write(workload),
                caller,
                now);
    }

    private Workload view(TenantRef tenant, WorkloadEntity entity) {
        return new Workload(
                new WorkloadMetadata(
                        entity.name(),
                        tenant.name(),
                        WorkloadJson.readLabels(entity.labelsJson()),
                        entity.resourceVersion(),
                        entity.generation(),
                        entity.createdAt(),
                        entity.updatedAt()),
                new WorkloadSpec(
                        entity.selector(),
                        WorkloadJson.readTemplate(entity.templateJson()),
                        new RolloutPolicy(entity.maxUnavailable())),
                instances.status(tenant, entity.name(), entity.generation()));
    }

    private WorkloadEntity require(TenantRef tenant, String name, LockModeType lock) {
        return find(tenant, name, lock).orElseThrow(() -> FleetException.notFound("workload '" + name + "'"));
    }

    private Optional<WorkloadEntity> find(TenantRef tenant, String name, LockModeType lock) {
        return em.createQuery(
                        "SELECT w FROM WorkloadEntity w WHERE w.tenantId = :tenant AND w.name = :name",
                        WorkloadEntity.class)
                .setParameter("tenant", tenant.id())
                .setParameter("name", name)
                .setLockMode(lock)
                .getResultStream()
                .findFirst();
    }
}
