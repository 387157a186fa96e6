package io.edgefleet.server.security;

import io.edgefleet.server.tenant.TenantRef;
import java.security.Principal;
import java.util.Objects;

/** An authenticated user of the REST API: who, in which tenant, with which role. */
public record Caller(String username, TenantRef tenant, Role role) implements Principal {
    public Caller {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean allows(Permission permission) {
        return role.allows(permission);
    }
}
