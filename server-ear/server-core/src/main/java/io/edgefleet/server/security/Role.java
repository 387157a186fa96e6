package io.edgefleet.server.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The roles of DESIGN section 4 and what each may do. */
public enum Role {
    FLEET_ADMIN("fleet-admin", EnumSet.allOf(Permission.class)),
    PLANT_ENGINEER("plant-engineer", EnumSet.of(Permission.READ, Permission.PATCH_LABELS, Permission.DEPLOY)),
    INTEGRATOR("integrator", EnumSet.of(Permission.READ, Permission.PATCH_LABELS, Permission.DEPLOY)),
    VIEWER("viewer", EnumSet.of(Permission.READ));

    private final String wireName;
    private final Set<Permission> permissions;

    Role(String wireName, Set<Permission> permissions) {
        this.wireName = wireName;
        this.permissions = permissions;
    }

    /** The name in the API and the database, e.g. {@code plant-engineer}. */
    public String wireName() {
        return wireName;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
