package io.edgefleet.server.web.security;

import io.edgefleet.server.security.NodeCaller;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The JAX-RS view of an authenticated edge node: it has no role. */
public record NodeSecurityContext(NodeCaller node, boolean secure) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
        return node;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
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
