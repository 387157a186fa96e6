package io.edgefleet.server.web.user;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.security.Caller;
import io.edgefleet.server.security.Permission;
import io.edgefleet.server.security.Role;
import io.edgefleet.server.security.User;
import io.edgefleet.server.security.Users;
import io.edgefleet.server.web.ApiResponses;
import io.edgefleet.server.web.security.Callers;
import io.edgefleet.server.web.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/users}: people and integrations with their roles. Admins only. */
@Path("users")
@RequestScoped
@Produces(ApiResponses.JSON)
@Tag(name = "users")
public class UsersResource {
    @Inject
    Users users;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @Consumes(ApiResponses.JSON)
    @RequiresPermission(Permission.ADMIN)
    @Operation(summary = "Create a user", description = "Passwords have at least 12 characters.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = User.class)))
    @APIResponse(
            responseCode = "409",
            description = "user-exists",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(CreateUserRequest request) {
        Caller caller = Callers.of(security);
        String username = request.username().orElseThrow(() -> required("username"));
        String password = request.password().orElseThrow(() -> required("password"));
        String roleName = request.role().orElseThrow(() -> required("role"));
        Role role = Role.fromWireName(roleName)
                .orElseThrow(() -> new FleetException(
                        ProblemCode.INVALID_REQUEST, "role must be fleet-admin, plant-engineer, integrator or viewer"));
        User user = users.create(caller.tenant(), username, password, role);
        return Response.created(uri.getAbsolutePathBuilder().path(username).build())
                .entity(user)
                .build();
    }

    @GET
    @RequiresPermission(Permission.ADMIN)
    @Operation(summary = "List users")
    @APIResponse(
            responseCode = "200",
            description = "The users",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = UserList.class)))
    public UserList list() {
        return new UserList(users.list(Callers.of(security).tenant()));
    }

    @DELETE
    @Path("{username}")
    @RequiresPermission(Permission.ADMIN)
    @Operation(summary = "Delete a user")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("username") String username) {
        Caller caller = Callers.of(security);
        if (caller.username().equals(username)) {
            throw new FleetException(ProblemCode.INVALID_REQUEST, "you cannot delete yourself");
        }
        users.delete(caller.tenant(), username);
        return Response.noContent().build();
    }

    private static FleetException required(String field) {
        return new FleetException(ProblemCode.INVALID_REQUEST, field + " is required");
    }
}
