package io.edgefleet.server.web.topology;

import io.edgefleet.server.security.Permission;
import io.edgefleet.server.topology.Topology;
import io.edgefleet.server.topology.TopologyReader;
import io.edgefleet.server.web.ApiResponses;
import io.edgefleet.server.web.security.Callers;
import io.edgefleet.server.web.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

/** {@code /api/v1/topology}: the tenant's sites, their nodes and each node's device states. */
@Path("topology")
@RequestScoped
@Produces(ApiResponses.JSON)
@Tag(name = "topology")
public class TopologyResource {
    @Inject
    TopologyReader reader;

    @Context
    SecurityContext security;

    @GET
    @RequiresPermission(Permission.READ)
    @Operation(
            summary = "The fleet's topology",
            description = "Sites (a node's 'site' label; \"\" for nodes without one) with their nodes in name"
                    + " order: phase, lastSeen, labels and how many devices are Online, Offline and Unknown."
                    + " Watch /watch/nodes, /watch/devices and /watch/events from its resourceVersion.")
    @APIResponse(
            responseCode = "200",
            description = "The topology",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = Topology.class)))
    public Topology get() {
        return reader.read(Callers.of(security).tenant());
    }
}
