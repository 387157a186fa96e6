package io.edgefleet.server.security;

import io.edgefleet.server.tenant.TenantRef;
import java.security.Principal;
import java.util.Objects;

/**
 * An edge node calling the REST API with its MQTT credentials from enrollment. A node is not a user
 * and has no role: the only calls it may make are those marked for nodes (reading artifacts, so it
 * can download what its workloads run).
 */
public record NodeCaller(String node, TenantRef tenant) implements Principal {
    public NodeCaller {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(tenant, "tenant");
    }

    /** The user name the node authenticated with, {@code node@tenant}. */
    @Override
    public String getName() {
        return node + "@" + tenant.name();
    }
}
