package io.edgefleet.server.web.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.server.device.RuleSpecs;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.resource.PageLimit;
import io.edgefleet.server.resource.SpecResources;
import io.edgefleet.server.security.Caller;
import io.edgefleet.server.security.Permission;
import io.edgefleet.server.web.ApiResponses;
import io.edgefleet.server.web.security.Callers;
import io.edgefleet.server.web.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/rules}: edge-local rules, evaluated on the node of the watched device with or without the cloud. */
@Path("rules")
@RequestScoped
@Produces(ApiResponses.JSON)
@Tag(name = "rules")
public class RulesResource {
    @Inject
    SpecResources resources;

    @Inject
    RuleSpecs kind;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @RequiresPermission(Permission.READ)
    @Operation(summary = "List rules", description = "In name order, paged by keyset.")
    @APIResponse(responseCode = "200", description = "A page: items and metadata (resourceVersion, continue)")
    public ObjectNode list(
            @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
            @Parameter(description = "metadata.continue of the previous page") @QueryParam("continue")
                    String continueToken) {
        return resources.list(
                kind, Callers.of(security).tenant(), PageLimit.parse(limit), Optional.ofNullable(continueToken));
    }

    @POST
    @Consumes(ApiResponses.JSON)
    @RequiresPermission(Permission.DEPLOY)
    @Operation(
            summary = "Create a rule",
            description =
                    "spec: when {device, property, comparison (above, below, equals), threshold, forMs}, then and optionally onClear: {type (write-property, restart-workload, raise-event), device, property, value, workload, message}. A write-property action must target a ReadWrite property on the same node, with a valid value.")
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag is its resourceVersion")
    @APIResponse(
            responseCode = "409",
            description = "resource-exists",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "invalid-spec (the detail names the field), unknown-property, read-only-property,"
                    + " invalid-desired-value",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(JsonNode body) {
        Caller caller = Callers.of(security);
        return SpecEndpoint.created(uri, resources.create(kind, caller.tenant(), body, caller.username()));
    }

    @GET
    @Path("{name}")
    @RequiresPermission(Permission.READ)
    @Operation(summary = "Read a rule", description = "The ETag header carries its resourceVersion.")
    @APIResponse(responseCode = "200", description = "The rule")
    @APIResponse(
            responseCode = "404",
            description = "not-found",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("name") String name) {
        return SpecEndpoint.ok(resources.get(kind, Callers.of(security).tenant(), name));
    }

    @PUT
    @Path("{name}")
    @Consumes(ApiResponses.JSON)
    @RequiresPermission(Permission.DEPLOY)
    @Operation(summary = "Replace a rule", description = "Replaces labels and spec. If-Match is optional.")
    @APIResponse(responseCode = "200", description = "The rule after the change")
    @APIResponse(
            responseCode = "412",
            description = "precondition-failed",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response replace(
            @PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body) {
        Caller caller = Callers.of(security);
        return SpecEndpoint.ok(
                resources.replace(kind, caller.tenant(), name, body, Optional.ofNullable(ifMatch), caller.username()));
    }

    @PATCH
    @Path("{name}")
    @Consumes(ApiResponses.MERGE_PATCH)
    @RequiresPermission(Permission.DEPLOY)
    @Operation(
            summary = "Change a rule",
            description = "JSON Merge Patch (RFC 7396) of metadata.labels and spec. If-Match is optional.")
    @APIResponse(responseCode = "200", description = "The rule after the change")
    @APIResponse(
            responseCode = "412",
            description = "precondition-failed",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response patch(
            @PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode mergePatch) {
        Caller caller = Callers.of(security);
        return SpecEndpoint.ok(resources.patch(
                kind, caller.tenant(), name, mergePatch, Optional.ofNullable(ifMatch), caller.username()));
    }

    @DELETE
    @Path("{name}")
    @RequiresPermission(Permission.DEPLOY)
    @Operation(summary = "Delete a rule", description = "The node stops evaluating it at its next sync.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "409",
            description = "resource-in-use",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Caller caller = Callers.of(security);
        resources.delete(kind, caller.tenant(), name, Optional.ofNullable(ifMatch), caller.username());
        return Response.noContent().build();
    }
}
