package io.edgefleet.server.web.security;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.security.Caller;
import io.edgefleet.server.security.NodeCaller;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.ws.rs.core.SecurityContext;

/** The authenticated caller of a request, for resources. */
public final class Callers {
    private Callers() {}

    public static Caller of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new FleetException(ProblemCode.UNAUTHENTICATED, "this request needs HTTP Basic credentials");
    }

    /** The tenant of the caller, a user or an edge node (on {@link NodeReadable} methods). */
    public static TenantRef tenantOf(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof NodeCaller node) {
            return node.tenant();
        }
        return of(context).tenant();
    }
}
