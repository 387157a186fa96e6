package io.edgefleet.server.web.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.resource.PageLimit;
import io.edgefleet.server.security.Caller;
import io.edgefleet.server.security.Permission;
import io.edgefleet.server.web.ApiResponses;
import io.edgefleet.server.web.security.Callers;
import io.edgefleet.server.web.security.RequiresPermission;
import io.edgefleet.server.workload.InstanceList;
import io.edgefleet.server.workload.Workload;
import io.edgefleet.server.workload.WorkloadList;
import io.edgefleet.server.workload.Workloads;
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

/** {@code /api/v1/workloads}: what runs on which nodes, and how each node's instance is doing. */
@Path("workloads")
@RequestScoped
@Produces(ApiResponses.JSON)
@Tag(name = "workloads")
public class WorkloadsResource {
    @Inject
    Workloads workloads;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @RequiresPermission(Permission.READ)
    @Operation(summary = "List workloads", description = "In name order, paged by keyset, with rollout counts.")
    @APIResponse(
            responseCode = "200",
            description = "A page of workloads",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = WorkloadList.class)))
    public WorkloadList list(
            @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
            @Parameter(description = "metadata.continue of the previous page") @QueryParam("continue")
                    String continueToken) {
        return workloads.list(
                Callers.of(security).tenant(), PageLimit.parse(limit), Optional.ofNullable(continueToken));
    }

    @POST
    @Consumes(ApiResponses.JSON)
    @RequiresPermission(Permission.DEPLOY)
    @Operation(
            summary = "Create a workload",
            description = "Runs spec.template on every node matching spec.selector. Omitted template fields take"
                    + " their defaults: runtime process, restartPolicy Always, no probes, no limits, stopGraceSeconds"
                    + " 10.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag headers",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = Workload.class)))
    @APIResponse(
            responseCode = "409",
            description = "workload-exists",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "invalid-workload: the detail names the field",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(JsonNode body) {
        Caller caller = Callers.of(security);
        Workload created = workloads.create(caller.tenant(), body, caller.username());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.metadata().name())
                        .build())
                .entity(created)
                .header(HttpHeaders.ETAG, created.etag())
                .build();
    }

    @GET
    @Path("{name}")
    @RequiresPermission(Permission.READ)
    @Operation(summary = "Read a workload", description = "The ETag header carries its resourceVersion.")
    @APIResponse(
            responseCode = "200",
            description = "The workload with its rollout counts",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = Workload.class)))
    @APIResponse(
            responseCode = "404",
            description = "not-found",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("name") String name) {
        Workload workload = workloads.get(Callers.of(security).tenant(), name);
        return Response.ok(workload).header(HttpHeaders.ETAG, workload.etag()).build();
    }

    @GET
    @Path("{name}/instances")
    @RequiresPermission(Permission.READ)
    @Operation(
            summary = "Per-node instances of a workload",
            description = "One entry per node that must run it, in node-name order: the generation handed to the"
                    + " node by the rollout and what the node last reported. This is the rollout view.")
    @APIResponse(
            responseCode = "200",
            description = "A page of instances",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = InstanceList.class)))
    public InstanceList instances(
            @PathParam("name") String name,
            @QueryParam("limit") String limit,
            @QueryParam("continue") String continueToken) {
        return workloads.instances(
                Callers.of(security).tenant(), name, PageLimit.parse(limit), Optional.ofNullable(continueToken));
    }

    @PUT
    @Path("{name}")
    @Consumes(ApiResponses.JSON)
    @RequiresPermission(Permission.DEPLOY)
    @Operation(
            summary = "Replace a workload",
            description = "A template change starts a rolling update under spec.rollout.maxUnavailable; a change"
                    + " of labels or selector alone restarts nothing. If-Match is optional.")
    @APIResponse(
            responseCode = "200",
            description = "The workload after the change",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = Workload.class)))
    @APIResponse(
            responseCode = "412",
            description = "precondition-failed",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response replace(
            @PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body) {
        Caller caller = Callers.of(security);
        Workload workload =
                workloads.replace(caller.tenant(), name, body, Optional.ofNullable(ifMatch), caller.username());
        return Response.ok(workload).header(HttpHeaders.ETAG, workload.etag()).build();
    }

    @PATCH
    @Path("{name}")
    @Consumes(ApiResponses.MERGE_PATCH)
    @RequiresPermission(Permission.DEPLOY)
    @Operation(
            summary = "Change a workload",
            description = "JSON Merge Patch (RFC 7396) of metadata.labels and spec. If-Match is optional.")
    @APIResponse(
            responseCode = "200",
            description = "The workload after the change",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = Workload.class)))
    @APIResponse(
            responseCode = "412",
            description = "precondition-failed",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response patch(
            @PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode mergePatch) {
        Caller caller = Callers.of(security);
        Workload workload =
                workloads.patch(caller.tenant(), name, mergePatch, Optional.ofNullable(ifMatch), caller.username());
        return Response.ok(workload).header(HttpHeaders.ETAG, workload.etag()).build();
    }

    @DELETE
    @Path("{name}")
    @RequiresPermission(Permission.DEPLOY)
    @Operation(summary = "Delete a workload", description = "Every node stops its instance at its next sync.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "412",
            description = "precondition-failed",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Caller caller = Callers.of(security);
        workloads.delete(caller.tenant(), name, Optional.ofNullable(ifMatch), caller.username());
        return Response.noContent().build();
    }
}
