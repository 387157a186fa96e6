package io.edgefleet.server.web.security;

import io.edgefleet.server.security.Caller;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The JAX-RS view of an authenticated {@link Caller}. */
public record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.role().wireName().equals(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return SecurityContext.BASIC_AUTH;
    }
}
