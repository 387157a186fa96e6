package io.edgefleet.server.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Create, read, list, replace, merge-patch and delete of a {@link SpecKind}, each change in one
 * transaction that advances the tenant's resourceVersion, writes the change log (the watch API) and
 * lets the kind update what depends on it. The REST shape is the Kubernetes one every resource here
 * has: {@code metadata}, {@code spec}, {@code status}; the ETag is the resourceVersion.
 */
@ApplicationScoped
@Transactional
public class SpecResources {
    private static final Logger LOG = LoggerFactory.getLogger(SpecResources.class);

    @Inject
    Tenants tenants;

    @Inject
    SpecRows rows;

    @Inject
    ChangeLog changeLog;

    public ObjectNode create(SpecKind kind, TenantRef tenant, JsonNode body, String caller) {
        SpecTable table = kind.table();
        SpecDocument document = SpecDocument.parse(body, table.kind());
        if (rows.find(table, tenant, document.name(), false).isPresent()) {
            throw new FleetException(ProblemCode.RESOURCE_EXISTS, table.kind() + " '" + document.name() + "' exists");
        }
        SpecKind.Checked checked = kind.check(tenant, document.name(), document.spec());
        Instant now = Instant.now();
        long version = tenants.advance(tenant);
        rows.insert(table, tenant, document.name(), version, document.labels(), checked.spec(), checked.columns(), now);
        SpecRow created = rows.find(table, tenant, document.name(), false).orElseThrow();
        kind.changed(tenant, Optional.empty(), Optional.of(created), version);
        ObjectNode view = view(kind, tenant, created);
        changeLog.append(
                tenant, version, table.kind(), created.name(), ChangeLog.Operation.ADDED, write(view), caller, now);
        LOG.info("EF1160 {} {} created by {}", table.kind(), created.name(), caller);
        return view;
    }

    public ObjectNode get(SpecKind kind, TenantRef tenant, String name) {
        return view(kind, tenant, require(kind, tenant, name, false));
    }

    public SpecRow row(SpecKind kind, TenantRef tenant, String name) {
        return require(kind, tenant, name, false);
    }

    /** A page in name order: {@code items} and {@code metadata} ({@code resourceVersion}, {@code continue}). */
    public ObjectNode list(SpecKind kind, TenantRef tenant, int limit, Optional<String> continueToken) {
        return list(kind, tenant, Optional.empty(), limit, continueToken);
    }

    /** As {@link #list(SpecKind, TenantRef, int, Optional)}, only rows that pass {@code filter}. */
    public ObjectNode list(
            SpecKind kind,
            TenantRef tenant,
            Optional<SpecRows.Filter> filter,
            int limit,
            Optional<String> continueToken) {
        Optional<String> after = ContinueToken.parse(continueToken);
        long version = tenants.currentVersion(tenant);
        List<SpecRow> page = rows.page(kind.table(), tenant, filter, after, limit + 1);
        boolean more = page.size() > limit;
        List<SpecRow> items = more ? page.subList(0, limit) : page;
        ObjectNode list = SpecRows.MAPPER.createObjectNode();
        items.forEach(row -> list.withArray("items").add(view(kind, tenant, row)));
        if (items.isEmpty()) {
            list.putArray("items");
        }
        ObjectNode metadata = list.putObject("metadata");
        metadata.put("resourceVersion", version);
        if (more) {
            metadata.put("continue", ContinueToken.after(items.getLast().name()));
        }
        return list;
    }

    /** PUT: replaces labels and spec; the name in the body must be the one in the path. */
    public ObjectNode replace(
            SpecKind kind, TenantRef tenant, String name, JsonNode body, Optional<String> ifMatch, String caller) {
        SpecDocument document = SpecDocument.parse(body, kind.table().kind());
        if (!document.name().equals(name)) {
            throw new FleetException(
                    ProblemCode.INVALID_REQUEST, "metadata.name '" + document.name() + "' differs from the path");
        }
        SpecRow current = require(kind, tenant, name, true);
        IfMatch.require(ifMatch, current.resourceVersion());
        return change(kind, tenant, current, document.labels(), document.spec(), caller);
    }

    /** PATCH: a JSON Merge Patch (RFC 7396) of {@code metadata.labels} and {@code spec}. */
    public ObjectNode patch(
            SpecKind kind,
            TenantRef tenant,
            String name,
            JsonNode mergePatch,
            Optional<String> ifMatch,
            String caller) {
        SpecRow current = require(kind, tenant, name, true);
        IfMatch.require(ifMatch, current.resourceVersion());
        ObjectNode document = SpecRows.MAPPER.createObjectNode();
        document.putObject("metadata").put("name", name).set("labels", SpecRows.MAPPER.valueToTree(current.labels()));
        document.set("spec", current.spec());
        JsonNode patched = MergePatch.apply(document, mergePatch);
        if (!name.equals(patched.path("metadata").path("name").asText())) {
            throw new FleetException(ProblemCode.FIELD_NOT_PATCHABLE, "metadata.name cannot be changed");
        }
        SpecDocument changed = SpecDocument.parse(patched, kind.table().kind());
        return change(kind, tenant, current, changed.labels(), changed.spec(), caller);
    }

    public void delete(SpecKind kind, TenantRef tenant, String name, Optional<String> ifMatch, String caller) {
        SpecRow current = require(kind, tenant, name, true);
        IfMatch.require(ifMatch, current.resourceVersion());
        kind.checkDeletable(tenant, current);
        Instant now = Instant.now();
        ObjectNode last = view(kind, tenant, current);
        long version = tenants.advance(tenant);
        rows.delete(kind.table(), current.id());
        kind.changed(tenant, Optional.of(current), Optional.empty(), version);
        changeLog.append(
                tenant, version, kind.table().kind(), name, ChangeLog.Operation.DELETED, write(last), caller, now);
        LOG.info("EF1162 {} {} deleted by {}", kind.table().kind(), name, caller);
    }

    /** The resource as REST shows it. */
    public ObjectNode view(SpecKind kind, TenantRef tenant, SpecRow row) {
        ObjectNode view = SpecRows.MAPPER.createObjectNode();
        ObjectNode metadata = view.putObject("metadata");
        metadata.put("name", row.name());
        metadata.put("tenant", tenant.name());
        metadata.set("labels", SpecRows.MAPPER.valueToTree(row.labels()));
        metadata.put("resourceVersion", row.resourceVersion());
        metadata.put("generation", row.generation());
        metadata.put("createdAt", row.createdAt().toString());
        metadata.put("updatedAt", row.updatedAt().toString());
        view.set("spec", row.spec());
        view.set("status", kind.status(tenant, row));
        return view;
    }

    private ObjectNode change(
            SpecKind kind,
            TenantRef tenant,
            SpecRow current,
            Map<String, String> labels,
            ObjectNode spec,
            String caller) {
        SpecKind.Checked checked = kind.check(tenant, current.name(), spec);
        boolean specChanged = !checked.spec().equals(current.spec());
        if (!specChanged && labels.equals(current.labels())) {
            return view(kind, tenant, current);
        }
        Instant now = Instant.now();
        long version = tenants.advance(tenant);
        long generation = specChanged ? current.generation() + 1 : current.generation();
        rows.update(kind.table(), current.id(), version, generation, labels, checked.spec(), checked.columns(), now);
        SpecRow changed = rows.find(kind.table(), tenant, current.name(), false).orElseThrow();
        kind.changed(tenant, Optional.of(current), Optional.of(changed), version);
        ObjectNode view = view(kind, tenant, changed);
        changeLog.append(
                tenant,
                version,
                kind.table().kind(),
                changed.name(),
                ChangeLog.Operation.MODIFIED,
                write(view),
                caller,
                now);
        LOG.info("EF1161 {} {} changed by {}: generation {}", kind.table().kind(), changed.name(), caller, generation);
        return view;
    }

    private SpecRow require(SpecKind kind, TenantRef tenant, String name, boolean forUpdate) {
        return rows.find(kind.table(), tenant, name, forUpdate)
                .orElseThrow(() -> FleetException.notFound(kind.table().kind() + " '" + name + "'"));
    }

    private static String write(Object value) {
        return SpecRows.write(value);
    }
}
