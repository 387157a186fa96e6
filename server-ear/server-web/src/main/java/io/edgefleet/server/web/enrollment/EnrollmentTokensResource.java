package io.edgefleet.server.web.enrollment;

import io.edgefleet.server.enrollment.EnrollmentToken;
import io.edgefleet.server.enrollment.EnrollmentTokens;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.security.Permission;
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

/** {@code /api/v1/enrollment-tokens}: one-time tokens that let an edge node enroll. Admins only. */
@Path("enrollment-tokens")
@RequestScoped
@Produces(ApiResponses.JSON)
@Tag(name = "enrollment")
public class EnrollmentTokensResource {
    @Inject
    EnrollmentTokens tokens;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @Consumes(ApiResponses.JSON)
    @RequiresPermission(Permission.ADMIN)
    @Operation(
            summary = "Create an enrollment token",
            description = "The token is in this answer only; the server keeps its SHA-256.")
    @APIResponse(
            responseCode = "201",
            description = "The token",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = EnrollmentToken.class)))
    @APIResponse(
            responseCode = "400",
            description = "invalid-request (ttlSeconds), invalid-name (node), malformed-json, unknown-field,"
                    + " invalid-type",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(CreateTokenRequest request) {
        EnrollmentToken token = tokens.create(Callers.of(security), request.ttlSeconds(), request.node());
        return Response.created(uri.getAbsolutePathBuilder().path(token.id()).build())
                .entity(token)
                .build();
    }

    @GET
    @RequiresPermission(Permission.ADMIN)
    @Operation(summary = "List enrollment tokens", description = "Newest first, at most 1000, without secrets.")
    @APIResponse(
            responseCode = "200",
            description = "The tokens",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = TokenList.class)))
    public TokenList list() {
        return new TokenList(tokens.list(Callers.of(security)));
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(Permission.ADMIN)
    @Operation(summary = "Revoke an enrollment token")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(
            responseCode = "404",
            description = "not-found",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        tokens.delete(Callers.of(security), id);
        return Response.noContent().build();
    }
}
