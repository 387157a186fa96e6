package io.edgefleet.server.web.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.LogStream;
import io.edgefleet.protocol.LogsRequest;
import io.edgefleet.protocol.Names;
import io.edgefleet.server.node.Node;
import io.edgefleet.server.node.NodeList;
import io.edgefleet.server.node.Nodes;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.resource.PageLimit;
import io.edgefleet.server.security.Caller;
import io.edgefleet.server.security.Permission;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.web.ApiResponses;
import io.edgefleet.server.web.security.Callers;
import io.edgefleet.server.web.security.RequiresPermission;
import io.edgefleet.server.workload.NodeInstance;
import io.edgefleet.server.workload.WorkloadInstances;
import io.edgefleet.server.workload.WorkloadLog;
import io.edgefleet.server.workload.WorkloadLogs;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/nodes}: the edge PCs of the caller's tenant. */
@Path("nodes")
@RequestScoped
@Produces(ApiResponses.JSON)
@Tag(name = "nodes")
public class NodesResource {
    @Inject
    Nodes nodes;

    @Inject
    WorkloadInstances instances;

    @Inject
    WorkloadLogs logs;

    @Context
    SecurityContext security;

    @GET
    @RequiresPermission(Permission.READ)
    @Operation(summary = "List nodes", description = "In name order, filtered by a label selector, paged by keyset.")
    @APIResponse(
            responseCode = "200",
            description = "A page of nodes",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = NodeList.class)))
    @APIResponse(
            responseCode = "400",
            description = "invalid-selector, invalid-continue or invalid-request (limit)",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public NodeList list(
            @Parameter(description = "Kubernetes-style selector, e.g. site=hamburg,line in (1,2),!gpu")
                    @QueryParam("labelSelector")
                    String labelSelector,
            @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
            @Parameter(description = "metadata.continue of the previous page") @QueryParam("continue")
                    String continueToken) {
        return nodes.list(
                Callers.of(security).tenant(),
                labelSelector == null ? "" : labelSelector,
                PageLimit.of(parseLimit(limit)),
                Optional.ofNullable(continueToken));
    }

    @GET
    @Path("{name}")
    @RequiresPermission(Permission.READ)
    @Operation(summary = "Read a node", description = "The ETag header carries its resourceVersion.")
    @APIResponse(
            responseCode = "200",
            description = "The node",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = Node.class)))
    @APIResponse(
            responseCode = "404",
            description = "not-found",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("name") String name) {
        Node node = nodes.get(Callers.of(security).tenant(), name);
        return Response.ok(node).header(HttpHeaders.ETAG, node.etag()).build();
    }

    @GET
    @Path("{name}/workloads")
    @RequiresPermission(Permission.READ)
    @Operation(
            summary = "A node's workloads",
            description = "Every workload the node must run, in name order, with the generation handed to it and"
                    + " what the node last reported: phase, restarts, last exit code, message.")
    @APIResponse(
            responseCode = "200",
            description = "The node's workloads",
            content =
                    @Content(
                            mediaType = ApiResponses.JSON,
                            schema = @Schema(implementation = NodeInstance.OnNode.class)))
    @APIResponse(
            responseCode = "404",
            description = "not-found: no such node",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public NodeInstance.OnNode workloads(@PathParam("name") String name) {
        TenantRef tenant = Callers.of(security).tenant();
        nodes.get(tenant, name);
        return instances.onNode(tenant, name);
    }

    @GET
    @Path("{name}/workloads/{workload}/logs")
    @RequiresPermission(Permission.READ)
    @Operation(
            summary = "A workload's log, read on its node now",
            description = "The last lines of what the workload wrote to stdout or stderr on this node. Logs stay on"
                    + " the edge PC; the server asks the node for them (the node must be Online) and waits up to"
                    + " 10 s. An answer is at most about 192 KB of text: `truncated` says older lines were left out.")
    @APIResponse(
            responseCode = "200",
            description = "The log's last lines, oldest first",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = WorkloadLog.class)))
    @APIResponse(
            responseCode = "400",
            description = "invalid-request: stream is not stdout or stderr, lines not 1 to 5000",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "not-found: no such node, or no workload of that name has run on it",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "node-offline: the node is not Online",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "edge-link-down; 504 node-not-answering; 502 edge-error",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public WorkloadLog logs(
            @PathParam("name") String name,
            @PathParam("workload") String workload,
            @Parameter(description = "stdout (default) or stderr") @QueryParam("stream") String stream,
            @Parameter(description = "How many lines from the end, 1 to 5000 (default 100)") @QueryParam("lines")
                    String lines) {
        if (!Names.isValid(workload)) {
            throw new FleetException(ProblemCode.INVALID_REQUEST, "'" + workload + "' is not a workload name");
        }
        LogStream which;
        int count;
        try {
            which = LogStream.ofQuery(stream);
            count = LogsRequest.linesOfQuery(lines);
        } catch (IllegalArgumentException e) {
            throw new FleetException(ProblemCode.INVALID_REQUEST, e.getMessage(), e);
        }
        return logs.fetch(Callers.of(security).tenant(), name, workload, which, count);
    }

    @PATCH
    @Path("{name}")
    @Consumes(ApiResponses.MERGE_PATCH)
    @RequiresPermission(Permission.PATCH_LABELS)
    @Operation(
            summary = "Change a node's labels",
            description = "JSON Merge Patch (RFC 7396) of metadata.labels only: a string sets a label, null"
                    + " removes it. Anything else is 422 field-not-patchable. If-Match is optional.")
    @APIResponse(
            responseCode = "200",
            description = "The node after the change",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = Node.class)))
    @APIResponse(
            responseCode = "412",
            description = "precondition-failed: If-Match does not match the current ETag",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "field-not-patchable",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response patch(
            @PathParam("name") String name,
            @Parameter(description = "The ETag of the version the change is based on")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode mergePatch) {
        Caller caller = Callers.of(security);
        Node node = nodes.patch(caller.tenant(), name, mergePatch, Optional.ofNullable(ifMatch), caller.username());
        return Response.ok(node).header(HttpHeaders.ETAG, node.etag()).build();
    }

    @DELETE
    @Path("{name}")
    @RequiresPermission(Permission.ADMIN)
    @Operation(
            summary = "Delete a node",
            description = "Revokes its MQTT credentials; its messages are dropped from then on.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "412",
            description = "precondition-failed",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Caller caller = Callers.of(security);
        nodes.delete(caller.tenant(), name, Optional.ofNullable(ifMatch), caller.username());
        return Response.noContent().build();
    }

    private static Optional<Integer> parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(limit.strip()));
        } catch (NumberFormatException e) {
            throw new FleetException(ProblemCode.INVALID_REQUEST, "limit must be a whole number", e);
        }
    }
}
