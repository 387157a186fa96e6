package io.edgefleet.server.web.user;

import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.security.Caller;
import io.edgefleet.server.security.Permission;
import io.edgefleet.server.web.ApiResponses;
import io.edgefleet.server.web.security.Callers;
import io.edgefleet.server.web.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/me}: who the credentials belong to; what a client calls to check a login. */
@Path("me")
@RequestScoped
@Produces(ApiResponses.JSON)
@Tag(name = "users")
public class MeResource {
    /** The caller as the API shows it; the role's wire name, e.g. {@code plant-engineer}. */
    public record Me(String username, String role, String tenant) {}

    @Context
    SecurityContext security;

    @GET
    @RequiresPermission(Permission.READ)
    @Operation(summary = "The caller", description = "Username, role and tenant of the credentials sent.")
    @APIResponse(
            responseCode = "200",
            description = "The caller",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = Me.class)))
    @APIResponse(
            responseCode = "401",
            description = "unauthenticated: missing or wrong credentials",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Me me() {
        Caller caller = Callers.of(security);
        return new Me(
                caller.username(), caller.role().wireName(), caller.tenant().name());
    }
}
