package io.edgefleet.server.web.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.security.Caller;
import io.edgefleet.server.security.Permission;
import io.edgefleet.server.twin.Twins;
import io.edgefleet.server.web.ApiResponses;
import io.edgefleet.server.web.security.Callers;
import io.edgefleet.server.web.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/devices/{name}/twin}: desired, reported and delta per property of a device. */
@Path("devices/{name}/twin")
@RequestScoped
@Produces(ApiResponses.JSON)
@Tag(name = "devices")
public class TwinResource {
    @Inject
    Twins twins;

    @Context
    SecurityContext security;

    @GET
    @RequiresPermission(Permission.READ)
    @Operation(
            summary = "Read a device's twin",
            description = "Per model property: name, type, unit, accessMode, desired {value, version, by, at},"
                    + " reported {value, quality (good, stale, error), sourceTime, error, at}, inSync and delta (the"
                    + " desired value the device does not report yet). The ETag is twinVersion.")
    @APIResponse(responseCode = "200", description = "The twin")
    @APIResponse(
            responseCode = "404",
            description = "not-found",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("name") String name) {
        return withEtag(twins.get(Callers.of(security).tenant(), name));
    }

    @PATCH
    @Consumes(ApiResponses.MERGE_PATCH)
    @RequiresPermission(Permission.DEPLOY)
    @Operation(
            summary = "Set desired values",
            description = "JSON Merge Patch {\"desired\": {\"<property>\": value or null}}: each value must fit its"
                    + " ReadWrite property (type, min, max, symbols); null clears a desired value. If-Match (the"
                    + " twin's ETag) is optional. The node writes each value to the device and reads it back"
                    + " before it reports it; where the edge changed a property meanwhile, the cloud's value wins"
                    + " (docs/decisions/0005).")
    @APIResponse(responseCode = "200", description = "The twin after the change")
    @APIResponse(
            responseCode = "412",
            description = "precondition-failed",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "unknown-property, read-only-property, invalid-desired-value",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response patch(
            @PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Caller caller = Callers.of(security);
        return withEtag(
                twins.patchDesired(caller.tenant(), name, patch, Optional.ofNullable(ifMatch), caller.username()));
    }

    private static Response withEtag(ObjectNode twin) {
        return Response.ok(twin)
                .header(
                        HttpHeaders.ETAG,
                        SpecEndpoint.etag(twin.path("twinVersion").asLong()))
                .build();
    }
}
