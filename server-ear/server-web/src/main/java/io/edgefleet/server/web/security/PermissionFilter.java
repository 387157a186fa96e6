package io.edgefleet.server.web.security;

import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.security.Caller;
import io.edgefleet.server.security.NodeCaller;
import io.edgefleet.server.web.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Checks the caller's role against the resource method's {@link RequiresPermission} (DESIGN section
 * 4). A method without an annotation is refused: forgetting one must not open an endpoint. An edge
 * node ({@link NodeCaller}) may call only methods marked {@link NodeReadable}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class PermissionFilter implements ContainerRequestFilter {
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(PublicEndpoint.class)) {
            return;
        }
        RequiresPermission required = method.getAnnotation(RequiresPermission.class);
        if (required == null) {
            required = resource.getResourceClass().getAnnotation(RequiresPermission.class);
        }
        if (request.getSecurityContext().getUserPrincipal() instanceof NodeCaller node) {
            if (!method.isAnnotationPresent(NodeReadable.class)) {
                request.abortWith(Problems.response(
                        ProblemCode.FORBIDDEN,
                        "node " + node.getName() + " may only read artifacts with its credentials"));
            }
            return;
        }
        if (!(request.getSecurityContext().getUserPrincipal() instanceof Caller caller)) {
            request.abortWith(Problems.response(ProblemCode.UNAUTHENTICATED, "this request needs credentials"));
            return;
        }
        if (required == null || !caller.allows(required.value())) {
            request.abortWith(Problems.response(
                    ProblemCode.FORBIDDEN,
                    "role " + caller.role().wireName() + " may not do this"
                            + (required == null ? "" : " (needs " + required.value() + ")")));
        }
    }
}
