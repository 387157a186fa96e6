package io.edgefleet.server.web.user;

import java.util.Optional;

/**
 * Body of {@code POST /users}.
 *
 * @param role fleet-admin, plant-engineer, integrator or viewer
 */
public record CreateUserRequest(Optional<String> username, Optional<String> password, Optional<String> role) {

    /** Never shows the password. */
    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username.orElse("") + ", password="
                + (password.isPresent() ? "(set)" : "(none)") + ", role=" + role.orElse("") + "]";
    }
}
