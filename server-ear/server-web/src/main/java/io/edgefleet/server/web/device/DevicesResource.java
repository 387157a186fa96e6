package io.edgefleet.server.web.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.server.device.Devices;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.resource.PageLimit;
import io.edgefleet.server.resource.SpecResources;
import io.edgefleet.server.resource.SpecRows;
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

/** {@code /api/v1/devices}: devices wired to edge nodes, and their twins. */
@Path("devices")
@RequestScoped
@Produces(ApiResponses.JSON)
@Tag(name = "devices")
public class DevicesResource {
    @Inject
    SpecResources resources;

    @Inject
    Devices kind;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @RequiresPermission(Permission.READ)
    @Operation(summary = "List devices", description = "In name order, paged by keyset; optionally one node's only.")
    @APIResponse(responseCode = "200", description = "A page: items and metadata (resourceVersion, continue)")
    public ObjectNode list(
            @Parameter(description = "Only the devices wired to this node") @QueryParam("node") String node,
            @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
            @Parameter(description = "metadata.continue of the previous page") @QueryParam("continue")
                    String continueToken) {
        return resources.list(
                kind,
                Callers.of(security).tenant(),
                Optional.ofNullable(node).filter(n -> !n.isBlank()).map(n -> new SpecRows.Filter("node_name", n)),
                PageLimit.parse(limit),
                Optional.ofNullable(continueToken));
    }

    @POST
    @Consumes(ApiResponses.JSON)
    @RequiresPermission(Permission.DEPLOY)
    @Operation(
            summary = "Create a device",
            description =
                    "spec: node, model, protocol (the driver: simulated, modbus-tcp, modbus-rtu, opcua, mqtt), connection (settings), visitors (per property: where the driver finds it), collectCycleMs (1000), reportCycleMs (5000). The node receives it with the next sync, or when it enrolls.")
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
    @Operation(summary = "Read a device", description = "The ETag header carries its resourceVersion.")
    @APIResponse(responseCode = "200", description = "The device")
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
    @Operation(summary = "Replace a device", description = "Replaces labels and spec. If-Match is optional.")
    @APIResponse(responseCode = "200", description = "The device after the change")
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
            summary = "Change a device",
            description = "JSON Merge Patch (RFC 7396) of metadata.labels and spec. If-Match is optional.")
    @APIResponse(responseCode = "200", description = "The device after the change")
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
    @Operation(
            summary = "Delete a device",
            description =
                    "The node closes its session at its next sync. Refused with 409 while rules watch the device.")
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
