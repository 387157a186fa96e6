package io.edgefleet.server.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.server.tenant.TenantRef;
import java.util.Map;
import java.util.Optional;

/**
 * What makes one spec resource kind (device model, device, rule) different from the others, for
 * {@link SpecResources}: how its spec is checked, what follows a change, what its status says.
 */
public interface SpecKind {
    SpecTable table();

    /**
     * Checks and completes a spec (defaults filled in) and derives the extra columns.
     *
     * @throws io.edgefleet.server.problem.FleetException 4xx for a spec people must correct
     */
    Checked check(TenantRef tenant, String name, ObjectNode spec);

    /**
     * Runs in the change's transaction after the row was written at {@code version}: keeps what
     * depends on the resource (sync rows for nodes) in step. {@code after} is empty for a deletion.
     */
    void changed(TenantRef tenant, Optional<SpecRow> before, Optional<SpecRow> after, long version);

    /** Refuses the deletion of a resource others still use (409). */
    default void checkDeletable(TenantRef tenant, SpecRow row) {}

    /** The observed part of the resource; empty object for kinds without status. */
    ObjectNode status(TenantRef tenant, SpecRow row);

    /** A checked spec and its derived columns. */
    record Checked(ObjectNode spec, Map<String, Object> columns) {
        public Checked {
            columns = Map.copyOf(columns);
        }
    }
}
