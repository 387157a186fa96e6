package io.edgefleet.server.resource;

import java.util.List;

/**
 * Where a spec resource lives: its kind (as the change log and watch events name it), its table, and
 * the columns derived from its spec that queries need (a device's node, a rule's device). Every such
 * table has {@code id, tenant_id, name, resource_version, generation, created_at, updated_at,
 * labels_json, spec_json}.
 */
public record SpecTable(String kind, String table, List<String> extraColumns) {
    public SpecTable {
        extraColumns = List.copyOf(extraColumns);
    }
}
