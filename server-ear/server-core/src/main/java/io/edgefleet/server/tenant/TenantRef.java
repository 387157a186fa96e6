package io.edgefleet.server.tenant;

import java.util.Objects;

/** A tenant by database id and name. Every query of the server is scoped by one. */
public record TenantRef(long id, String name) {
    public TenantRef {
        Objects.requireNonNull(name, "name");
    }
}
