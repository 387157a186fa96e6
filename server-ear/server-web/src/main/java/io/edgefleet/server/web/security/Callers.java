package io.edgefleet.server.web.security;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.security.Caller;
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
}
